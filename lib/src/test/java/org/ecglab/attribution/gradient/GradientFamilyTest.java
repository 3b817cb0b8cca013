package org.ecglab.attribution.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.attribution.TinyModels;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Input × gradient and SmoothGrad against answers known by hand: a linear model (constant gradient), a two-layer ReLU
 * net whose gradient at each recorded noisy input is computed in double, and the limit of no noise.
 */
class GradientFamilyTest {
    private static float[][] w;
    private static EcgClassifier linear;
    private static EcgClassifier relu;
    private static EcgClassifier cnn;
    private static float[][][] x;

    @BeforeAll
    static void setUp() {
        w = TinyModels.randomWeights(31);
        linear = TinyModels.linear(w, new float[] {0.1f, -0.2f});
        relu = TinyModels.twoLayerRelu(32);
        cnn = TinyModels.cnn(33, false);
        x = TinyModels.ecgs(3, 34);
    }

    @AfterAll
    static void tearDown() {
        linear.close();
        relu.close();
        cnn.close();
    }

    @Test
    void inputXGradientIsWeightTimesInputForALinearModel() {
        int[] targets = {0, 1, 1};
        Attribution a = new InputXGradient().attribute(linear, x, targets);
        for (int i = 0; i < x.length; i++) {
            float[] flat = TinyModels.flatten(a.map(i));
            float[] xi = TinyModels.flatten(x[i]);
            for (int j = 0; j < flat.length; j++) {
                assertEquals(w[targets[i]][j] * xi[j], flat[j], 0f, "ECG " + i + " value " + j);
            }
        }
        assertTrue(a.signed());
        assertNull(a.convergenceDelta());
        assertEquals(Map.of("internal_batch_size", GradientComputer.DEFAULT_INTERNAL_BATCH_SIZE), a.parameters());
    }

    @Test
    void inputXGradientOfATwoLayerReluNetIsInputTimesItsGradientByHand() {
        int[] targets = {1, 0, 1};
        Attribution a = AttributionMethods.create("input_x_gradient").attribute(relu, x, targets);
        for (int i = 0; i < x.length; i++) {
            float[] xi = TinyModels.flatten(x[i]);
            double[] g = TinyModels.twoLayerReluGradient(relu, xi, targets[i]);
            float[] flat = TinyModels.flatten(a.map(i));
            double scale = maxAbs(g);
            for (int j = 0; j < flat.length; j++) {
                assertEquals(xi[j] * g[j], flat[j], 1e-5 * scale * Math.abs(xi[j]) + 1e-7, "ECG " + i + " value " + j);
            }
        }
    }

    @Test
    void smoothGradOfALinearModelIsTheAbsoluteWeightsWhateverTheNoise() {
        int[] targets = {1, 0, 0};
        for (String type : SmoothGrad.NT_TYPES) {
            Attribution a = AttributionMethods.create("smoothgrad", Map.of("nt_type", type, "nt_samples", 4,
                    "stdevs", 0.5)).attribute(linear, x, targets);
            for (int i = 0; i < x.length; i++) {
                float[] flat = TinyModels.flatten(a.map(i));
                for (int j = 0; j < flat.length; j++) {
                    double gj = w[targets[i]][j];
                    double expected = switch (type) {
                        case "smoothgrad" -> Math.abs(gj);
                        case "smoothgrad_sq" -> gj * gj;
                        default -> 0;
                    };
                    assertEquals(expected, flat[j], 1e-6 * Math.abs(expected), type + " ECG " + i + " value " + j);
                }
            }
            assertFalse(a.signed(), type);
            assertArrayEquals(new long[] {3, 4, 12, 600}, shape(a, "noise"), type);
        }
    }

    @Test
    void smoothGradVariantsMatchTheirDefinitionsOnTheRecordedNoisyInputs() {
        int k = 6;
        int[] targets = {0, 1, 0};
        for (boolean abs : new boolean[] {true, false}) {
            Map<String, Attribution> byType = new java.util.LinkedHashMap<>();
            for (String type : SmoothGrad.NT_TYPES) {
                byType.put(type, AttributionMethods.create("smoothgrad", Map.of("nt_type", type, "nt_samples", k,
                        "stdevs", 0.3, "abs", abs, "seed", 7)).attribute(relu, x, targets));
            }
            float[] noise = byType.get("smoothgrad").samples().get("noise").toFloats();
            for (Attribution a : byType.values()) { // one seed, one noise, whatever the combination
                assertArrayEquals(noise, a.samples().get("noise").toFloats(), 0f);
            }
            for (int i = 0; i < x.length; i++) {
                float[] xi = TinyModels.flatten(x[i]);
                double[] sum = new double[TinyModels.D];
                double[] sumSq = new double[TinyModels.D];
                for (int s = 0; s < k; s++) {
                    float[] noisy = new float[TinyModels.D];
                    for (int j = 0; j < noisy.length; j++) {
                        noisy[j] = xi[j] + noise[(i * k + s) * TinyModels.D + j];
                    }
                    double[] g = TinyModels.twoLayerReluGradient(relu, noisy, targets[i]);
                    for (int j = 0; j < g.length; j++) {
                        double v = abs ? Math.abs(g[j]) : g[j];
                        sum[j] += v;
                        sumSq[j] += v * v;
                    }
                }
                float[] mean = TinyModels.flatten(byType.get("smoothgrad").map(i));
                float[] meanSq = TinyModels.flatten(byType.get("smoothgrad_sq").map(i));
                float[] variance = TinyModels.flatten(byType.get("vargrad").map(i));
                double scale = maxAbs(sum) / k;
                for (int j = 0; j < mean.length; j++) {
                    double m = sum[j] / k;
                    double m2 = sumSq[j] / k;
                    assertEquals(m, mean[j], 1e-5 * scale, "abs " + abs + " mean, ECG " + i + " value " + j);
                    assertEquals(m2, meanSq[j], 1e-5 * scale * scale, "mean of squares, value " + j);
                    assertEquals(m2 - m * m, variance[j], 1e-5 * scale * scale, "variance, value " + j);
                    assertTrue(variance[j] >= 0, "variance " + variance[j]);
                }
            }
            assertEquals(!abs, byType.get("smoothgrad").signed());
        }
    }

