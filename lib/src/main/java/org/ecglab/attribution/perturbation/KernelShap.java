package org.ecglab.attribution.perturbation;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionInputs;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.FeatureMaskSpec;
import org.ecglab.attribution.MethodDescriptor;
import org.ecglab.attribution.Param;
import org.ecglab.attribution.ParameterSchema;
import org.ecglab.nn.EcgClassifier;

/**
 * Kernel SHAP (Lundberg &amp; Lee 2017, "A unified approach to interpreting model predictions"; Captum's
 * {@code KernelShap}): Shapley values as the coefficients of a weighted linear regression of the logit on binary
 * coalitions {@code z ∈ {0,1}^F} (1: the feature keeps the ECG's values, 0: the baseline's):
 * <pre>
 *   φ = argmin_{φ, b} Σ_s w_s (f_c(x_{z_s}) − b − z_s·φ)²
 * </pre>
 * Sampled as Captum does: the first two samples are all ones and all zeros with weight 10⁶ (standing for the
 * infinite Shapley-kernel weight that ties {@code b} to {@code f(x')} and {@code b + Σφ} to {@code f(x)}); every
 * further sample draws a coalition size {@code k} with probability proportional to {@code (F − 1) / (k (F − k))},
 * {@code k = 1..F−1}, and then {@code k} features uniformly, with weight 1 (sampling by the Shapley kernel instead of
 * weighting by it). The regression is {@link WeightedLeastSquares} (scikit-learn's {@code LinearRegression}, with
 * intercept; minimum-norm when there are fewer samples than features, as with the default mask of 7200 samples).
 * Efficiency holds up to the finite end-point weight: {@code Σφ − (f(x) − f(x'))} is the convergence delta.
 * Coalitions are drawn per ECG from the seed and the ECG's values and recorded ({@link CoalitionRegression}). Needs at
 * least 2 features and 2 samples. Cost: {@code n_samples} forward passes per ECG plus one regression.
 */
public final class KernelShap extends MaskedMethod<KernelShap.Params> {
    /** Method id. */
    public static final String ID = "kernel_shap";
    /** Captum's weight of the all-ones and all-zeros samples. */
    static final double END_POINT_WEIGHT = 1e6;

    /**
     * @param nSamples             coalition samples per ECG, the two end points included (Captum's default 25)
     * @param featureMask          the features ({@link FeatureMaskSpec} text form)
     * @param perturbationsPerEval perturbed ECGs per forward pass
     * @param seed                 seed of the coalitions
     */
    public record Params(int nSamples, String featureMask, int perturbationsPerEval, long seed) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                Param.integer("n_samples", 25, 2, "coalition samples, the all-ones and all-zeros ones included"),
                FeatureMaskSpec.param("samples"), BatchedEvaluator.perturbationsPerEvalParam(),
                Param.seed("seed", 0, "seed of the coalitions (each ECG mixes in its own values)"));
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "perturbation",
            "Shapley values by a Shapley-kernel weighted regression on coalitions (Lundberg & Lee 2017, Captum)",
            Params.SCHEMA, KernelShap::new);

    /** Captum's defaults: 25 samples, every sample of the ECG a feature. */
    public KernelShap() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters; {@code waves} masks from a delineation of each ECG. */
    public KernelShap(Params params) {
        this(params, MaskSetting.of(params.featureMask()));
    }

    private KernelShap(Params params, MaskSetting mask) {
        super(DESCRIPTOR, params, mask);
    }

    /** Builds from a parameter map ({@link Params} names, e.g. {@code n_samples}). */
    public static KernelShap fromParameters(Map<String, ?> parameters) {
        return new KernelShap(Params.SCHEMA.parse(parameters));
    }

    /** {@code n_samples}, whatever the number of features. */
    @Override
    public long evaluationsPerEcg(int features) {
        return params.nSamples();
    }

    @Override
    KernelShap with(MaskSetting setting) {
        return new KernelShap(params, setting);
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        MaskedEcgs ecgs = mask.resolve(inputs, baselines.perInput(ID, inputs.length));
        for (int i = 0; i < ecgs.size(); i++) {
            if (ecgs.masks[i].featureCount() < 2) {
                throw new IllegalArgumentException("kernel_shap needs at least 2 features; the feature_mask "
                        + mask.spec() + " of input " + i + " has " + ecgs.masks[i].featureCount());
            }
        }
        CoalitionRegression.Outcome out = CoalitionRegression.run(model, targets, ecgs, mask.spec().maxFeatureCount(),
                params.seed(), this::sample, null, (plan, z) -> weights(z), new WeightedLeastSquares(),
                params.perturbationsPerEval());
        float[][][] values = new float[ecgs.size()][][];
        double[] delta = new double[ecgs.size()];
        for (int i = 0; i < values.length; i++) {
            double[] phi = out.fits().get(i).coefficients();
            values[i] = ecgs.masks[i].spread(phi);
            double[] y = out.plans().get(i).outputs();
            delta[i] = Arrays.stream(phi).sum() - (y[0] - y[1]);
        }
        return out.record(Attribution.of(this, model, inputs, values).baselines(baselines).seed(params.seed())
                .convergenceDelta(delta), ecgs).build();
    }

    /** All ones, all zeros, then coalitions of a size drawn by the Shapley kernel and uniform members. */
    boolean[][] sample(int features, SplittableRandom rng) {
        boolean[][] z = new boolean[params.nSamples()][features];
        Arrays.fill(z[0], true);
        double[] cumulative = new double[features];
        for (int k = 1; k < features; k++) {
            cumulative[k] = cumulative[k - 1] + 1.0 / ((double) k * (features - k));
        }
        int[] order = new int[features];
        for (int s = 2; s < z.length; s++) {
            double u = rng.nextDouble() * cumulative[features - 1];
            int k = 1;
            while (k < features - 1 && cumulative[k] <= u) {
                k++;
            }
            for (int f = 0; f < features; f++) {
                order[f] = f;
            }
            for (int j = 0; j < k; j++) {
                int pick = j + rng.nextInt(features - j);
                int t = order[j];
                order[j] = order[pick];
                order[pick] = t;
                z[s][order[j]] = true;
            }
        }
        return z;
    }

    /** Captum's kernel-SHAP similarity: 10⁶ for the empty and the full coalition, 1 otherwise. */
    static double[] weights(boolean[][] z) {
        double[] w = new double[z.length];
        for (int s = 0; s < z.length; s++) {
            int k = 0;
            for (boolean b : z[s]) {
                k += b ? 1 : 0;
            }
            w[s] = k == 0 || k == z[s].length ? END_POINT_WEIGHT : 1;
        }
        return w;
    }
}
