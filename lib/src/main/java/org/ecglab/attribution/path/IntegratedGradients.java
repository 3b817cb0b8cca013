package org.ecglab.attribution.path;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionInputs;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.attribution.MethodParameters;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;

/**
 * Integrated gradients (Sundararajan, Taly &amp; Yan 2017, "Axiomatic attribution for deep networks"):
 * <pre>
 *   a = (x − x') ⊙ ∫₀¹ ∂f_c(x' + α (x − x')) / ∂x dα  ≈  (x − x') ⊙ Σ_s w_s ∂f_c(x' + α_s (x − x')) / ∂x
 * </pre>
 * with baseline {@code x'} (zeros by default) and a {@link PathQuadrature} (Gauss–Legendre with 50 nodes by
 * default, as Captum). Completeness: {@code Σ a = f_c(x) − f_c(x')} up to quadrature error; the per-ECG
 * convergence delta {@code Σ a − (f_c(x) − f_c(x'))} is reported in the result (Captum's
 * {@code compute_convergence_delta}).
 *
 * <p>Parameters: {@code n_steps} (default 50), {@code method} (one of {@link PathQuadrature#ids()}, default
 * {@code gausslegendre}), {@code internal_batch_size} (path points per forward/backward pass, default
 * {@value GradientComputer#DEFAULT_INTERNAL_BATCH_SIZE}). Cost: {@code n_steps} forward/backward passes per ECG
 * plus two forward passes for the delta.
 */
public final class IntegratedGradients implements AttributionMethod {
    /** Method id. */
    public static final String ID = "integrated_gradients";
    /** Captum's default number of steps. */
    public static final int DEFAULT_STEPS = 50;
    private static final List<String> PARAMETERS = List.of("n_steps", "method", "internal_batch_size");

    private final int nSteps;
    private final PathQuadrature quadrature;
    private final GradientComputer gradients;

    /** Captum's defaults: 50 Gauss–Legendre nodes. */
    public IntegratedGradients() {
        this(DEFAULT_STEPS, GaussLegendreQuadrature.INSTANCE, GradientComputer.DEFAULT_INTERNAL_BATCH_SIZE);
    }

    /**
     * @param nSteps            number of quadrature nodes, at least {@code quadrature.minSteps()}
     * @param quadrature        the path quadrature
     * @param internalBatchSize path points per forward/backward pass, at least 1
     */
    public IntegratedGradients(int nSteps, PathQuadrature quadrature, int internalBatchSize) {
        this.quadrature = Objects.requireNonNull(quadrature, "quadrature");
        if (nSteps < quadrature.minSteps()) {
            throw new IllegalArgumentException("parameter 'n_steps' of method " + ID + " is " + nSteps + "; "
                    + quadrature.id() + " needs at least " + quadrature.minSteps());
        }
        this.nSteps = nSteps;
        this.gradients = new GradientComputer(internalBatchSize);
    }

    /** Builds from a parameter map; see the class comment for the names. */
    public static IntegratedGradients fromParameters(Map<String, ?> parameters) {
        MethodParameters p = MethodParameters.of(ID, parameters, PARAMETERS);
        PathQuadrature q = PathQuadrature.byId(p.getChoice("method", GaussLegendreQuadrature.INSTANCE.id(),
                PathQuadrature.ids()));
        return new IntegratedGradients(p.getInt("n_steps", DEFAULT_STEPS, 1), q,
                p.getInt("internal_batch_size", GradientComputer.DEFAULT_INTERNAL_BATCH_SIZE, 1));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("n_steps", nSteps);
        p.put("method", quadrature.id());
        p.put("internal_batch_size", gradients.internalBatchSize());
        return p;
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, float[][][] baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        int n = inputs.length;
        float[][][] base = baselines != null ? baselines : new float[n][EcgFormat.LEADS][EcgFormat.SAMPLES];
        PathQuadrature.Rule rule = quadrature.rule(nSteps);
        int steps = rule.size();
        // Weighted gradient sums in double: 50 float additions per point would otherwise cost digits of completeness.
        double[][] integral = new double[n][GradientComputer.ROW_SIZE];
        gradients.compute(model, n * steps, new GradientComputer.RowSource() {
            @Override
            public int target(int row) {
                return targets[row / steps];
            }

            @Override
            public void fill(int row, float[] dest, int offset) {
                float[][] x = inputs[row / steps];
                float[][] b = base[row / steps];
                float alpha = (float) rule.alphas()[row % steps];
                for (int l = 0; l < EcgFormat.LEADS; l++) {
                    int o = offset + l * EcgFormat.SAMPLES;
                    for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                        dest[o + t] = b[l][t] + alpha * (x[l][t] - b[l][t]);
                    }
                }
            }
        }, (row, g, offset, logit) -> {
            double w = rule.weights()[row % steps];
            double[] acc = integral[row / steps];
            for (int j = 0; j < acc.length; j++) {
                acc[j] += w * g[offset + j];
            }
        });
        float[][][] values = new float[n][EcgFormat.LEADS][EcgFormat.SAMPLES];
        double[] sums = new double[n];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < EcgFormat.LEADS; l++) {
                for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                    double a = ((double) inputs[i][l][t] - base[i][l][t]) * integral[i][l * EcgFormat.SAMPLES + t];
                    values[i][l][t] = (float) a;
                    sums[i] += a;
                }
            }
        }
        float[] fx = gradients.targetLogits(model, inputs, targets);
        float[] fb = gradients.targetLogits(model, base, targets);
        double[] delta = new double[n];
        for (int i = 0; i < n; i++) {
            delta[i] = sums[i] - ((double) fx[i] - fb[i]);
        }
        return new Attribution(values, ID, parameters(), model.id(), 0L, delta);
    }

    @Override
    public String toString() {
        return ID + parameters();
    }
}
