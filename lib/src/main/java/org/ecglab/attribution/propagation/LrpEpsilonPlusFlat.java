package org.ecglab.attribution.propagation;

import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.ConfiguredMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.attribution.MethodDescriptor;
import org.ecglab.attribution.ParameterSchema;
import org.ecglab.attribution.backprop.Composites;
import org.ecglab.nn.EcgClassifier;

/**
 * The LRP composite of Zennit's {@code EpsilonPlusFlat} (Kohlbrenner et al. 2020, "Towards best practice in
 * explaining neural network decisions with LRP"): the flat rule for the first convolution (whose input, the raw ECG,
 * is signed and unbounded), z-plus for the other convolutions, epsilon for the linear layer; batch norm folded into
 * the convolution before it, relevance passed through ReLUs, average pooling by the normalised rule, max pooling to
 * the winning input. See {@link LrpFlat}, {@link LrpZPlus}, {@link LrpEpsilon} for the rules.
 * Relevance starts as the target logit {@code f_c(x)}; the per-ECG gap {@code Σ R − f_c(x)} is the convergence
 * delta. Baselines are ignored. Cost: one forward pass, then per layer one local forward and backward pass for each
 * modified pass of its rule.
 */
public final class LrpEpsilonPlusFlat extends ConfiguredMethod<LrpEpsilonPlusFlat.Params> {
    /** Method id. */
    public static final String ID = "lrp_epsilon_plus_flat";

    /**
     * @param epsilon the epsilon rule's stabiliser on linear layers
     * @param stabilizer the other rules' stabiliser
     * @param internalBatchSize ECGs per walk
     */
    public record Params(double epsilon, double stabilizer, int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                LrpParameters.epsilon(LrpParameters.ZENNIT_EPSILON, "of the linear layers (Zennit's default)"),
                LrpParameters.stabilizer(),
                GradientComputer.internalBatchSizeParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "propagation",
            "LRP composite: flat first convolution, z-plus convolutions, epsilon linear (Zennit EpsilonPlusFlat)", Params.SCHEMA, LrpEpsilonPlusFlat::new);

    /** Zennit's defaults: epsilon and stabilizer 1e-6. */
    public LrpEpsilonPlusFlat() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public LrpEpsilonPlusFlat(Params params) {
        super(DESCRIPTOR, params);
    }

    /** Builds from a parameter map ({@link Params} names). */
    public static LrpEpsilonPlusFlat fromParameters(Map<String, ?> parameters) {
        return new LrpEpsilonPlusFlat(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        return LrpAttribution.attribute(this, Composites.epsilonPlusFlat(params.epsilon(), params.stabilizer()), params.internalBatchSize(), model, inputs,
                targets, baselines);
    }

}
