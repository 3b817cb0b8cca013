package org.ecglab.attribution.backprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.TinyModels;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every modified backward pass on a realistic default CNN (batch norm with non-trivial running statistics, max
 * pooling): an ECG's map is the same alone and inside a batch of 16, whatever the internal batch size; repeated calls
 * give the same numbers; the model's weights and running statistics are left as they were, and the walk leaves no
 * native arrays behind in the model's memory.
 */
class WalkInvarianceTest {
    private static final List<String> METHODS = List.of("guided_backprop", "deconvolution", "deeplift",
            "deeplift_shap", "lrp_epsilon", "lrp_gamma", "lrp_alpha_beta", "lrp_z_plus", "lrp_flat",
            "lrp_epsilon_plus_flat", "lrp_epsilon_gamma_flat");
    private static EcgClassifier model;
    private static float[][][] x;
    private static int[] targets;

    @BeforeAll
    static void setUp() {
        model = TestModels.nonTrivial(Architecture.defaultCnn(2), 5, List.of("a", "b"));
        x = TestModels.inputs(16, 6);
        targets = new int[16];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (i * 7) % 2;
        }
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    private static Baselines baselines(String id, int n) {
        return switch (id) {
            case "deeplift" -> Baselines.of(TestModels.inputs(n, 7));
            case "deeplift_shap" -> Baselines.distribution(TestModels.inputs(2, 8));
            default -> Baselines.zero();
        };
    }

    @Test
    void aloneOrInABatchOf16DeterministicAndTheModelUntouched() {
        String fingerprint = model.parameterFingerprint();
        int arrays = model.manager().getManagedArrays().size();
        float[][][] deepliftBaselines = TestModels.inputs(16, 7);
        for (String id : METHODS) {
            Baselines all = baselines(id, 16);
            AttributionMethod batched = AttributionMethods.create(id, Map.of("internal_batch_size", 16));
            float[][][] inBatch = batched.attribute(model, x, targets, all).values();
            float[][][] again = batched.attribute(model, x, targets, all).values();
            for (int i = 0; i < x.length; i++) {
                for (int l = 0; l < EcgFormat.LEADS; l++) {
                    assertArrayEquals(inBatch[i][l], again[i][l], 0f, id + " is not deterministic");
                }
            }
            AttributionMethod single = AttributionMethods.create(id, Map.of("internal_batch_size", 1));
            for (int i : new int[] {0, 9, 15}) {
                Baselines one = id.equals("deeplift") ? Baselines.of(new float[][][] {deepliftBaselines[i]}) : all;
                float[][] alone = single.attribute(model, new float[][][] {x[i]}, new int[] {targets[i]}, one).map(0);
                double scale = TinyModels.maxAbs(inBatch[i]);
                assertTrue(scale > 0, id + " gave an empty map");
                double diff = TinyModels.maxAbsDiff(new float[][][] {alone}, new float[][][] {inBatch[i]});
                assertTrue(diff <= 1e-5 * scale, id + ", ECG " + i + ": alone vs in a batch of 16 differ by " + diff
                        + " (max |map| " + scale + ")");
            }
        }
        assertEquals(fingerprint, model.parameterFingerprint(), "weights or running statistics changed");
        assertEquals(arrays, model.manager().getManagedArrays().size(), "native arrays left in the model's memory");
    }
}
