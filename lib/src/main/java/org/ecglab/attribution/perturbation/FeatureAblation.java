package org.ecglab.attribution.perturbation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionInputs;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.FeatureMaskSpec;
import org.ecglab.attribution.MethodDescriptor;
import org.ecglab.attribution.ParameterSchema;
import org.ecglab.nn.EcgClassifier;

/**
 * Feature ablation (Captum's {@code FeatureAblation}; erasure as in Li, Monroe &amp; Jurafsky 2016, "Understanding
 * neural networks through representation erasure", and Zeiler &amp; Fergus 2014): each feature {@code j} of the
 * {@link org.ecglab.attribution.FeatureMask} is replaced by the baseline in turn, and every point of the feature gets
 * <pre>
 *   a_j = f_c(x) − f_c(x with feature j set to x')
 * </pre>
 * Features are the {@code feature_mask} kind ({@link FeatureMaskSpec}; every sample by default, as Captum), baselines
 * one per input (zeros by default). Exact for a linear model: {@code a_j = Σ_{i∈j} w_i (x_i − x'_i)}.
 * Cost: {@code F + 1} forward passes per ECG ({@code F} = number of features; 7201 for the default mask), batched
 * {@code perturbations_per_eval} at a time across ECGs.
 */
public final class FeatureAblation extends MaskedMethod<FeatureAblation.Params> {
    /** Method id. */
    public static final String ID = "feature_ablation";

    /**
     * @param featureMask          the features ({@link FeatureMaskSpec} text form)
     * @param perturbationsPerEval perturbed ECGs per forward pass
     */
    public record Params(String featureMask, int perturbationsPerEval) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                FeatureMaskSpec.param("samples"), BatchedEvaluator.perturbationsPerEvalParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "perturbation",
            "drop of the logit when each feature is replaced by the baseline (Li et al. 2016, Captum)", Params.SCHEMA,
            FeatureAblation::new);

    /** Captum's defaults: every sample its own feature. */
    public FeatureAblation() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters; {@code waves} masks from a delineation of each ECG. */
    public FeatureAblation(Params params) {
        this(params, MaskSetting.of(params.featureMask()));
    }

    private FeatureAblation(Params params, MaskSetting mask) {
        super(DESCRIPTOR, params, mask);
    }

    /** Builds from a parameter map ({@link Params} names, e.g. {@code feature_mask}). */
    public static FeatureAblation fromParameters(Map<String, ?> parameters) {
        return new FeatureAblation(Params.SCHEMA.parse(parameters));
    }

    /** {@code F + 1}: the ECG itself and each feature ablated. */
    @Override
    public long evaluationsPerEcg(int features) {
        return features + 1L;
    }

    @Override
    FeatureAblation with(MaskSetting setting) {
        return new FeatureAblation(params, setting);
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        MaskedEcgs ecgs = mask.resolve(inputs, baselines.perInput(ID, inputs.length));
        List<AblationPlan> plans = new ArrayList<>();
        for (int i = 0; i < ecgs.size(); i++) {
            int features = ecgs.masks[i].featureCount();
            int[][] sets = new int[features][];
            for (int f = 0; f < features; f++) {
                sets[f] = ecgs.masks[i].members(f);
            }
            plans.add(new AblationPlan(ecgs.x[i], ecgs.baseline[i], sets));
        }
        new BatchedEvaluator(params.perturbationsPerEval()).run(model, plans, targets);
        float[][][] values = new float[inputs.length][][];
        for (int i = 0; i < values.length; i++) {
            values[i] = ecgs.masks[i].spread(plans.get(i).drops());
        }
        return Attribution.of(this, model, inputs, values).baselines(baselines)
                .sample(MaskedEcgs.MASK_SAMPLE, ecgs.maskSample()).build();
    }
}