    @Test
    void withoutNoiseSmoothGradIsSaliencyAndItsVarianceIsZero() {
        int[] targets = {1, 1, 0};
        for (boolean abs : new boolean[] {true, false}) {
            float[][][] saliency = new Saliency(abs, 16).attribute(cnn, x, targets).values();
            Map<String, Object> p = Map.of("stdevs", 0.0, "nt_samples", 3, "abs", abs);
            Attribution mean = SmoothGrad.fromParameters(p).attribute(cnn, x, targets);
            Map<String, Object> sq = new java.util.HashMap<>(p);
            sq.put("nt_type", "smoothgrad_sq");
            float[][][] squares = SmoothGrad.fromParameters(sq).attribute(cnn, x, targets).values();
            sq.put("nt_type", "vargrad");
            float[][][] variance = SmoothGrad.fromParameters(sq).attribute(cnn, x, targets).values();
            assertTrue(mean.samples().isEmpty(), "no noise is recorded when there is none");
            for (int i = 0; i < x.length; i++) {
                for (int l = 0; l < EcgFormat.LEADS; l++) {
                    for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                        float s = saliency[i][l][t];
                        assertEquals(s, mean.values()[i][l][t], 1e-7 * Math.abs(s));
                        assertEquals(s * s, squares[i][l][t], 1e-6 * s * s);
                        assertEquals(0f, variance[i][l][t], 0f);
                    }
                }
            }
        }
    }

    @Test
    void smallNoiseOnASmoothModelApproachesSaliency() {
        try (EcgClassifier smooth = TinyModels.cnn(35, true)) {
            int[] targets = {0, 1, 0};
            float[][][] saliency = new Saliency().attribute(smooth, x, targets).values();
            for (double sigma : new double[] {1e-3, 1e-1}) {
                float[][][] sg = SmoothGrad.fromParameters(Map.of("stdevs", sigma, "nt_samples", 8))
                        .attribute(smooth, x, targets).values();
                double relative = TinyModels.maxAbsDiff(saliency, sg) / maxAbs(saliency);
                if (sigma < 1e-2) {
                    assertTrue(relative < 1e-3, "sigma " + sigma + ": relative difference " + relative);
                } else {
                    assertTrue(relative > 1e-2, "sigma " + sigma + " should smooth visibly, difference " + relative);
                }
            }
        }
    }

    @Test
    void theNoiseIsSeededGaussianWithTheGivenStandardDeviation() {
        Map<String, Object> p = Map.of("stdevs", 0.7, "nt_samples", 5, "seed", 11);
        Attribution a = SmoothGrad.fromParameters(p).attribute(cnn, x, new int[] {0, 1, 0});
        Attribution again = SmoothGrad.fromParameters(p).attribute(cnn, x, new int[] {0, 1, 0});
        Map<String, Object> other = new java.util.HashMap<>(p);
        other.put("seed", 12);
        Attribution otherSeed = SmoothGrad.fromParameters(other).attribute(cnn, x, new int[] {0, 1, 0});
        float[] noise = a.samples().get("noise").toFloats();
        assertArrayEquals(noise, again.samples().get("noise").toFloats(), 0f);
        assertEquals(0, TinyModels.maxAbsDiff(a.values(), again.values()), 0);
        assertTrue(TinyModels.maxAbsDiff(a.values(), otherSeed.values()) > 0, "another seed, other noise");
        assertEquals(11, a.seed());
        double sum = 0;
        double sumSq = 0;
        for (float v : noise) {
            sum += v;
            sumSq += (double) v * v;
        }
        int n = noise.length; // 3 x 5 x 7200 = 108,000 draws: standard errors 0.002 (mean) and 0.0015 (sd)
        assertEquals(0, sum / n, 0.01);
        assertEquals(0.7, Math.sqrt(sumSq / n - (sum / n) * (sum / n)), 0.01);
    }

    private static long[] shape(Attribution a, String sample) {
        int[] s = a.samples().get(sample).shape();
        long[] out = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i];
        }
        return out;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }

    private static double maxAbs(float[][][] v) {
        double m = 0;
        for (float[][] a : v) {
            for (float[] b : a) {
                for (float c : b) {
                    m = Math.max(m, Math.abs(c));
                }
            }
        }
        return m;
    }
}
