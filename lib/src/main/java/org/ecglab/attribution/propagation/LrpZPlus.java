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
 * LRP with the z-plus rule on every convolution and linear layer (Montavon et al. 2017, "Explaining nonlinear
 * classification decisions with deep Taylor decomposition"; Zennit's {@code ZPlus}): only positive contributions,
 * <pre>
 *   R_j = Σ_i (x_j w_ij)⁺ R_i / Σ_j' (x_j' w_ij')⁺
 * </pre>
 * (with the positive part of the bias in the denominator); equal to alpha-beta with {@code α = 1, β = 0}. The rest
 * follows Zennit's base layer map: batch norm folded into the convolution before it, relevance passed through
 * ReLUs, average pooling by the normalised rule, max pooling to the winning input.
 * Relevance starts as the target logit {@code f_c(x)}; the per-ECG gap {@code Σ R − f_c(x)} is the convergence
 * delta. Baselines are ignored. Cost: one forward pass, then per layer one local forward and backward pass for each
 * modified pass of its rule.
 */
public final class LrpZPlus extends ConfiguredMethod<LrpZPlus.Params> {
    /** Method id. */
    public static final String ID = "lrp_z_plus";

    /**
     * @param stabilizer the denominators' stabiliser
     * @param internalBatchSize ECGs per walk
     */
    public record Params(double stabilizer, int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                LrpParameters.stabilizer(),
                GradientComputer.internalBatchSizeParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "propagation",
            "LRP with the z-plus rule on every convolution and linear layer (Montavon et al. 2017)", Params.SCHEMA, LrpZPlus::new);

    /** Zennit's stabilizer 1e-6. */
    public LrpZPlus() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public LrpZPlus(Params params) {
        super(DESCRIPTOR, params);
    }

    /** Builds from a parameter map ({@link Params} names). */
    public static LrpZPlus fromParameters(Map<String, ?> parameters) {
        return new LrpZPlus(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        return LrpAttribution.attribute(this, Composites.uniform("z-plus", LrpRule.zPlus(params.stabilizer()), params.stabilizer()), params.internalBatchSize(), model, inputs,
                targets, baselines);
    }

}
