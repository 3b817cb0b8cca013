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
 * LRP with the flat rule on every convolution and linear layer (Lapuschkin et al. 2019, "Unmasking Clever Hans
 * predictors"; Zennit's {@code Flat}): each output's relevance spread evenly over the inputs it sees,
 * <pre>
 *   R_j = Σ_{i sees j} R_i / n_i
 * </pre>
 * ignoring weights and input values. The rest follows Zennit's base layer map: batch norm folded into the
 * convolution before it, relevance passed through ReLUs, average pooling by the normalised rule, max pooling to the
 * winning input, which is the only way the input shapes the map. A reference point rather than an explanation: the
 * composites use it for the first layer only.
 * Relevance starts as the target logit {@code f_c(x)}; the per-ECG gap {@code Σ R − f_c(x)} is the convergence
 * delta. Baselines are ignored. Cost: one forward pass, then per layer one local forward and backward pass for each
 * modified pass of its rule.
 */
public final class LrpFlat extends ConfiguredMethod<LrpFlat.Params> {
    /** Method id. */
    public static final String ID = "lrp_flat";

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
            "LRP with the flat rule on every convolution and linear layer (Lapuschkin et al. 2019)", Params.SCHEMA, LrpFlat::new);

    /** Zennit's stabilizer 1e-6. */
    public LrpFlat() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public LrpFlat(Params params) {
        super(DESCRIPTOR, params);
    }

    /** Builds from a parameter map ({@link Params} names). */
    public static LrpFlat fromParameters(Map<String, ?> parameters) {
        return new LrpFlat(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        return LrpAttribution.attribute(this, Composites.uniform("flat", LrpRule.flat(params.stabilizer()), params.stabilizer()), params.internalBatchSize(), model, inputs,
                targets, baselines);
    }

}
