package org.ecglab.attribution.path;

import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionInputs;
import org.ecglab.attribution.ConfiguredMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.attribution.GradientPassMethod;
import org.ecglab.attribution.MethodDescriptor;
import org.ecglab.attribution.Param;
import org.ecglab.attribution.ParameterSchema;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;

/**
 * Integrated gradients (Sundararajan, Taly &amp; Yan 2017, "Axiomatic attribution for deep networks"):
 * <pre>
 *   a = (x − x') ⊙ ∫₀¹ ∂f_c(x' + α (x − x')) / ∂x dα  ≈  (x − x') ⊙ Σ_s w_s ∂f_c(x' + α_s (x − x')) / ∂x
 * </pre>
 * with baseline {@code x'} (zeros by default) and a {@link PathQuadrature} (Gauss–Legendre with 50 nodes by
 * default, as Captum). The quadratures carry Captum's names and give Captum's numbers, {@code riemann_trapezoid}
 * included, whose weights sum to {@code (n − 1)/n}; {@code trapezoid} is the corrected trapezoid rule, ours
 * ({@link RiemannQuadrature}). Completeness: {@code Σ a = f_c(x) − f_c(x')} up to quadrature error; the per-ECG
 * convergence delta {@code Σ a − (f_c(x) − f_c(x'))} is reported in the result (Captum's
 * {@code compute_convergence_delta}).
 *
 * <p>Parameters: {@link Params}. Cost: {@code n_steps} forward/backward passes per ECG plus two forward passes for
 * the delta.
 */
public final class IntegratedGradients extends ConfiguredMethod<IntegratedGradients.Params> implements GradientPassMethod {
    /** Method id. */
    public static final String ID = "integrated_gradients";
    /** Captum's default number of steps. */
    public static final int DEFAULT_STEPS = 50;

    /**
     * @param nSteps            number of quadrature nodes (Captum's {@code n_steps})
     * @param method            the quadrature, one of {@link PathQuadrature#ids()} (Captum's {@code method})
     * @param internalBatchSize path points per forward/backward pass
     */
    public record Params(int nSteps, String method, int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                Param.integer("n_steps", DEFAULT_STEPS, 1, "number of path points"),
                Param.choice("method", GaussLegendreQuadrature.INSTANCE.id(), PathQuadrature.ids(),
                        "quadrature rule: Captum's names and step sizes, and trapezoid, the trapezoid rule whose "
                                + "weights sum to 1 (Captum's riemann_trapezoid sums to (n-1)/n)"),
                GradientComputer.internalBatchSizeParam());

        /** Checks that the quadrature accepts {@code n_steps}. */
        public Params {
            int min = PathQuadrature.byId(method).minSteps();
            if (nSteps < min) {
                throw new IllegalArgumentException("parameter 'n_steps' is " + nSteps + "; " + method
                        + " needs at least " + min);
            }
        }
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "path",
            "path integral of gradients from a baseline (Sundararajan et al. 2017)", Params.SCHEMA,
            IntegratedGradients::new);

    private final PathQuadrature quadrature;
    private final GradientComputer gradients;

    /** Captum's defaults: 50 Gauss–Legendre nodes. */
    public IntegratedGradients() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public IntegratedGradients(Params params) {
        super(DESCRIPTOR, params);
        this.quadrature = PathQuadrature.byId(params.method());
        this.gradients = new GradientComputer(params.internalBatchSize());
    }

    /** Builds from a parameter map ({@link Params} names, e.g. {@code n_steps}). */
    public static IntegratedGradients fromParameters(Map<String, ?> parameters) {
        return new IntegratedGradients(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        int n = inputs.length;
        float[][][] base = baselines.perInput(ID, n);
        PathQuadrature.Rule rule = quadrature.rule(params.nSteps());
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
        return Attribution.of(this, model, inputs, values).baselines(baselines).convergenceDelta(delta).build();
    }

    /** {@inheritDoc} Here: one pass per quadrature node. */
    @Override
    public int passesPerEcg() {
        return params.nSteps();
    }
}
