package org.ecglab.attribution.propagation;

import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.ConfiguredMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.attribution.MethodDescriptor;
import org.ecglab.attribution.ParameterSchema;
import org.ecglab.attribution.backprop.Composites;
import org.ecglab.attribution.backprop.LrpRule;
import org.ecglab.nn.EcgClassifier;

/**
 * LRP with the (generalised) gamma rule on every convolution and linear layer (Montavon et al. 2019, "Layer-wise
 * relevance propagation: an overview"; Andéol et al. 2021; Zennit's {@code Gamma}): positive contributions
 * amplified, for {@code x >= 0}
 * <pre>
 *   R_j = Σ_i x_j (w_ij + γ w⁺_ij) R_i / Σ_j' x_j' (w_ij' + γ w⁺_ij')
 * </pre>
 * ({@link org.ecglab.attribution.backprop.LrpRule#gamma} for signed inputs). The rest follows Zennit's base layer
 * map: batch norm folded into the convolution before it, relevance passed through ReLUs, average pooling by the
 * normalised rule, max pooling to the winning input. {@code γ = 0} is LRP-0 (with the stabiliser), large
 * {@code γ} approaches z-plus.
 * Relevance starts as the target logit {@code f_c(x)}; the per-ECG gap {@code Σ R − f_c(x)} is the convergence
 * delta. Baselines are ignored. Cost: one forward pass, then per layer one local forward and backward pass for each
 * modified pass of its rule.
 */
public final class LrpGamma extends ConfiguredMethod<LrpGamma.Params> {
    /** Method id. */
    public static final String ID = "lrp_gamma";

    /**
     * @param gamma the amplification of positive contributions
     * @param stabilizer the denominators' stabiliser
     * @param internalBatchSize ECGs per walk
     */
    public record Params(double gamma, double stabilizer, int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                LrpParameters.gamma(),
                LrpParameters.stabilizer(),
                GradientComputer.internalBatchSizeParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "propagation",
            "LRP with the gamma rule on every convolution and linear layer (Montavon et al. 2019)", Params.SCHEMA, LrpGamma::new);

    /** Zennit's defaults: gamma 0.25, stabilizer 1e-6. */
    public LrpGamma() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public LrpGamma(Params params) {
        super(DESCRIPTOR, params);
    }

    /** Builds from a parameter map ({@link Params} names). */
    public static LrpGamma fromParameters(Map<String, ?> parameters) {
        return new LrpGamma(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        return LrpAttribution.attribute(this, Composites.uniform("gamma", LrpRule.gamma(params.gamma(), params.stabilizer()), params.stabilizer()), params.internalBatchSize(), model, inputs,
                targets, baselines);
    }

}
