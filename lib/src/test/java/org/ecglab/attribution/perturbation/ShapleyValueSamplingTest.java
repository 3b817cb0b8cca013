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
}
