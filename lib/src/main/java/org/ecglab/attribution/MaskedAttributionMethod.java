package org.ecglab.attribution;

/**
 * An attribution method that perturbs groups of points together, as a {@link FeatureMask} of the kind its
 * {@code feature_mask} parameter names ({@link FeatureMaskSpec}); masks of the {@code waves} kind are built from each
 * ECG's fiducial points, which come from a {@link FiducialSource} that is not a parameter (it is data about the ECGs,
 * like the baselines): every result records the masks it used.
 */
public interface MaskedAttributionMethod extends AttributionMethod {

    /** The kind of feature mask. */
    FeatureMaskSpec featureMask();

    /** Where fiducial points for {@code waves} masks come from. */
    FiducialSource fiducials();

    /** Forward passes this method makes per ECG whose mask has {@code features} features. */
    long evaluationsPerEcg(int features);

    /** The same method with fiducial points from {@code source}. */
    MaskedAttributionMethod withFiducials(FiducialSource source);
}
