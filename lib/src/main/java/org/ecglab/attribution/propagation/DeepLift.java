package org.ecglab.attribution.propagation;

import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionInputs;
import org.ecglab.attribution.ConfiguredMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.attribution.MethodDescriptor;
import org.ecglab.attribution.Param;
import org.ecglab.attribution.ParameterSchema;
import org.ecglab.attribution.backprop.BackwardTraversal;
import org.ecglab.attribution.backprop.Composites;
import org.ecglab.attribution.backprop.DeepLiftRules;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;

/**
 * DeepLIFT with the rescale rule (Shrikumar, Greenside &amp; Kundaje 2017, "Learning important features through
 * propagating activation differences"), as Captum's {@code DeepLift}:
 * <pre>
 *   a = (x − x') ⊙ m,   m = the multipliers ∂̃f_c/∂̃x walked back from the target logit
 * </pre>
 * where linear layers (convolution, batch norm in inference, average pooling, flatten, linear) pass multipliers as
 * their gradient does and each ReLU replaces its derivative by {@code Δy/Δx} between the input's and the
 * baseline's activations ({@link DeepLiftRules#rescale}); max pooling has a rule of its own
 * ({@link DeepLiftRules#maxPool}, Captum's). Baseline {@code x'}: zeros unless given, one for all inputs or one per
 * input. Completeness (summation-to-delta): {@code Σ a = f_c(x) − f_c(x')}; the per-ECG gap is reported as the
 * convergence delta (up to float32 rounding, ~1e-6 relative on the default CNN).
 *
 * <p>Parameters as Captum's: {@code multiply_by_inputs} (true: the attribution above; false: the multipliers
 * {@code m} alone, "local" DeepLIFT, for which no delta is reported) and {@code eps} (1e-10: below this
 * {@code |Δx|} the ordinary gradient is used). Where we leave Captum: overlapping max-pooling windows and the
 * {@code |Δx| < eps} fallback of max pooling ({@link DeepLiftRules#maxPool}); neither occurs in the default CNN.
 *
 * <p>Cost: one forward pass on the inputs and their baselines together, then one local forward and backward pass
 * per layer (about 2 to 3 forward/backward passes per ECG).
 */
public final class DeepLift extends ConfiguredMethod<DeepLift.Params> {
    /** Method id. */
    public static final String ID = "deeplift";
    /** Captum's {@code eps}. */
    public static final double DEFAULT_EPS = 1e-10;

    /**
     * @param multiplyByInputs  multiply the multipliers by {@code x − x'} (Captum's default)
     * @param eps               smallest {@code |Δx|} at which the rescale rule replaces the gradient
     * @param internalBatchSize ECGs per walk (each with its baseline)
     */
    public record Params(boolean multiplyByInputs, double eps, int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                Param.bool("multiply_by_inputs", true,
                        "multiply the multipliers by (input - baseline) (Captum's default) or return them alone"),
                Param.real("eps", DEFAULT_EPS, 0, false, Double.POSITIVE_INFINITY,
                        "|input - baseline| below which a nonlinearity keeps its gradient (Captum's eps)"),
                GradientComputer.internalBatchSizeParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "propagation",
            "difference from a baseline propagated with the rescale rule (Shrikumar et al. 2017)", Params.SCHEMA,
            DeepLift::new);

    /** Captum's defaults. */
    public DeepLift() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public DeepLift(Params params) {
        super(DESCRIPTOR, params);
    }

    /** Builds from a parameter map ({@link Params} names, e.g. {@code eps}). */
    public static DeepLift fromParameters(Map<String, ?> parameters) {
        return new DeepLift(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        float[][][] base = baselines.perInput(ID, inputs.length);
        BackwardTraversal walk = new BackwardTraversal(Composites.deepLift(params.eps()),
                BackwardTraversal.Start.GRADIENT, params.internalBatchSize());
        BackwardTraversal.Result r = walk.run(model, ID, inputs, base, targets);
        float[][][] values = r.maps();
        double[] delta = null;
        if (params.multiplyByInputs()) {
            delta = new double[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                for (int l = 0; l < EcgFormat.LEADS; l++) {
                    for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                        values[i][l][t] *= inputs[i][l][t] - base[i][l][t];
                    }
                }
                delta[i] = Relevance.sum(values[i]) - ((double) r.logits()[i] - r.referenceLogits()[i]);
            }
        }
        return Attribution.of(this, model, inputs, values).baselines(baselines).convergenceDelta(delta).build();
    }

}
