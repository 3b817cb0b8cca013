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
 * An LRP composite after Zennit's {@code EpsilonGammaBox} (Montavon et al. 2019's recommendation), with the flat rule
 * instead of z-box for the first convolution because an ECG has no natural bounds for z-box: flat for the first
 * convolution, gamma for the other convolutions, epsilon for the linear layer; batch norm folded into the
 * convolution before it, relevance passed through ReLUs, average pooling by the normalised rule, max pooling to the
 * winning input. See {@link LrpFlat}, {@link LrpGamma}, {@link LrpEpsilon} for the rules.
 * Relevance starts as the target logit {@code f_c(x)}; the per-ECG gap {@code Σ R − f_c(x)} is the convergence
 * delta. Baselines are ignored. Cost: one forward pass, then per layer one local forward and backward pass for each
 * modified pass of its rule.
 */
public final class LrpEpsilonGammaFlat extends ConfiguredMethod<LrpEpsilonGammaFlat.Params> {
    /** Method id. */
    public static final String ID = "lrp_epsilon_gamma_flat";

    /**
     * @param epsilon the epsilon rule's stabiliser on linear layers
     * @param gamma the gamma rule's amplification on the convolutions after the first
     * @param stabilizer the other rules' stabiliser
     * @param internalBatchSize ECGs per walk
     */
    public record Params(double epsilon, double gamma, double stabilizer, int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                LrpParameters.epsilon(LrpParameters.ZENNIT_EPSILON, "of the linear layers (Zennit's default)"),
                LrpParameters.gamma(),
                LrpParameters.stabilizer(),
                GradientComputer.internalBatchSizeParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "propagation",
            "LRP composite: flat first convolution, gamma convolutions, epsilon linear (after Zennit EpsilonGammaBox)", Params.SCHEMA, LrpEpsilonGammaFlat::new);

    /** Zennit's defaults: epsilon and stabilizer 1e-6, gamma 0.25. */
    public LrpEpsilonGammaFlat() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public LrpEpsilonGammaFlat(Params params) {
        super(DESCRIPTOR, params);
    }

    /** Builds from a parameter map ({@link Params} names). */
    public static LrpEpsilonGammaFlat fromParameters(Map<String, ?> parameters) {
        return new LrpEpsilonGammaFlat(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        return LrpAttribution.attribute(this, Composites.epsilonGammaFlat(params.epsilon(), params.gamma(), params.stabilizer()), params.internalBatchSize(), model, inputs,
                targets, baselines);
    }

}
