package org.ecglab.attribution.gradient;

import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionInputs;
import org.ecglab.attribution.ConfiguredMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.attribution.GradientPassMethod;
import org.ecglab.attribution.MethodDescriptor;
import org.ecglab.attribution.Param;
import org.ecglab.attribution.ParameterSchema;
import org.ecglab.nn.EcgClassifier;

/**
 * Saliency (Simonyan, Vedaldi &amp; Zisserman 2014, "Deep inside convolutional networks"): the gradient of the
 * target logit with respect to the input, {@code a = |∂f_c(x)/∂x|}, or the signed gradient {@code ∂f_c(x)/∂x}
 * when {@code abs=false}. As in Captum, {@code abs=true} is the default. Baselines are ignored.
 * Cost: one forward and one backward pass per ECG.
 */
public final class Saliency extends ConfiguredMethod<Saliency.Params> implements GradientPassMethod {
    /** Method id. */
    public static final String ID = "saliency";

    /**
     * @param abs               return {@code |grad|} (Captum's default) or the signed gradient
     * @param internalBatchSize ECGs per forward/backward pass
     */
    public record Params(boolean abs, int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                Param.bool("abs", true, "absolute value of the gradient (Captum's default) or the signed gradient"),
                GradientComputer.internalBatchSizeParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "gradient",
            "gradient of the target logit (Simonyan et al. 2014)", Params.SCHEMA, Saliency::new);

    private final GradientComputer gradients;

    /** Captum's defaults: absolute gradients. */
    public Saliency() {
        this(Params.SCHEMA.defaults());
    }

    /**
     * @param abs               {@code |grad|} (true) or the signed gradient
     * @param internalBatchSize ECGs per forward/backward pass, at least 1
     */
    public Saliency(boolean abs, int internalBatchSize) {
        this(Params.SCHEMA.parse(java.util.Map.of("abs", abs, "internal_batch_size", internalBatchSize)));
    }

    /** With the given parameters. */
    public Saliency(Params params) {
        super(DESCRIPTOR, params);
        this.gradients = new GradientComputer(params.internalBatchSize());
    }

    /** Builds from a parameter map ({@link Params} names, e.g. {@code abs}). */
    public static Saliency fromParameters(Map<String, ?> parameters) {
        return new Saliency(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        // |g| is taken by the engine, as Captum does, before the maps are copied out.
        float[][][] g = params.abs() ? gradients.gradients(model, inputs, targets, (gradient, x) -> gradient.abs())
                : gradients.gradients(model, inputs, targets);
        return Attribution.of(this, model, inputs, g).signed(!params.abs()).build();
    }

    /** {@inheritDoc} Here: one forward and backward pass. */
    @Override
    public int passesPerEcg() {
        return 1;
    }
}
