package org.ecglab.attribution.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.attribution.TinyModels;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.LayerSpec;
import org.ecglab.nn.LayerwiseModel;
import org.ecglab.nn.TestModels;
import org.junit.jupiter.api.Test;

/**
 * Grad-CAM against a hand computation on a tiny convolutional net, at three layers; its choice of layer and its
 * errors; a realistic default CNN with batch norm alone and in a batch.
 */
class GradCamTest {
    private static final int C = 3;
    private static final int POOLED = 150;

    /** conv(12→3, k=1, no bias) → avg-pool(4) → ReLU → global average → flatten → linear(3→2). */
    private static EcgClassifier tinyConvNet(long seed) {
        return TestModels.nonTrivial(new Architecture("cam-hand", List.of(
                new LayerSpec.Conv1d(EcgFormat.LEADS, C, 1, 1, 0, 1, false),
                new LayerSpec.AvgPool1d(4, 4, 0),
                new LayerSpec.Relu(),
                new LayerSpec.AdaptiveAvgPool1d(),
                new LayerSpec.Flatten(),
                new LayerSpec.Linear(C, 2, true))), seed, List.of("neg", "pos"));
    }

    /**
     * The map of {@link #tinyConvNet} at {@code layer} (0: convolution A, 1: pooled P, 2: ReLU R) by hand. With
     * {@code m_c = mean_s R_c(s)} and logit {@code Σ_c V_kc m_c + b_k}: {@code ∂/∂R_c(s) = V_kc / 150},
     * {@code ∂/∂P_c(s) = V_kc 1[P_c(s) > 0] / 150}, {@code ∂/∂A_c(t) = V_kc 1[P_c(⌊t/4⌋) > 0] / 600}; each channel
     * weight is the mean of its gradient over time, and the map {@code Σ_c w_c · activation_c}, in double.
     */
    private static double[] byHand(EcgClassifier net, float[][] x, int target, int layer) {
        LayerwiseModel layers = LayerwiseModel.of(net, "test");
        float[] conv = layers.parameters(0).get("weight").toFloatArray(); // (3, 12, 1)
        float[] v = layers.parameters(5).get("weight").toFloatArray(); // (2, 3)
        double[][] a = new double[C][EcgFormat.SAMPLES];
        double[][] p = new double[C][POOLED];
        double[] weights = new double[C];
        for (int c = 0; c < C; c++) {
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                for (int l = 0; l < EcgFormat.LEADS; l++) {
                    a[c][t] += (double) conv[c * EcgFormat.LEADS + l] * x[l][t];
                }
                p[c][t / 4] += a[c][t] / 4;
            }
            long positive = Arrays.stream(p[c]).filter(z -> z > 0).count();
            double vc = v[target * C + c];
            weights[c] = switch (layer) {
                case 0 -> vc * positive / (POOLED * 600.0);
                case 1 -> vc * positive / ((double) POOLED * POOLED);
                default -> vc / POOLED;
            };
        }
        int length = layer == 0 ? EcgFormat.SAMPLES : POOLED;
        double[] map = new double[length];
        for (int c = 0; c < C; c++) {
            for (int s = 0; s < length; s++) {
                double act = layer == 0 ? a[c][s] : layer == 1 ? p[c][s] : Math.max(0, p[c][s]);
                map[s] += weights[c] * act;
            }
        }
        return map;
    }

    @Test
    void gradCamMatchesTheHandComputationAtEveryLayer() {
        float[][][] x = TinyModels.ecgs(3, 61);
        int[] targets = {1, 0, 1};
        try (EcgClassifier net = tinyConvNet(62)) {
            for (int layer = 0; layer <= 2; layer++) {
                for (boolean relu : new boolean[] {false, true}) {
                    Attribution cam = AttributionMethods.create("grad_cam", Map.of("layer", layer,
                            "relu_attributions", relu, "interpolate_mode", "nearest")).attribute(net, x, targets);
                    assertFalse(cam.hasLeadAxis());
                    assertEquals(!relu, cam.signed());
                    for (int i = 0; i < x.length; i++) {
                        double[] expected = byHand(net, x[i], targets[i], layer);
                        double scale = Arrays.stream(expected).map(Math::abs).max().orElseThrow();
                        assertTrue(scale > 0, "layer " + layer + ": a non-trivial map");
                        float[] map = cam.map(i)[0];
                        for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                            // 150 samples upsampled by 4 with nearest neighbours: sample t reads ⌊t/4⌋
                            double e = expected[expected.length == EcgFormat.SAMPLES ? t : t / 4];
                            assertEquals(relu ? Math.max(0, e) : e, map[t], 1e-5 * scale,
                                    "layer " + layer + " relu " + relu + " ECG " + i + " sample " + t);
                        }
                    }
                }
            }
            // linear upsampling of the same 150-sample map
            Attribution linear = AttributionMethods.create("grad_cam", Map.of("layer", 2)).attribute(net, x, targets);
            for (int i = 0; i < x.length; i++) {
                double[] expected = byHand(net, x[i], targets[i], 2);
                float[] coarse = new float[POOLED];
                for (int s = 0; s < POOLED; s++) {
                    coarse[s] = (float) expected[s];
                }
                float[] up = Upsampling.LINEAR.resize(coarse, 0, POOLED, EcgFormat.SAMPLES);
                double scale = Arrays.stream(expected).map(Math::abs).max().orElseThrow();
                for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                    assertEquals(up[t], linear.map(i)[0][t], 1e-5 * scale, "linear, sample " + t);
                }
                // output 3 sits at u = (3 + ½)/4 − ½ = 0.375 on the coarse axis
                assertEquals(0.625 * expected[0] + 0.375 * expected[1], linear.map(i)[0][3], 1e-5 * scale);
            }
        }
    }

    @Test
    void theDefaultLayerIsTheLastConvolutionAndBadLayersAreNamed() {
        float[][][] x = TinyModels.ecgs(2, 63);
        int[] targets = {0, 1};
        try (EcgClassifier net = tinyConvNet(64)) {
            float[][][] byDefault = new GradCam().attribute(net, x, targets).values();
            float[][][] layer0 = GradCam.fromParameters(Map.of("layer", 0)).attribute(net, x, targets).values();
            assertEquals(0, TinyModels.maxAbsDiff(byDefault, layer0), 0);
            assertEquals(Map.of("layer", -1, "relu_attributions", false, "interpolate_mode", "linear",
                    "internal_batch_size", GradientComputer.DEFAULT_INTERNAL_BATCH_SIZE), new GradCam().parameters());
            String outside = assertThrows(IllegalArgumentException.class, () -> GradCam.fromParameters(
                    Map.of("layer", 6)).attribute(net, x, targets)).getMessage();
            assertEquals("method grad_cam: parameter 'layer' is 6 but network cam-hand has layers 0..5", outside);
            String noTime = assertThrows(IllegalArgumentException.class, () -> GradCam.fromParameters(
                    Map.of("layer", 4)).attribute(net, x, targets)).getMessage();
            assertTrue(noTime.startsWith("method grad_cam: layer 4 (flatten) has output shape [3], without a time axis"),
                    noTime);
        }
        List<LayerSpec> mlp = List.of(new LayerSpec.Flatten(), new LayerSpec.Linear(TinyModels.D, 2, true));
        try (EcgClassifier net = TestModels.nonTrivial(new Architecture("mlp", mlp), 65, List.of("a", "b"))) {
            String none = assertThrows(IllegalArgumentException.class, () -> new GradCam().attribute(net, x, targets))
                    .getMessage();
            assertEquals("method grad_cam: network mlp has no conv1d layer; give parameter 'layer' explicitly", none);
        }
    }

    @Test
    void theDefaultCnnGivesTheSameMapAloneAndInABatchAndKeepsItsStatistics() {
        try (EcgClassifier cnn = TestModels.nonTrivial(Architecture.defaultCnn(1), 66, List.of("task"))) {
            String before = cnn.parameterFingerprint();
            float[][][] batch = TinyModels.ecgs(16, 67);
            int[] targets = new int[16];
            for (int layer : LayerwiseModel.of(cnn, "test").indicesOf("conv1d")) {
                for (String mode : Upsampling.ids()) {
                    GradCam cam = GradCam.fromParameters(Map.of("layer", layer, "interpolate_mode", mode));
                    float[][][] all = cam.attribute(cnn, batch, targets).values();
                    float[][][] alone = cam.attribute(cnn, new float[][][] {batch[5]}, new int[] {0}).values();
                    double scale = TinyModels.maxAbsDiff(alone, new float[1][1][EcgFormat.SAMPLES]);
                    assertEquals(1, all[5].length);
                    for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                        assertEquals(alone[0][0][t], all[5][0][t], 1e-5 * scale, "layer " + layer + " " + mode);
                    }
                }
            }
            assertEquals(before, cnn.parameterFingerprint(), "weights and running statistics untouched");
        }
    }

    @Test
    void nearestUpsamplingOfACoarseLayerIsPiecewiseConstant() {
        try (EcgClassifier cnn = TestModels.nonTrivial(Architecture.defaultCnn(1), 68, List.of("task"))) {
            // layer 12 is the fourth convolution, 75 samples: nearest neighbours repeat each 8 times
            float[] map = GradCam.fromParameters(Map.of("layer", 12, "interpolate_mode", "nearest"))
                    .attribute(cnn, TinyModels.ecgs(1, 69), new int[] {0}).map(0)[0];
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                assertEquals(map[t / 8 * 8], map[t], 0f, "sample " + t);
            }
            assertTrue(map[0] != map[8] || map[8] != map[16], "a non-constant map");
        }
    }

    @Test
    void guidedGradCamIsGuidedBackpropTimesTheRectifiedUpsampledGradCam() {
        float[][][] x = TinyModels.ecgs(3, 71);
        int[] targets = {1, 0, 1};
        try (EcgClassifier cnn = TestModels.nonTrivial(Architecture.defaultCnn(2), 72, List.of("a", "b"))) {
            Attribution ggc = new GuidedGradCam().attribute(cnn, x, targets);
            float[][][] gb = AttributionMethods.create("guided_backprop").attribute(cnn, x, targets).values();
            float[][][] cam = AttributionMethods.create("grad_cam", java.util.Map.of("relu_attributions", true,
                    "interpolate_mode", "nearest")).attribute(cnn, x, targets).values();
            assertTrue(ggc.hasLeadAxis(), "guided Grad-CAM keeps guided backpropagation's lead axis");
            double worst = 0;
            double scale = 0;
            int zeroedByRelu = 0;
            for (int i = 0; i < x.length; i++) {
                for (int l = 0; l < 12; l++) {
                    for (int t = 0; t < 600; t++) {
                        double expected = (double) gb[i][l][t] * cam[i][0][t];
                        worst = Math.max(worst, Math.abs(ggc.values()[i][l][t] - expected));
                        scale = Math.max(scale, Math.abs(expected));
                        zeroedByRelu += cam[i][0][t] == 0 && gb[i][l][t] != 0 ? 1 : 0;
                    }
                }
            }
            assertEquals(0, worst / scale, 1e-6);
            assertTrue(zeroedByRelu > 0, "the rectification must matter on this net");
        }
    }
}
