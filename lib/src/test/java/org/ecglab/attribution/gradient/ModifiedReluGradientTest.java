package org.ecglab.attribution.gradient;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ecglab.attribution.TinyModels;
import org.ecglab.attribution.TwoLayerNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guided backpropagation and deconvolution against their definitions on {@code y = W2 relu(W1 x + b1) + b2}, by
 * hand: the gradient is {@code W1ᵀ (1[h > 0] ⊙ W2_c)}; guided backpropagation passes
 * {@code max(1[h > 0] ⊙ W2_c, 0)} back through the ReLU, deconvolution {@code max(W2_c, 0)}.
 */
class ModifiedReluGradientTest {
    private static TwoLayerNet net;
    private static float[][][] x;

    @BeforeAll
    static void setUp() {
        net = new TwoLayerNet(16, true, 7);
        x = TinyModels.ecgs(4, 11);
    }

    @AfterAll
    static void tearDown() {
        net.close();
    }

    @Test
    void guidedBackpropStopsNegativeSignalsAndInactiveUnits() {
        float[][][] maps = new GuidedBackprop().attribute(net.model, x, targets()).values();
        int gatedByInput = 0;
        int gatedBySign = 0;
        for (int i = 0; i < x.length; i++) {
            double[] h = net.hidden(TwoLayerNet.flatten(x[i]));
            double[] atHidden = new double[net.hidden];
            for (int u = 0; u < net.hidden; u++) {
                double w = net.w2[i % 2][u];
                atHidden[u] = h[u] > 0 ? Math.max(w, 0) : 0;
                gatedByInput += h[u] <= 0 && w > 0 ? 1 : 0;
                gatedBySign += h[u] > 0 && w < 0 ? 1 : 0;
            }
            double[] expected = TwoLayerNet.transposed(net.w1, atHidden);
            double err = TwoLayerNet.relativeError(maps[i], expected);
            assertTrue(err < 1e-5, "ECG " + i + ": relative error " + err);
        }
        // The case must exercise both gates, or it could not tell guided backpropagation from its neighbours.
        assertTrue(gatedByInput > 0 && gatedBySign > 0, gatedByInput + " input-gated, " + gatedBySign + " sign-gated");
    }

    @Test
    void deconvolutionPassesThePositivePartWhateverTheInput() {
        float[][][] maps = new Deconvolution().attribute(net.model, x, targets()).values();
        for (int i = 0; i < x.length; i++) {
            double[] atHidden = new double[net.hidden];
            for (int u = 0; u < net.hidden; u++) {
                atHidden[u] = Math.max(net.w2[i % 2][u], 0);
            }
            double err = TwoLayerNet.relativeError(maps[i], TwoLayerNet.transposed(net.w1, atHidden));
            assertTrue(err < 1e-5, "ECG " + i + ": relative error " + err);
        }
    }

    @Test
    void deconvolutionIgnoresTheInputAndGuidedBackpropDoesNot() {
        // Deconvolution ignores the input, so two ECGs with the same target get the same map (to float rounding)...
        float[][][] maps = new Deconvolution().attribute(net.model, x, new int[] {1, 1, 1, 1}).values();
        double scale = TinyModels.maxAbs(maps[0]);
        assertTrue(TinyModels.maxAbsDiff(new float[][][] {maps[0]}, new float[][][] {maps[3]}) < 1e-6 * scale);
        // ...while guided backpropagation follows which units the ECG switches on.
        float[][][] guided = new GuidedBackprop().attribute(net.model, x, new int[] {1, 1, 1, 1}).values();
        assertTrue(TinyModels.maxAbsDiff(new float[][][] {guided[0]}, new float[][][] {guided[3]}) > 1e-2 * scale);
    }

    private static int[] targets() {
        return new int[] {0, 1, 0, 1};
    }
}
