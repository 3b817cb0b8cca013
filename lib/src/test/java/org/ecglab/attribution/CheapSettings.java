package org.ecglab.attribution;

import java.util.HashMap;
import java.util.Map;

/**
 * Parameters that keep a method fast on test models when a test runs every registered method: the perturbation
 * methods' defaults perturb each of the 7200 samples (up to 180,001 forward passes per ECG for Shapley sampling), so
 * tables over all methods give them coarse features and few samples; other methods run with their defaults.
 */
public final class CheapSettings {
    private static final Map<String, Map<String, Object>> PERTURBATION = Map.of(
            "occlusion", Map.of("sliding_window_shapes", "2,100", "strides", "2,50"),
            "feature_ablation", Map.of("feature_mask", "segments:100:per_lead"),
            "lime", Map.of("feature_mask", "leads", "n_samples", 30),
            "kernel_shap", Map.of("feature_mask", "segments:50", "n_samples", 30),
            "shapley_sampling", Map.of("feature_mask", "leads", "n_samples", 3));

    private CheapSettings() {
    }

    /** Cheap parameters of method {@code id} (empty for methods whose defaults are cheap). */
    public static Map<String, Object> of(String id) {
        return new HashMap<>(PERTURBATION.getOrDefault(id, Map.of()));
    }

    /** {@link #of} plus the method's batch-size parameter ({@code internal_batch_size} or {@code perturbations_per_eval}). */
    public static Map<String, Object> withBatch(String id, int size) {
        Map<String, Object> p = of(id);
        for (Param<?> param : AttributionMethods.descriptor(id).schema().params()) {
            if (param.name().equals("internal_batch_size") || param.name().equals("perturbations_per_eval")) {
                p.put(param.name(), size);
            }
        }
        return p;
    }
}
