package org.ecglab.attribution.propagation;

import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.ConfiguredMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.attribution.MethodDescriptor;
import org.ecglab.attribution.Param;
import org.ecglab.attribution.ParameterSchema;
import org.ecglab.attribution.backprop.Composites;
import org.ecglab.attribution.backprop.LrpRule;
import org.ecglab.nn.EcgClassifier;

/**
 * LRP with the alpha-beta rule on every convolution and linear layer (Bach et al. 2015; Zennit's
 * {@code AlphaBeta}):
 * <pre>
 *   R_j = Σ_i ( α (x_j w_ij)⁺ / Σ_j' (x_j' w_ij')⁺  −  β (x_j w_ij)⁻ / Σ_j' (x_j' w_ij')⁻ ) R_i
 * </pre>
 * (positive and negative parts of each contribution, the bias's part joining its sign's denominator), with
 * {@code α − β = 1}; the default {@code α = 1, β = 0} keeps only positive contributions (equal to
 * {@code lrp_z_plus}). The rest follows Zennit's base layer map: batch norm folded into the convolution before it,
 * relevance passed through ReLUs, average pooling by the normalised rule, max pooling to the winning input.
 * Relevance starts as the target logit {@code f_c(x)}; the per-ECG gap {@code Σ R − f_c(x)} is the convergence
 * delta. Baselines are ignored. Cost: one forward pass, then per layer one local forward and backward pass for each
 * modified pass of its rule.
 */
public final class LrpAlphaBeta extends ConfiguredMethod<LrpAlphaBeta.Params> {
    /** Method id. */
    public static final String ID = "lrp_alpha_beta";

    /**
     * @param alpha weight of the positive contributions
     * @param beta weight of the negative contributions
     * @param stabilizer the denominators' stabiliser
     * @param internalBatchSize ECGs per walk
     */
    public record Params(double alpha, double beta, double stabilizer, int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                Param.real("alpha", 1.0, 0, false, Double.POSITIVE_INFINITY, "weight of the positive contributions"),
                Param.real("beta", 0.0, 0, false, Double.POSITIVE_INFINITY, "weight of the negative contributions (alpha - beta = 1)"),
                LrpParameters.stabilizer(),
                GradientComputer.internalBatchSizeParam());

        /** Checks {@code α − β = 1}, as the rule conserves relevance only then. */
        public Params {
            if (alpha - beta != 1) {
                throw new IllegalArgumentException("alpha - beta must be 1 (e.g. alpha 1 beta 0, alpha 2 beta 1), got alpha "
                        + alpha + " and beta " + beta);
            }
        }
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "propagation",
            "LRP with the alpha-beta rule on every convolution and linear layer (Bach et al. 2015)", Params.SCHEMA, LrpAlphaBeta::new);

    /** alpha 1, beta 0, stabilizer 1e-6. */
    public LrpAlphaBeta() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public LrpAlphaBeta(Params params) {
        super(DESCRIPTOR, params);
    }

    /** Builds from a parameter map ({@link Params} names). */
    public static LrpAlphaBeta fromParameters(Map<String, ?> parameters) {
        return new LrpAlphaBeta(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        return LrpAttribution.attribute(this, Composites.uniform("alpha-beta", LrpRule.alphaBeta(params.alpha(), params.beta(), params.stabilizer()),
                params.stabilizer()), params.internalBatchSize(), model, inputs,
                targets, baselines);
    }

}
