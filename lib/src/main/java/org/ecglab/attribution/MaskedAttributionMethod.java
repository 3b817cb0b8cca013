package org.ecglab.attribution;

import org.ecglab.data.EcgDataset;

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

    /**
     * {@code method} with its {@code waves} masks built from the fiducial points {@code data} carries where it has
     * them ({@link FiducialSource#of}: the generator's designed points, PTB-XL+'s ECGdeli points), if it is a masked
     * method with such a mask and the data carries points; otherwise {@code method} itself.
     */
    static AttributionMethod withFiducialsOf(AttributionMethod method, EcgDataset data) {
        if (method instanceof MaskedAttributionMethod masked && masked.featureMask().needsFiducials()
                && data.hasBeatFiducials()) {
            return masked.withFiducials(FiducialSource.of(data));
        }
        return method;
    }
}
