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
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;

/**
 * DeepLIFT SHAP (Lundberg &amp; Lee 2017, "A unified approach to interpreting model predictions"), as Captum's
 * {@code DeepLiftShap}: {@link DeepLift} against every row {@code b_j} of a baseline distribution, averaged,
 * <pre>
 *   a(x) = (1/M) Σ_j DeepLIFT(x; b_j)
 * </pre>
 * which approximates SHAP values with the baselines as background data. The baselines are all rows of
 * {@link Baselines} (e.g. {@link Baselines#distribution} of training ECGs), at least 2, as Captum requires. Nothing
 * is drawn at random: every baseline is used. Completeness: {@code Σ a = f_c(x) − (1/M) Σ_j f_c(b_j)}; the gap is the
 * convergence delta (the mean of Captum's per-baseline deltas).
 *
 * <p>Parameters: {@code multiply_by_inputs} as Captum's (false: the multipliers averaged, no delta); DeepLIFT's
 * {@code eps} at Captum's 1e-10 (Captum's {@code DeepLiftShap} does not expose it).
 *
 * <p>Cost: DeepLIFT's per input and baseline, i.e. {@code M} times DeepLIFT's per ECG.
 */
public final class DeepLiftShap extends ConfiguredMethod<DeepLiftShap.Params> {
    /** Method id. */
    public static final String ID = "deeplift_shap";

    /**
     * @param multiplyByInputs  multiply the multipliers by {@code x − b_j} (Captum's default)
     * @param internalBatchSize (input, baseline) pairs per walk
     */
    public record Params(boolean multiplyByInputs, int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                Param.bool("multiply_by_inputs", true,
                        "multiply the multipliers by (input - baseline) (Captum's default) or return them alone"),
                GradientComputer.internalBatchSizeParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "propagation",
            "DeepLIFT averaged over a baseline distribution, approximating SHAP (Lundberg & Lee 2017)", Params.SCHEMA,
            DeepLiftShap::new);

    /** Captum's defaults. */
    public DeepLiftShap() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public DeepLiftShap(Params params) {
        super(DESCRIPTOR, params);
    }

    /** Builds from a parameter map ({@link Params} names). */
    public static DeepLiftShap fromParameters(Map<String, ?> parameters) {
        return new DeepLiftShap(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        float[][][] rows = baselines.rowsToDrawFrom(ID, 2);
        int m = rows.length;
        int n = inputs.length;
        double[][] sums = new double[n][GradientComputer.ROW_SIZE];
        double[] logitGaps = new double[n];
        BackwardTraversal walk = new BackwardTraversal(Composites.deepLift(DeepLift.DEFAULT_EPS),
                BackwardTraversal.Start.GRADIENT, params.internalBatchSize());
        // Pair (i, j) is row i * M + j, Captum's order; each pair's map is added to input i's sum as it arrives.
        walk.run(model, ID, n * m, new BackwardTraversal.RowSource() {
            @Override
            public int target(int row) {
                return targets[row / m];
            }

            @Override
            public void fillInput(int row, float[] dest, int offset) {
                GradientComputer.copyIn(inputs[row / m], dest, offset);
            }

            @Override
            public boolean hasReferences() {
                return true;
            }

            @Override
            public void fillReference(int row, float[] dest, int offset) {
                GradientComputer.copyIn(rows[row % m], dest, offset);
            }
        }, (row, multipliers, offset, logit, referenceLogit) -> {
            int i = row / m;
            float[][] x = inputs[i];
            float[][] b = rows[row % m];
            double[] acc = sums[i];
            for (int l = 0; l < EcgFormat.LEADS; l++) {
                for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                    int j = l * EcgFormat.SAMPLES + t;
                    float a = multipliers[offset + j];
                    acc[j] += params.multiplyByInputs() ? a * (x[l][t] - b[l][t]) : a;
                }
            }
            logitGaps[i] += (double) logit - referenceLogit;
        });
        float[][][] values = new float[n][EcgFormat.LEADS][EcgFormat.SAMPLES];
        double[] delta = params.multiplyByInputs() ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < EcgFormat.LEADS; l++) {
                for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                    values[i][l][t] = (float) (sums[i][l * EcgFormat.SAMPLES + t] / m);
                }
            }
            if (delta != null) {
                delta[i] = Relevance.sum(values[i]) - logitGaps[i] / m;
            }
        }
        return Attribution.of(this, model, inputs, values).baselines(baselines).convergenceDelta(delta).build();
    }

}
