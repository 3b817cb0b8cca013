package org.ecglab.attribution.gradient;

import java.util.List;
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
import org.ecglab.nn.EcgClassifier;

/**
 * SmoothGrad and its variants: saliency averaged over noisy copies of the input, as Captum's
 * {@code NoiseTunnel(Saliency(model))}. With {@code s_k = S(x + ε_k)}, {@code ε_k ~ N(0, σ² I)}, {@code k = 1..n}
 * and {@code S} the saliency map ({@code |∂f_c/∂x|}, or {@code ∂f_c/∂x} when {@code abs=false}):
 * <pre>
 *   smoothgrad     a = (1/n) Σ_k s_k                     (Smilkov et al. 2017, "SmoothGrad: removing noise by adding noise")
 *   smoothgrad_sq  a = (1/n) Σ_k s_k²                    (Hooker et al. 2019, "A benchmark for interpretability methods")
 *   vargrad        a = (1/n) Σ_k s_k² − ((1/n) Σ_k s_k)²  (Adebayo et al. 2018, "Local explanation methods ... lack
 *                                                        sensitivity to parameter values")
 * </pre>
 * As Captum: {@code nt_samples} 5, {@code stdevs} 1.0 is an absolute σ in the input's unit (mV), not relative to its
 * range; the saliency inside keeps Captum's {@code abs=true}, applied to each noisy sample's gradient before the
 * averaging; the variance is the population variance (divided by {@code n}); baselines are ignored. Where we leave
 * Captum: the noise comes from a seeded {@link RandomDraws} ({@code seed}) instead of torch's generator, and is
 * recorded with the result as sample {@code noise}, float32 {@code [N, nt_samples, 12, 600]} (not when
 * {@code stdevs} is 0), so a reference reproduces the map exactly; averages are taken in double and the variance with
 * Welford's update, which cannot go below zero (Captum subtracts the float32 squares, which can, by a rounding).
 * The map is signed only for {@code smoothgrad} with {@code abs=false}.
 *
 * <p>Cost: {@code nt_samples} forward and backward passes per ECG.
 */
public final class SmoothGrad extends ConfiguredMethod<SmoothGrad.Params> implements GradientPassMethod {
    /** Method id. */
    public static final String ID = "smoothgrad";
    /** The noise tunnel types, Captum's names. */
    public static final List<String> NT_TYPES = List.of("smoothgrad", "smoothgrad_sq", "vargrad");

    /**
     * @param ntType            how the noisy maps are combined: mean, mean of squares, or variance
     * @param ntSamples         noisy copies per ECG
     * @param stdevs            σ of the Gaussian noise in mV
     * @param abs               saliency of each copy as {@code |gradient|} (Captum's default) or signed
     * @param seed              seed of the noise
     * @param internalBatchSize noisy copies per forward/backward pass
     */
    public record Params(String ntType, int ntSamples, double stdevs, boolean abs, long seed, int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                Param.choice("nt_type", "smoothgrad", NT_TYPES, "how the noisy saliency maps are combined "
                        + "(mean, mean of squares, variance), Captum's names"),
                Param.integer("nt_samples", 5, 1, "noisy copies per ECG"),
                Param.real("stdevs", 1.0, 0, false, Double.POSITIVE_INFINITY,
                        "standard deviation of the Gaussian noise, absolute, in mV (Captum's default 1.0)"),
                Param.bool("abs", true, "saliency of each noisy copy as |gradient| (Captum's default) or signed"),
                Param.seed("seed", 0, "seed of the noise"),
                GradientComputer.internalBatchSizeParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "gradient",
            "saliency averaged over noisy copies of the input, or its square or variance (Smilkov et al. 2017)",
            Params.SCHEMA, SmoothGrad::new);

    private final GradientComputer gradients;

    /** Captum's defaults: mean of 5 absolute saliency maps, σ = 1 mV, seed 0. */
    public SmoothGrad() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public SmoothGrad(Params params) {
        super(DESCRIPTOR, params);
        this.gradients = new GradientComputer(params.internalBatchSize());
    }

    /** Builds from a parameter map ({@link Params} names, e.g. {@code nt_type}). */
    public static SmoothGrad fromParameters(Map<String, ?> parameters) {
        return new SmoothGrad(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        int n = inputs.length;
        int k = params.ntSamples();
        int size = GradientComputer.ROW_SIZE;
        float[] noise = new RandomDraws(params.seed()).gaussian(Math.multiplyExact(n * k, size), params.stdevs());
        boolean abs = params.abs();
        boolean squares = params.ntType().equals("smoothgrad_sq");
        // Per ECG: the running mean of the maps (or of their squares) and, for vargrad, Welford's sum of squared
        // deviations; the k noisy copies of one ECG arrive in a row.
        double[][] mean = new double[n][size];
        double[][] deviations = params.ntType().equals("vargrad") ? new double[n][size] : null;
        gradients.compute(model, n * k, new GradientComputer.RowSource() {
            @Override
            public int target(int row) {
                return targets[row / k];
            }

            @Override
            public void fill(int row, float[] dest, int offset) {
                float[][] x = inputs[row / k];
                int o = row * size;
                for (int l = 0; l < EcgFormat.LEADS; l++) {
                    for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                        dest[offset + l * EcgFormat.SAMPLES + t] = x[l][t] + noise[o++];
                    }
                }
            }
        }, (row, g, offset, logit) -> {
            double[] mu = mean[row / k];
            double[] m2 = deviations == null ? null : deviations[row / k];
            double count = row % k + 1;
            for (int j = 0; j < size; j++) {
                double s = abs ? Math.abs(g[offset + j]) : g[offset + j];
                double value = squares ? s * s : s;
                double delta = value - mu[j];
                mu[j] += delta / count;
                if (m2 != null) {
                    m2[j] += delta * (value - mu[j]);
                }
            }
        });
        // vargrad: the population variance is the sum of squared deviations over k
        float[][][] values = deviations == null ? GradientComputer.toMaps(mean, 1)
                : GradientComputer.toMaps(deviations, 1.0 / k);
        Attribution.Builder result = Attribution.of(this, model, inputs, values)
                .signed(!abs && params.ntType().equals("smoothgrad")).seed(params.seed());
        if (params.stdevs() > 0) {
            result.sample("noise", RandomDraws.noiseArray(noise, n, k));
        }
        return result.build();
    }

    /** {@inheritDoc} Here: one pass per noisy copy. */
    @Override
    public int passesPerEcg() {
        return params.ntSamples();
    }
}
