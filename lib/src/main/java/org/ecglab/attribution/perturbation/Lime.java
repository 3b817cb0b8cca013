package org.ecglab.attribution.perturbation;

import java.util.List;
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
 * LIME (Ribeiro, Singh &amp; Guestrin 2016, "Why should I trust you?"; Captum's {@code Lime} with its defaults): a
 * local linear surrogate fitted to the logit on {@code n_samples} binary coalitions {@code z_s}, each feature kept
 * with probability ½ (Captum's {@code default_perturb_func}), weighted by an exponential kernel of the distance
 * between the ECG and the perturbed input {@code x_s = z_s ⊙ x + (1 − z_s) ⊙ x'}:
 * <pre>
 *   π_s = exp(−d(x, x_s)² / (2 σ²)),   d = 1 − cos(x, x_s) (cosine, default) or ‖x − x_s‖ (euclidean),   σ = kernel_width
 *   β = argmin_β (1 / 2Σπ) Σ_s π_s (f_c(x_s) − b − z_s·β)² + α ‖β‖₁
 * </pre>
 * (Captum's {@code get_exp_kernel_similarity_function}; a zero perturbed input has cosine similarity 0.) The default
 * surrogate is scikit-learn's {@code Lasso(alpha=0.01)} with sample weights and intercept ({@link WeightedLasso});
 * {@code interpretable_model=linear_regression} fits plain weighted least squares instead ({@link WeightedLeastSquares},
 * Captum's {@code SkLearnLinearRegression}). The attribution of a feature is its coefficient {@code β_j}; for a linear
 * model with the linear surrogate it is exactly {@code Σ_{i∈j} w_i (x_i − x'_i)}. LIME promises no efficiency. The
 * coalitions are drawn per ECG from the seed and the ECG's values and recorded ({@link CoalitionRegression}). Cost:
 * {@code n_samples} forward passes per ECG plus one surrogate fit.
 */
public final class Lime extends MaskedMethod<Lime.Params> {
    /** Method id. */
    public static final String ID = "lime";
    /** The surrogate models, by parameter value. */
    public static final List<String> INTERPRETABLE_MODELS = List.of("lasso", "linear_regression");

    /**
     * @param nSamples             coalition samples per ECG (Captum's default 50)
     * @param featureMask          the features ({@link FeatureMaskSpec} text form)
     * @param kernelWidth          {@code σ} of the exponential kernel (Captum's default 1.0)
     * @param distanceMode         cosine (Captum's default) or euclidean
     * @param interpretableModel   lasso (Captum's default) or linear_regression
     * @param alpha                the Lasso's L1 penalty (Captum's default 0.01)
     * @param perturbationsPerEval perturbed ECGs per forward pass
     * @param seed                 seed of the coalitions
     */
    public record Params(int nSamples, String featureMask, double kernelWidth, String distanceMode,
            String interpretableModel, double alpha, int perturbationsPerEval, long seed) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                Param.integer("n_samples", 50, 2, "coalition samples per ECG"),
                FeatureMaskSpec.param("samples"),
                Param.real("kernel_width", 1.0, 0, true, Double.POSITIVE_INFINITY,
                        "width of the exponential similarity kernel"),
                Param.choice("distance_mode", "cosine", List.of("cosine", "euclidean"),
                        "distance between the ECG and a perturbed input"),
                Param.choice("interpretable_model", "lasso", INTERPRETABLE_MODELS,
                        "surrogate: scikit-learn's Lasso (Captum's default) or weighted least squares"),
                Param.real("alpha", 0.01, 0, false, Double.POSITIVE_INFINITY, "L1 penalty of the Lasso surrogate"),
                BatchedEvaluator.perturbationsPerEvalParam(),
                Param.seed("seed", 0, "seed of the coalitions (each ECG mixes in its own values)"));
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "perturbation",
            "a weighted local linear surrogate on random coalitions (Ribeiro et al. 2016, Captum)", Params.SCHEMA,
            Lime::new);

    /** Captum's defaults: 50 samples, cosine kernel of width 1, Lasso with alpha 0.01, every sample a feature. */
    public Lime() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters; {@code waves} masks from a delineation of each ECG. */
    public Lime(Params params) {
        this(params, MaskSetting.of(params.featureMask()));
    }

    private Lime(Params params, MaskSetting mask) {
        super(DESCRIPTOR, params, mask);
    }

    /** Builds from a parameter map ({@link Params} names, e.g. {@code kernel_width}). */
    public static Lime fromParameters(Map<String, ?> parameters) {
        return new Lime(Params.SCHEMA.parse(parameters));
    }

    /** {@code n_samples}, whatever the number of features. */
    @Override
    public long evaluationsPerEcg(int features) {
        return params.nSamples();
    }

    @Override
    Lime with(MaskSetting setting) {
        return new Lime(params, setting);
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        MaskedEcgs ecgs = mask.resolve(inputs, baselines.perInput(ID, inputs.length));
        Surrogate surrogate = params.interpretableModel().equals("lasso") ? new WeightedLasso(params.alpha())
                : new WeightedLeastSquares();
        CoalitionRegression.Outcome out = CoalitionRegression.run(model, targets, ecgs, mask.spec().maxFeatureCount(),
                params.seed(), this::sample, this::similarity, (plan, z) -> plan.weights(), surrogate,
                params.perturbationsPerEval());
        float[][][] values = new float[ecgs.size()][][];
        for (int i = 0; i < values.length; i++) {
            values[i] = ecgs.masks[i].spread(out.fits().get(i).coefficients());
        }
        return out.record(Attribution.of(this, model, inputs, values).baselines(baselines).seed(params.seed()), ecgs)
                .build();
    }

    /** Each feature kept with probability ½. */
    private boolean[][] sample(int features, SplittableRandom rng) {
        boolean[][] z = new boolean[params.nSamples()][features];
        for (boolean[] row : z) {
            for (int f = 0; f < features; f++) {
                row[f] = rng.nextBoolean();
            }
        }
        return z;
    }

    /** The exponential kernel of the distance between the ECG and a perturbed input. */
    double similarity(float[] x, float[] perturbed, int offset) {
        double distance;
        if (params.distanceMode().equals("cosine")) {
            double dot = 0;
            double xx = 0;
            double pp = 0;
            for (int i = 0; i < x.length; i++) {
                double p = perturbed[offset + i];
                dot += x[i] * p;
                xx += (double) x[i] * x[i];
                pp += p * p;
            }
            double cos = xx == 0 || pp == 0 ? 0 : dot / Math.sqrt(xx * pp);
            distance = 1 - cos;
        } else {
            double ss = 0;
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - perturbed[offset + i];
                ss += d * d;
            }
            distance = Math.sqrt(ss);
        }
        double width = params.kernelWidth();
        return Math.exp(-distance * distance / (2 * width * width));
    }
}
