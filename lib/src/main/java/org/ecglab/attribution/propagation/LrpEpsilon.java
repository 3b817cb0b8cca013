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
 * Layer-wise relevance propagation with the epsilon rule (Bach et al. 2015, "On pixel-wise explanations for
 * non-linear classifier decisions by layer-wise relevance propagation"), as Captum's {@code LRP} with
 * {@code EpsilonRule(epsilon)} set on every convolution, batch norm, pooling, flatten and linear layer:
 * <pre>
 *   R_j = x_j Σ_i (∂z_i/∂x_j) R_i / (z_i + ε sign(z_i)),   sign(0) = +1
 * </pre>
 * with relevance passed unchanged through ReLU and dropout, no batch-norm folding. With Captum's {@code ε = 1e-9}
 * this is LRP-0, which on a ReLU network without biases equals gradient × input and is complete (Ancona et al.
 * 2018); biases and batch-norm shifts absorb relevance.
 * Relevance starts as the target logit {@code f_c(x)}; the per-ECG gap {@code Σ R − f_c(x)} is the convergence
 * delta. Baselines are ignored. Cost: one forward pass, then per layer one local forward and backward pass for each
 * modified pass of its rule.
 */
public final class LrpEpsilon extends ConfiguredMethod<LrpEpsilon.Params> {
    /** Method id. */
    public static final String ID = "lrp_epsilon";

    /**
     * @param epsilon the epsilon rule's stabiliser, Captum's 1e-9 by default
     * @param internalBatchSize ECGs per walk
     */
    public record Params(double epsilon, int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                LrpParameters.epsilon(1e-9, "on every layer (Captum's EpsilonRule default)"),
                GradientComputer.internalBatchSizeParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "propagation",
            "relevance redistributed with the epsilon rule on every layer, as Captum (Bach et al. 2015)", Params.SCHEMA, LrpEpsilon::new);

    /** Captum's EpsilonRule default, epsilon 1e-9. */
    public LrpEpsilon() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public LrpEpsilon(Params params) {
        super(DESCRIPTOR, params);
    }

    /** Builds from a parameter map ({@link Params} names). */
    public static LrpEpsilon fromParameters(Map<String, ?> parameters) {
        return new LrpEpsilon(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        return LrpAttribution.attribute(this, Composites.captumEpsilon(params.epsilon()), params.internalBatchSize(), model, inputs,
                targets, baselines);
    }

}
