package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.ecglab.attribution.gradient.Saliency;
import org.ecglab.attribution.path.IntegratedGradients;
import org.ecglab.attribution.path.PathQuadrature;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For {@code f(x) = W x + b}: saliency is the target's weight row (or its absolute value) and integrated gradients
 * is {@code w ⊙ (x − x')} for any baseline, with zero convergence delta.
 */
class LinearModelAttributionTest {
    private static float[][] w;
    private static EcgClassifier model;
    private static float[][][] x;

    @BeforeAll
    static void setUp() {
        w = TinyModels.randomWeights(11);
        model = TinyModels.linear(w, new float[] {0.5f, -0.25f});
        x = TinyModels.ecgs(3, 5);
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    @Test
    void signedSaliencyIsTheTargetWeightRowExactly() {
        int[] targets = {0, 1, 1};
        Attribution a = AttributionMethods.create("saliency", Map.of("abs", false)).attribute(model, x, targets);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(w[targets[i]], TinyModels.flatten(a.map(i)), 0f, "ECG " + i);
        }
        assertNull(a.convergenceDelta());
        assertEquals("linear", a.modelId());
        assertEquals(Map.of("abs", false, "internal_batch_size", GradientComputer.DEFAULT_INTERNAL_BATCH_SIZE), a.parameters());
    }

    @Test
    void defaultSaliencyIsAbsoluteWeights() {
        Attribution a = new Saliency().attribute(model, x, new int[] {1, 0, 1});
        int[] targets = {1, 0, 1};
        for (int i = 0; i < x.length; i++) {
            float[] flat = TinyModels.flatten(a.map(i));
            for (int j = 0; j < flat.length; j++) {
                assertEquals(Math.abs(w[targets[i]][j]), flat[j], 0f);
            }
        }
        assertEquals(true, a.parameters().get("abs"));
    }

    @Test
    void integratedGradientsIsWeightTimesInputWithZeroBaseline() {
        int[] targets = {0, 1, 0};
        Attribution a = new IntegratedGradients().attribute(model, x, targets);
        assertIgIsWeightTimesDifference(a, targets, new float[x.length][EcgFormat.LEADS][EcgFormat.SAMPLES]);
    }

    @Test
    void integratedGradientsIsWeightTimesDifferenceWithNonZeroBaseline() {
        int[] targets = {1, 1, 0};
        float[][][] baselines = TinyModels.ecgs(3, 99);
        for (String quadrature : PathQuadrature.ids()) {
            Attribution a = AttributionMethods.create("integrated_gradients",
                    Map.of("method", quadrature, "n_steps", 8)).attribute(model, x, targets, Baselines.of(baselines));
            // Captum's trapezoid weights sum to (n-1)/n: its numbers, under its name, are 7/8 of the integral.
            assertIgIsWeightTimesDifference(a, targets, baselines, quadrature.equals("riemann_trapezoid") ? 7 / 8.0 : 1);
        }
    }

    private void assertIgIsWeightTimesDifference(Attribution a, int[] targets, float[][][] baselines) {
        assertIgIsWeightTimesDifference(a, targets, baselines, 1);
    }

    private void assertIgIsWeightTimesDifference(Attribution a, int[] targets, float[][][] baselines, double factor) {
        for (int i = 0; i < x.length; i++) {
            float[] flat = TinyModels.flatten(a.map(i));
            float[] xi = TinyModels.flatten(x[i]);
            float[] bi = TinyModels.flatten(baselines[i]);
            for (int j = 0; j < flat.length; j++) {
                assertEquals(factor * w[targets[i]][j] * (xi[j] - bi[j]), flat[j], 1e-4, a.parameters() + " ECG " + i);
            }
            // Σ a = factor · w·(x − x'); the delta's error is float rounding of two 7200-term logits (|f| ~ 50).
            double change = TinyModels.sum(a.map(i)) / factor;
            assertEquals((factor - 1) * change, a.convergenceDelta()[i], 1e-3, a.parameters() + " completeness, ECG " + i);
        }
    }
}
