package org.ecglab.attribution.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.TinyModels;
import org.ecglab.attribution.TwoLayerNet;
import org.ecglab.attribution.gradient.Saliency;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.LayerSpec;
import org.ecglab.nn.TestModels;
import org.junit.jupiter.api.Test;

/** DeepLIFT (rescale rule, Captum's max pooling) and DeepLIFT SHAP against hand computations and completeness. */
class DeepLiftTest {
    private static final int D = TinyModels.D;

    private static double[] times(double[] m, float[][] x, float[][] base) {
        double[] out = new double[D];
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                int j = l * EcgFormat.SAMPLES + t;
                out[j] = m[j] * ((double) x[l][t] - base[l][t]);
            }
        }
        return out;
    }

    @Test
    void onALinearModelItIsGradientTimesDifference() {
        float[][] w = TinyModels.randomWeights(5);
        float[][][] x = TinyModels.ecgs(3, 51);
        float[][][] base = TinyModels.ecgs(3, 52);
        Architecture arch = new Architecture("linear", List.of(new LayerSpec.Flatten(), new LayerSpec.Linear(D, 2, true)));
        try (EcgClassifier model = EcgClassifier.of("linear", arch, List.of("a", "b"))) {
            TestModels.param(model, 1, "weight").getArray().set(flat(w));
            Attribution a = new DeepLift().attribute(model, x, new int[] {1, 0, 1}, Baselines.of(base));
            for (int i = 0; i < x.length; i++) {
                double[] wi = new double[D];
                for (int j = 0; j < D; j++) {
                    wi[j] = w[new int[] {1, 0, 1}[i]][j];
                }
                double err = TwoLayerNet.relativeError(a.map(i), times(wi, x[i], base[i]));
                assertTrue(err < 1e-6, "ECG " + i + ": " + err);
            }
        }
    }

    @Test
    void onATwoLayerReluNetTheRelusRescale() {
        // m = W1ᵀ (W2_c ⊙ r) with r_u = (relu(h_u) − relu(h'_u)) / (h_u − h'_u): the secant, not the tangent.
        try (TwoLayerNet net = new TwoLayerNet(16, true, 9)) {
            float[][][] x = TinyModels.ecgs(3, 61);
            float[][][] base = TinyModels.ecgs(3, 62);
            int[] targets = {0, 1, 0};
            Attribution a = new DeepLift().attribute(net.model, x, targets, Baselines.of(base));
            int secants = 0;
            for (int i = 0; i < x.length; i++) {
                double[] h = net.hidden(TwoLayerNet.flatten(x[i]));
                double[] hRef = net.hidden(TwoLayerNet.flatten(base[i]));
                double[] atHidden = new double[net.hidden];
                for (int u = 0; u < net.hidden; u++) {
                    double r = (Math.max(h[u], 0) - Math.max(hRef[u], 0)) / (h[u] - hRef[u]);
                    secants += r > 0 && r < 1 ? 1 : 0;
                    atHidden[u] = net.w2[targets[i]][u] * r;
                }
                double[] expected = times(TwoLayerNet.transposed(net.w1, atHidden), x[i], base[i]);
                double err = TwoLayerNet.relativeError(a.map(i), expected);
                assertTrue(err < 1e-5, "ECG " + i + ": " + err);
            }
            assertTrue(secants > 0, "some unit must cross zero between baseline and input, or r is just the gradient");
        }
    }

    @Test
    void maxPoolingSendsTheChangeToTheWinnerOfTheSideThatWon() {
        // y = w · maxpool2(x) + b: per window, Δy = max(x) − max(x') goes to the input's winner when it grew and to
        // the baseline's winner when it shrank, so the attribution of that position is w_o Δy (Captum's rule).
        Architecture arch = new Architecture("pool", List.of(LayerSpec.MaxPool1d.of(2), new LayerSpec.Flatten(),
                new LayerSpec.Linear(D / 2, 1, true)));
        float[][][] x = TinyModels.ecgs(2, 71);
        float[][][] base = TinyModels.ecgs(2, 72);
        try (EcgClassifier model = TestModels.nonTrivial(arch, 71, List.of("p"))) {
            float[] w = TestModels.param(model, 2, "weight").getArray().toFloatArray();
            Attribution a = new DeepLift().attribute(model, x, new int[] {0, 0}, Baselines.of(base));
            float[][][] gradient = new Saliency(false, 2).attribute(model, x, new int[] {0, 0}).values();
            int winnersDiffer = 0;
            for (int i = 0; i < x.length; i++) {
                double[] expected = new double[D];
                double gradientTimesDelta = 0;
                for (int l = 0; l < EcgFormat.LEADS; l++) {
                    for (int o = 0; o < EcgFormat.SAMPLES / 2; o++) {
                        int p = x[i][l][2 * o + 1] > x[i][l][2 * o] ? 2 * o + 1 : 2 * o;
                        int pRef = base[i][l][2 * o + 1] > base[i][l][2 * o] ? 2 * o + 1 : 2 * o;
                        double dy = (double) x[i][l][p] - base[i][l][pRef];
                        int to = dy >= 0 ? p : pRef;
                        expected[l * EcgFormat.SAMPLES + to] += w[l * EcgFormat.SAMPLES / 2 + o] * dy;
                        winnersDiffer += p != pRef ? 1 : 0;
                    }
                    for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                        gradientTimesDelta += Math.abs(gradient[i][l][t] * (x[i][l][t] - base[i][l][t]));
                    }
                }
                double err = TwoLayerNet.relativeError(a.map(i), expected);
                assertTrue(err < 1e-5, "ECG " + i + ": " + err);
                assertTrue(TinyModels.maxAbsDiff(new float[][][] {a.map(i)}, new float[][][] {gradient[i]}) > 0
                        && gradientTimesDelta > 0);
            }
            assertTrue(winnersDiffer > 100, "the case needs windows whose winners differ: " + winnersDiffer);
        }
    }

    @Test
    void completeOnTheDefaultCnnWithBatchNormAndMaxPooling() {
        float[][][] x = TestModels.inputs(4, 81);
        int[] targets = {0, 1, 0, 1};
        try (EcgClassifier model = TestModels.nonTrivial(Architecture.defaultCnn(2), 81, List.of("a", "b"))) {
            for (Baselines b : List.of(Baselines.zero(), Baselines.of(TestModels.inputs(4, 82)))) {
                Attribution a = new DeepLift().attribute(model, x, targets, b);
                float[][] fx = model.predictLogits(x);
                float[][] fb = model.predictLogits(b.perInput("test", x.length));
                for (int i = 0; i < x.length; i++) {
                    double gap = (double) fx[i][targets[i]] - fb[i][targets[i]];
                    double sum = TinyModels.sum(a.map(i));
                    assertTrue(Math.abs(gap) > 1e-2, "f(x) - f(x') must be non-trivial, was " + gap);
                    // Stated tolerance: 1e-5 of |f(x)| + |f(x')|, a few hundred float32 roundings of the logits.
                    double tolerance = 1e-5 * (Math.abs(fx[i][targets[i]]) + Math.abs(fb[i][targets[i]]));
                    assertEquals(gap, sum, tolerance, b + ", ECG " + i);
                    assertEquals(sum - gap, a.convergenceDelta()[i], 1e-6 * Math.abs(gap), b + ", ECG " + i);
                }
            }
        }
    }

    @Test
    void deepLiftShapAveragesDeepLiftOverTheBaselinesAndIsComplete() {
        float[][][] x = TestModels.inputs(2, 91);
        float[][][] rows = TestModels.inputs(3, 92);
        int[] targets = {1, 0};
        try (EcgClassifier model = TestModels.nonTrivial(Architecture.defaultCnn(2), 91, List.of("a", "b"))) {
            Attribution shap = new DeepLiftShap().attribute(model, x, targets, Baselines.distribution(rows));
            float[][][] mean = new float[x.length][EcgFormat.LEADS][EcgFormat.SAMPLES];
            for (float[][] row : rows) {
                float[][][] one = new DeepLift().attribute(model, x, targets, Baselines.of(new float[][][] {row})).values();
                for (int i = 0; i < x.length; i++) {
                    for (int l = 0; l < EcgFormat.LEADS; l++) {
                        for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                            mean[i][l][t] += one[i][l][t] / rows.length;
                        }
                    }
                }
            }
            double[] meanBaselineLogit = new double[2];
            for (float[] logits : model.predictLogits(rows)) {
                meanBaselineLogit[0] += logits[0] / rows.length;
                meanBaselineLogit[1] += logits[1] / rows.length;
            }
            float[][] fx = model.predictLogits(x);
            for (int i = 0; i < x.length; i++) {
                double scale = TinyModels.maxAbs(mean[i]);
                assertTrue(TinyModels.maxAbsDiff(new float[][][] {shap.map(i)}, new float[][][] {mean[i]}) < 1e-5 * scale);
                double gap = fx[i][targets[i]] - meanBaselineLogit[targets[i]];
                assertEquals(gap, TinyModels.sum(shap.map(i)), 1e-5 * (Math.abs(fx[i][targets[i]]) + 1), "ECG " + i);
                assertEquals(0, shap.convergenceDelta()[i], 1e-5 * (Math.abs(fx[i][targets[i]]) + 1));
            }
            assertEquals("distribution", shap.baselines().kind());
        }
    }

    @Test
    void withoutMultiplyingByInputsItReturnsTheMultipliers() {
        float[][][] x = TestModels.inputs(2, 95);
        float[][][] base = TestModels.inputs(2, 96);
        try (EcgClassifier model = TestModels.nonTrivial(Architecture.defaultCnn(1), 95, List.of("a"))) {
            Attribution global = new DeepLift().attribute(model, x, new int[] {0, 0}, Baselines.of(base));
            Attribution local = DeepLift.fromParameters(Map.of("multiply_by_inputs", false))
                    .attribute(model, x, new int[] {0, 0}, Baselines.of(base));
            assertEquals(null, local.convergenceDelta());
            for (int i = 0; i < x.length; i++) {
                for (int l = 0; l < EcgFormat.LEADS; l++) {
                    for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                        assertEquals(global.map(i)[l][t], local.map(i)[l][t] * (x[i][l][t] - base[i][l][t]),
                                1e-6 * Math.abs(global.map(i)[l][t]) + 1e-12);
                    }
                }
            }
        }
    }

    private static float[] flat(float[][] w) {
        float[] out = new float[w.length * D];
        for (int k = 0; k < w.length; k++) {
            System.arraycopy(w[k], 0, out, k * D, D);
        }
        return out;
    }
}
