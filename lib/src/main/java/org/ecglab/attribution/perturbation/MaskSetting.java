package org.ecglab.attribution.perturbation;

import java.util.Objects;
import org.ecglab.attribution.FeatureMaskSpec;
import org.ecglab.attribution.FiducialSource;

/**
 * What a masked method knows of its features: the mask kind from its {@code feature_mask} parameter and where
 * fiducial points for {@code waves} masks come from (a delineation of each ECG unless given).
 *
 * @param spec      the kind of mask
 * @param fiducials the source of fiducial points
 */
record MaskSetting(FeatureMaskSpec spec, FiducialSource fiducials) {
    MaskSetting {
        Objects.requireNonNull(spec, "feature mask");
        Objects.requireNonNull(fiducials, "fiducial source");
    }

    /** The kind named by {@code text} with fiducials from a delineation of each ECG. */
    static MaskSetting of(String text) {
        return new MaskSetting(FeatureMaskSpec.parse(text), FiducialSource.delineated());
    }

    MaskSetting with(FiducialSource source) {
        return new MaskSetting(spec, source);
    }

    /** The masked inputs of one call. */
    MaskedEcgs resolve(float[][][] inputs, float[][][] baselines) {
        return MaskedEcgs.of(inputs, baselines, spec, fiducials);
    }

    /** Appended to a method's {@code toString()}: where the points of {@code waves} masks come from. */
    String describe() {
        return spec.needsFiducials() ? ", fiducials " + fiducials.describe() : "";
    }
}
