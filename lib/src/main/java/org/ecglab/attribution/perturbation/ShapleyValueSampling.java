package org.ecglab.attribution.perturbation;

import java.util.ArrayList;
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
import org.ecglab.data.npy.NpyArray;
import org.ecglab.nn.EcgClassifier;

/**
 * Shapley value sampling (Castro, Gómez &amp; Tejada 2009, "Polynomial calculation of the Shapley value based on
 * sampling"; Štrumbelj &amp; Kononenko 2014; Captum's {@code ShapleyValueSampling}): for {@code n_samples} random
 * permutations {@code π} of the features, the features are switched from the baseline to the ECG one at a time in
 * the order of {@code π}, and each feature's marginal contributions are averaged:
 * <pre>
 *   φ_j = (1 / n) Σ_π [ f_c(x_{π ≤ j}) − f_c(x_{π &lt; j}) ]      (x_S: the ECG on the features in S, x' elsewhere)
 * </pre>
 * An unbiased estimate of the Shapley value; exact for an additive model with any {@code n}; efficient for every
 * permutation: {@code Σ_j φ_j = f_c(x) − f_c(x')}, whose gap is reported as the convergence delta. Each ECG draws its
 * permutations from the seed and its own values ({@code EcgRandom}); they are recorded as the sample
 * {@code permutations}, int32 {@code [N, n_samples, F_max]} padded with −1, beside the masks {@code feature_mask}.
 * As Captum, the ECG's own logit is evaluated at the end of every permutation. Cost: {@code 1 + n_samples·F} forward
 * passes per ECG (180,001 for the default mask of 7200 samples; 151 for {@code waves}).
 */
public final class ShapleyValueSampling extends MaskedMethod<ShapleyValueSampling.Params> {
    /** Method id. */
    public static final String ID = "shapley_sampling";

    /**
     * @param nSamples             number of permutations (Captum's default 25)
     * @param featureMask          the features ({@link FeatureMaskSpec} text form)
     * @param perturbationsPerEval perturbed ECGs per forward pass
     * @param seed                 seed of the permutations
     */
    public record Params(int nSamples, String featureMask, int perturbationsPerEval, long seed) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                Param.integer("n_samples", 25, 1, "number of random feature permutations"),
                FeatureMaskSpec.param("samples"), BatchedEvaluator.perturbationsPerEvalParam(),
                Param.seed("seed", 0, "seed of the permutations (each ECG mixes in its own values)"));
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "perturbation",
            "Shapley values from random feature permutations (Castro et al. 2009, Captum)", Params.SCHEMA,
            ShapleyValueSampling::new);

    /** Name of the recorded permutations. */
    static final String PERMUTATIONS = "permutations";

    /** Captum's defaults: 25 permutations of every sample. */
    public ShapleyValueSampling() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters; {@code waves} masks from a delineation of each ECG. */
    public ShapleyValueSampling(Params params) {
        this(params, MaskSetting.of(params.featureMask()));
    }

    private ShapleyValueSampling(Params params, MaskSetting mask) {
        super(DESCRIPTOR, params, mask);
    }

    /** Builds from a parameter map ({@link Params} names, e.g. {@code n_samples}). */
    public static ShapleyValueSampling fromParameters(Map<String, ?> parameters) {
        return new ShapleyValueSampling(Params.SCHEMA.parse(parameters));
    }

    /** {@code 1 + n_samples · F}: the baseline, then every prefix of every permutation. */
    @Override
    public long evaluationsPerEcg(int features) {
        return 1 + (long) params.nSamples() * features;
    }

    @Override
    ShapleyValueSampling with(MaskSetting setting) {
        return new ShapleyValueSampling(params, setting);
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        MaskedEcgs ecgs = mask.resolve(inputs, baselines.perInput(ID, inputs.length));
        int n = ecgs.size();
        int width = mask.spec().maxFeatureCount();
        int samples = params.nSamples();
        int[] recorded = new int[n * samples * width];
        java.util.Arrays.fill(recorded, -1);
        List<PermutationPlan> plans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int features = ecgs.masks[i].featureCount();
            SplittableRandom rng = EcgRandom.of(params.seed(), ecgs.x[i]);
            int[][] permutations = new int[samples][];
            for (int s = 0; s < samples; s++) {
                permutations[s] = permutation(features, rng);
                System.arraycopy(permutations[s], 0, recorded, (i * samples + s) * width, features);
            }
            plans.add(new PermutationPlan(ecgs.x[i], ecgs.baseline[i], ecgs.ids[i], permutations));
        }
        new BatchedEvaluator(params.perturbationsPerEval()).run(model, plans, targets);
        float[][][] values = new float[n][][];
        double[] delta = new double[n];
        for (int i = 0; i < n; i++) {
            PermutationPlan plan = plans.get(i);
            double[] phi = plan.values();
            values[i] = ecgs.masks[i].spread(phi);
            delta[i] = java.util.Arrays.stream(phi).sum() - (plan.inputLogit() - plan.baselineLogit());
        }
        return Attribution.of(this, model, inputs, values).baselines(baselines).seed(params.seed())
                .convergenceDelta(delta).sample(MaskedEcgs.MASK_SAMPLE, ecgs.maskSample())
                .sample(PERMUTATIONS, NpyArray.ofInts(recorded, n, samples, width)).build();
    }

    /** A uniformly random permutation of {@code 0..F−1} (Fisher–Yates). */
    static int[] permutation(int features, SplittableRandom rng) {
        int[] p = new int[features];
        for (int k = 0; k < features; k++) {
            p[k] = k;
        }
        for (int k = features - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = p[k];
            p[k] = p[j];
            p[j] = t;
        }
        return p;
    }
}
