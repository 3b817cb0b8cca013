package org.ecglab.attribution.perturbation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.TinyModels;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.Test;

class ShapleyValueSamplingTest {
    private static final Map<String, Object> SEGMENTS = Map.of("feature_mask", "segments:60");

    @Test
    void additiveModelIsExactWithOnePermutation() {
        SegmentGame game = SegmentGame.seeded(3, false);
        float[][][] x = TinyModels.ecgs(2, 4);
        float[][][] base = TinyModels.ecgs(1, 9);
        try (EcgClassifier model = game.classifier("additive")) {
            Attribution a = ShapleyValueSampling.fromParameters(Map.of("feature_mask", "segments:60", "n_samples", 1))
                    .attribute(model, x, new int[2], Baselines.of(base));
            for (int i = 0; i < 2; i++) {
                double[] exact = game.shapley(x[i], base[0]);
                double[] got = SegmentGame.mask().sumByFeature(a.map(i));
                for (int j = 0; j < exact.length; j++) {
                    assertEquals(exact[j], got[j] / (12 * 60), 1e-5, "ECG " + i + " feature " + j);
                }
            }
        }
    }

    @Test
    void interactionsConvergeToExactShapleyValues() {
        SegmentGame game = SegmentGame.seeded(5, true);
        float[][][] x = TinyModels.ecgs(1, 6);
        float[][][] base = TinyModels.ecgs(1, 7);
        try (EcgClassifier model = game.classifier("interactions")) {
            double[] exact = game.shapley(x[0], base[0]);
            double previous = Double.POSITIVE_INFINITY;
            for (int n : new int[] {4, 40, 400}) {
                Attribution a = ShapleyValueSampling.fromParameters(Map.of("feature_mask", "segments:60",
                        "n_samples", n)).attribute(model, x, new int[1], Baselines.of(base));
                double[] got = SegmentGame.mask().sumByFeature(a.map(0));
                double err = 0;
                for (int j = 0; j < exact.length; j++) {
                    err += Math.pow(exact[j] - got[j] / 720, 2);
                }
                err = Math.sqrt(err / exact.length);
                System.out.println("shapley_sampling n=" + n + " rms error " + err);
                assertTrue(err < previous, "error " + err + " at n=" + n + " not below " + previous);
                previous = err;
                assertEquals(0, a.convergenceDelta()[0], 1e-4, "efficiency");
            }
        }
    }

    @Test
    void exactShapleyByTheModelEqualsEnumerationOfTheGame() {
        SegmentGame game = SegmentGame.seeded(15, true);
        float[][][] x = TinyModels.ecgs(2, 16);
        float[][][] base = TinyModels.ecgs(1, 17);
        try (EcgClassifier model = game.classifier("exact")) {
            double[][] byModel = ExactShapley.values(model, x, new int[2], Baselines.of(base),
                    java.util.List.of(SegmentGame.mask(), SegmentGame.mask()));
            for (int i = 0; i < 2; i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(game.shapley(x[i], base[0]), byModel[i], 1e-5);
            }
            assertEquals(2 * 1024, game.evaluated.get(), "2^10 coalitions per ECG");
        }
    }

    @Test
    void evaluationCountsAreWhatTheMethodsSay() {
        SegmentGame game = SegmentGame.seeded(18, false);
        float[][][] x = TinyModels.ecgs(3, 19);
        try (EcgClassifier model = game.classifier("count")) {
            for (String id : java.util.List.of("feature_ablation", "lime", "kernel_shap", "shapley_sampling")) {
                org.ecglab.attribution.MaskedAttributionMethod m = (org.ecglab.attribution.MaskedAttributionMethod)
                        org.ecglab.attribution.AttributionMethods.create(id, Map.of("feature_mask", "segments:60",
                                "n_samples", 7).entrySet().stream().filter(e -> !(id.equals("feature_ablation")
                                && e.getKey().equals("n_samples"))).collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, Map.Entry::getValue)));
                long before = game.evaluated.get();
                m.attribute(model, x, new int[3]);
                assertEquals(3 * m.evaluationsPerEcg(10), game.evaluated.get() - before, id);
            }
            Occlusion occlusion = Occlusion.fromParameters(Map.of("sliding_window_shapes", "5,70", "strides", "2,60"));
            long before = game.evaluated.get();
            occlusion.attribute(model, x, new int[3]);
            assertEquals(3 * (5 * 10 + 1), game.evaluated.get() - before, "ceil(7/2)+1 = 5 by ceil(530/60)+1 = 10");
            assertEquals(51, occlusion.evaluationsPerEcg());
        }
    }
}
