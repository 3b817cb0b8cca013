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
import org.ecglab.attribution.RandomDraws;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.nn.EcgClassifier;

/**
 * Gradient SHAP (Lundberg &amp; Lee 2017, "A unified approach to interpreting model predictions"; the expected
 * gradients of Erion et al. 2021), as Captum's {@code GradientShap}: integrated gradients in expectation over a
 * distribution of baselines, estimated with one random path point per sample. For ECG {@code x} and samples
 * {@code k = 1..n}, draw a baseline row {@code x'_k} uniformly from the given rows, {@code α_k ~ U(0, 1)} and noise
 * {@code ε_k ~ N(0, σ² I)}; with {@code x̃_k = x + ε_k},
 * <pre>
 *   a = (1/n) Σ_k (x̃_k − x'_k) ⊙ ∂f_c(α_k x̃_k + (1 − α_k) x'_k) / ∂x
 * </pre>
 * As in Captum the noise is added to the input (Captum wraps the method in its noise tunnel), so it enters the
 * difference {@code x̃_k − x'_k} too, and the path point is formed as {@code α x̃ + (1 − α) x'} in float32. With
 * {@code σ = 0} (the default) {@code E[Σ a] = f_c(x) − E[f_c(x')]}: completeness holds in expectation, not per map,
 * so no convergence delta is reported.
 *
 * <p>Baselines are a distribution ({@link Baselines#distribution}; rows given with {@link Baselines#of} are drawn
 * from too, but the chunked runner cuts N such rows into chunks with the inputs, so give a distribution as one);
 * none given means one row of zeros, where Captum requires them. Where we leave Captum: the draws come
 * from a seeded {@link RandomDraws} ({@code seed}) instead of NumPy's and torch's generators, in the order baseline
 * indices, then path positions, then noise, and are recorded with the result: {@code baseline_index} int64
 * {@code [N, n_samples]}, {@code alpha} float32 {@code [N, n_samples]} and, when {@code stdevs > 0}, {@code noise}
 * float32 {@code [N, n_samples, 12, 600]}; the mean is taken in double.
 *
 * <p>Cost: {@code n_samples} forward and backward passes per ECG.
 */
public final class GradientShap extends ConfiguredMethod<GradientShap.Params> implements GradientPassMethod {
    /** Method id. */
    public static final String ID = "gradient_shap";

    /**
     * @param nSamples          random path points per ECG (Captum's {@code n_samples})
     * @param stdevs            σ of the Gaussian noise added to the input, in mV (Captum's default 0)
     * @param seed              seed of the draws
     * @param internalBatchSize path points per forward/backward pass
     */
    public record Params(int nSamples, double stdevs, long seed, int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                Param.integer("n_samples", 5, 1, "random baseline rows and path points per ECG"),
                Param.real("stdevs", 0.0, 0, false, Double.POSITIVE_INFINITY,
                        "standard deviation of the Gaussian noise added to the input, in mV"),
                Param.seed("seed", 0, "seed of the baseline rows, path points and noise"),
                GradientComputer.internalBatchSizeParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "path",
            "gradients at random points between the input and baselines drawn from a distribution "
                    + "(Lundberg & Lee 2017)", Params.SCHEMA, GradientShap::new);

    private final GradientComputer gradients;

    /** Captum's defaults: 5 samples, no noise; seed 0. */
    public GradientShap() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public GradientShap(Params params) {
        super(DESCRIPTOR, params);
        this.gradients = new GradientComputer(params.internalBatchSize());
    }

    /** Builds from a parameter map ({@link Params} names, e.g. {@code n_samples}). */
    public static GradientShap fromParameters(Map<String, ?> parameters) {
        return new GradientShap(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        float[][][] rows = baselines.rowsToDrawFrom(ID, 1);
        int n = inputs.length;
        int k = params.nSamples();
        int size = GradientComputer.ROW_SIZE;
        RandomDraws draws = new RandomDraws(params.seed());
        int[] index = draws.indices(n * k, rows.length);
        float[] alpha = draws.uniform(n * k);
        float[] noise = draws.gaussian(Math.multiplyExact(n * k, size), params.stdevs());
        double[][] sum = new double[n][size];
        gradients.compute(model, n * k, new GradientComputer.RowSource() {
            @Override
            public int target(int row) {
                return targets[row / k];
            }

            @Override
            public void fill(int row, float[] dest, int offset) {
                float[][] x = inputs[row / k];
                float[][] b = rows[index[row]];
                float a = alpha[row];
                float oneMinusA = 1f - a;
                int o = row * size;
                for (int l = 0; l < EcgFormat.LEADS; l++) {
                    for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                        float noisy = x[l][t] + noise[o++];
                        dest[offset + l * EcgFormat.SAMPLES + t] = a * noisy + oneMinusA * b[l][t];
                    }
                }
            }
        }, (row, g, offset, logit) -> {
            float[][] x = inputs[row / k];
            float[][] b = rows[index[row]];
            double[] acc = sum[row / k];
            int o = row * size;
            for (int l = 0; l < EcgFormat.LEADS; l++) {
                for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                    int j = l * EcgFormat.SAMPLES + t;
                    float difference = x[l][t] + noise[o + j] - b[l][t];
                    acc[j] += difference * g[offset + j];
                }
            }
        });
        float[][][] values = GradientComputer.toMaps(sum, 1.0 / k);
        long[] indexRecord = new long[n * k];
        for (int r = 0; r < indexRecord.length; r++) {
            indexRecord[r] = index[r];
        }
        Attribution.Builder result = Attribution.of(this, model, inputs, values).baselines(baselines)
                .seed(params.seed())
                .sample("baseline_index", NpyArray.ofLongs(indexRecord, n, k))
                .sample("alpha", NpyArray.ofFloats(alpha, n, k));
        if (params.stdevs() > 0) {
            result.sample("noise", RandomDraws.noiseArray(noise, n, k));
        }
        return result.build();
    }

    /** {@inheritDoc} Here: one pass per sample. */
    @Override
    public int passesPerEcg() {
        return params.nSamples();
    }
}
