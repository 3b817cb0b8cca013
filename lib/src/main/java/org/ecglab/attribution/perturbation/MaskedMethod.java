package org.ecglab.attribution.perturbation;

import java.util.Map;
import org.ecglab.attribution.FeatureMaskSpec;
import org.ecglab.attribution.FiducialSource;
import org.ecglab.attribution.MaskedAttributionMethod;
import org.ecglab.attribution.ParameterSchema;

/**
 * What the four masked methods (feature ablation, LIME, KernelSHAP, Shapley sampling) share besides their
 * algorithm: the id, the typed parameters and their map form, and the mask setting (kind and fiducial source).
 *
 * @param <P> the method's parameter record
 */
abstract class MaskedMethod<P extends Record> implements MaskedAttributionMethod {
    private final String id;
    private final ParameterSchema<P> schema;
    /** The method's parameters. */
    final P params;
    /** The mask kind and where waves masks take their fiducial points from. */
    final MaskSetting mask;

    MaskedMethod(String id, ParameterSchema<P> schema, P params, MaskSetting mask) {
        this.id = id;
        this.schema = schema;
        this.params = params;
        this.mask = mask;
    }

    /** The same method with another mask setting. */
    abstract MaskedAttributionMethod with(MaskSetting setting);

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Map<String, Object> parameters() {
        return schema.toMap(params);
    }

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
        return id + parameters() + mask.describe();
    }
}
