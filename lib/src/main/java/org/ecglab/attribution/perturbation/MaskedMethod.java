package org.ecglab.attribution.perturbation;

import org.ecglab.attribution.FeatureMaskSpec;
import org.ecglab.attribution.FiducialSource;
import org.ecglab.attribution.MaskedAttributionMethod;
import org.ecglab.attribution.ConfiguredMethod;
import org.ecglab.attribution.MethodDescriptor;

/**
 * What the four masked methods (feature ablation, LIME, KernelSHAP, Shapley sampling) share besides their
 * algorithm and {@link ConfiguredMethod}'s parts: the mask setting (kind and fiducial source).
 *
 * @param <P> the method's parameter record
 */
abstract class MaskedMethod<P extends Record> extends ConfiguredMethod<P> implements MaskedAttributionMethod {
    /** The mask kind and where waves masks take their fiducial points from. */
    final MaskSetting mask;

    MaskedMethod(MethodDescriptor<P> descriptor, P params, MaskSetting mask) {
        super(descriptor, params);
        this.mask = mask;
    }

    /** The same method with another mask setting. */
    abstract MaskedAttributionMethod with(MaskSetting setting);

    @Override
    public final FeatureMaskSpec featureMask() {
        return mask.spec();
    }

    @Override
    public final FiducialSource fiducials() {
        return mask.fiducials();
    }

    @Override
    public final MaskedAttributionMethod withFiducials(FiducialSource source) {
        return with(mask.with(source));
    }

    @Override
    public final String toString() {
        return id() + parameters() + mask.describe();
    }
}
