package org.ecglab.attribution.perturbation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.AttributionRunner;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.CheapSettings;
import org.ecglab.attribution.TinyModels;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every perturbation method on a small ReLU CNN: deterministic for a seed, the same maps whatever the chunking of the
 * ECGs and the batch size (each ECG draws from the seed and its own values), the draws and masks recorded with the
 * ECG as their first axis, and clear errors for bad parameters.
 */
class PerturbationPropertiesTest {
    private static EcgClassifier model;
    private static float[][][] x;
    private static final int[] TARGETS = {1, 0, 1, 1, 0};

    private static final List<String> IDS = List.of("occlusion", "feature_ablation", "lime", "kernel_shap",
            "shapley_sampling");

    @BeforeAll
    static void setUp() {
        model = TinyModels.cnn(41, false);
        x = TinyModels.ecgs(5, 42);
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    private static AttributionMethod method(String id, Object... extra) {
        Map<String, Object> p = CheapSettings.of(id);
        for (int k = 0; k < extra.length; k += 2) {
            p.put((String) extra[k], extra[k + 1]);
        }
        return AttributionMethods.create(id, p);
    }

    @Test
    void everyPerturbationMethodIsRegisteredInItsFamily() {
        for (String id : IDS) {
            assertEquals("perturbation", AttributionMethods.descriptor(id).family(), id);
        }
    }

    @Test
    void chunksAndBatchSizeDoNotChangeTheMaps() {
        for (String id : IDS) {
            Attribution whole = method(id).attribute(model, x, TARGETS);
            Attribution chunked = new AttributionRunner(2, (done, total) -> { }).run(method(id,
                    "perturbations_per_eval", 5), model, x, TARGETS, Baselines.zero());
            assertEquals(0, TinyModels.maxAbsDiff(whole.values(), chunked.values()), 1e-5, id);
            assertEquals(whole.samples().keySet(), chunked.samples().keySet(), id);
            for (String name : whole.samples().keySet()) {
                assertEquals(whole.samples().get(name), chunked.samples().get(name), id + " sample " + name);
            }
            if (whole.convergenceDelta() != null) {
                assertArrayEquals(whole.convergenceDelta(), chunked.convergenceDelta(), 1e-5, id);
            }
            // one ECG alone gets the same map as in the batch
            Attribution alone = method(id).attribute(model, new float[][][] {x[3]}, new int[] {TARGETS[3]});
            assertEquals(0, TinyModels.maxAbsDiff(new float[][][] {whole.map(3)}, alone.values()), 1e-5, id);
        }
    }

    @Test
    void samplingMethodsAreDeterministicForASeedAndRecordTheirDraws() {
        for (String id : List.of("lime", "kernel_shap", "shapley_sampling")) {
            Attribution a = method(id, "seed", 7).attribute(model, x, TARGETS);
            Attribution b = method(id, "seed", 7).attribute(model, x, TARGETS);
            Attribution c = method(id, "seed", 8).attribute(model, x, TARGETS);
            assertEquals(0, TinyModels.maxAbsDiff(a.values(), b.values()), 0, id);
            assertNotEquals(0, TinyModels.maxAbsDiff(a.values(), c.values()), id + ": another seed, other draws");
            assertEquals(7, a.seed());
            String draws = id.equals("shapley_sampling") ? "permutations" : "coalitions";
            int[] shape = a.samples().get(draws).shape();
            assertEquals(5, shape[0], id);
            assertEquals(((Number) a.parameters().get("n_samples")).intValue(), shape[1], id);
            assertTrue(a.samples().keySet().containsAll(List.of("feature_mask", draws)), id);
        }
        long[] perms = method("shapley_sampling").attribute(model, x, TARGETS).samples().get("permutations").toLongs();
        for (int row = 0; row < perms.length / 12; row++) {
            long[] p = Arrays.copyOfRange(perms, row * 12, row * 12 + 12);
            Arrays.sort(p);
            for (int k = 0; k < 12; k++) {
                assertEquals(k, p[k], "each recorded permutation is one of 0..11");
            }
        }
    }

    @Test
    void badParametersAreNamed() {
        String window = assertThrows(IllegalArgumentException.class, () -> AttributionMethods.create("occlusion",
                Map.of("sliding_window_shapes", "13,50"))).getMessage();
        assertTrue(window.contains("13 leads") && window.contains("12"), window);
        String stride = assertThrows(IllegalArgumentException.class, () -> AttributionMethods.create("occlusion",
                Map.of("sliding_window_shapes", "1,50", "strides", "1,60"))).getMessage();
        assertTrue(stride.contains("stride of 60") && stride.contains("skip"), stride);
        String mask = assertThrows(IllegalArgumentException.class, () -> AttributionMethods.create("lime",
                Map.of("feature_mask", "segments:0"))).getMessage();
        assertTrue(mask.contains("'feature_mask'") && mask.contains("segments:W"), mask);
        String samples = assertThrows(IllegalArgumentException.class, () -> AttributionMethods.create("kernel_shap",
                Map.of("n_samples", 1))).getMessage();
        assertTrue(samples.contains("'n_samples'") && samples.contains(">= 2"), samples);
        String width = assertThrows(IllegalArgumentException.class, () -> AttributionMethods.create("lime",
                Map.of("kernel_width", 0))).getMessage();
        assertTrue(width.contains("'kernel_width'") && width.contains("> 0"), width);
        String ppe = assertThrows(IllegalArgumentException.class, () -> AttributionMethods.create("shapley_sampling",
                Map.of("perturbations_per_eval", 0))).getMessage();
        assertTrue(ppe.contains("'perturbations_per_eval'"), ppe);
    }
}
