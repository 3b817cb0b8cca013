package org.ecglab.attribution.perturbation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.TinyModels;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.Test;

/** KernelSHAP against exact Shapley values (by enumeration) of additive and interacting models. */
class KernelShapTest {

    private static double[] perFeature(Attribution a, int i) {
        double[] sums = SegmentGame.mask().sumByFeature(a.map(i));
        for (int j = 0; j < sums.length; j++) {
            sums[j] /= 12 * SegmentGame.WIDTH;
        }
        return sums;
    }

    private static double rms(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s / a.length);
    }

    @Test
    void additiveModelIsRecoveredOnceTheSamplesDetermineTheRegression() {
        SegmentGame game = SegmentGame.seeded(8, false);
        float[][][] x = TinyModels.ecgs(2, 10);
        float[][][] base = TinyModels.ecgs(2, 11);
        try (EcgClassifier model = game.classifier("additive")) {
            Attribution a = KernelShap.fromParameters(Map.of("feature_mask", "segments:60", "n_samples", 60))
                    .attribute(model, x, new int[2], Baselines.of(base));
            for (int i = 0; i < 2; i++) {
                double[] exact = game.shapley(x[i], base[i]);
                double[] got = perFeature(a, i);
                for (int j = 0; j < exact.length; j++) {
                    assertEquals(exact[j], got[j], 1e-4, "ECG " + i + " feature " + j);
                }
                assertEquals(0, a.convergenceDelta()[i], 1e-4, "efficiency");
            }
        }
    }

    @Test
    void interactionsConvergeToExactShapleyValuesAsSamplesGrow() {
        SegmentGame game = SegmentGame.seeded(12, true);
        float[][][] x = TinyModels.ecgs(1, 13);
        float[][][] base = TinyModels.ecgs(1, 14);
        try (EcgClassifier model = game.classifier("interactions")) {
            double[] exact = game.shapley(x[0], base[0]);
            double[] errors = new double[3];
            int[] sizes = {30, 300, 3000};
            for (int k = 0; k < sizes.length; k++) {
                double sum = 0;
                for (long seed = 0; seed < 4; seed++) {
                    Attribution a = KernelShap.fromParameters(Map.of("feature_mask", "segments:60", "n_samples",
                            sizes[k], "seed", seed)).attribute(model, x, new int[1], Baselines.of(base));
                    sum += rms(exact, perFeature(a, 0));
                    // efficiency up to the finite end-point weight
                    assertEquals(0, a.convergenceDelta()[0], 1e-3 * (1 + Math.abs(exact[0])));
                }
                errors[k] = sum / 4;
                System.out.println("kernel_shap n=" + sizes[k] + " mean rms error " + errors[k]);
            }
            assertTrue(errors[1] < errors[0] / 2 && errors[2] < errors[1] / 2, java.util.Arrays.toString(errors));
        }
    }

    @Test
    void coalitionsFollowCaptum() {
        KernelShap ks = KernelShap.fromParameters(Map.of("n_samples", 4000));
        boolean[][] z = ks.sample(10, new SplittableRandom(1));
        assertArrayEquals(new double[] {1e6, 1e6, 1}, java.util.Arrays.copyOf(KernelShap.weights(z), 3));
        for (boolean b : z[0]) {
            assertTrue(b, "first sample keeps every feature");
        }
        for (boolean b : z[1]) {
            assertTrue(!b, "second sample keeps none");
        }
        // sizes k = 1..9 with probability ∝ 1/(k(10−k))
        int[] counts = new int[10];
        for (int s = 2; s < z.length; s++) {
            int k = 0;
            for (boolean b : z[s]) {
                k += b ? 1 : 0;
            }
            counts[k]++;
        }
        double total = 0;
        for (int k = 1; k < 10; k++) {
            total += 1.0 / (k * (10 - k));
        }
        assertEquals(0, counts[0] + counts[0]);
        for (int k = 1; k < 10; k++) {
            double expected = (z.length - 2) / (k * (10.0 - k)) / total;
            assertEquals(expected, counts[k], 4 * Math.sqrt(expected), "size " + k);
        }
    }

    @Test
    void oneFeatureIsRefused() {
        try (EcgClassifier model = SegmentGame.seeded(1, false).classifier("one")) {
            String m = assertThrows(IllegalArgumentException.class, () -> KernelShap.fromParameters(
                    Map.of("feature_mask", "segments:600")).attribute(model, TinyModels.ecgs(1, 1), new int[1]))
                    .getMessage();
            assertTrue(m.contains("at least 2 features") && m.contains("segments:600"), m);
        }
    }
}
