package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.ecglab.attribution.gradient.Saliency;
import org.ecglab.attribution.path.IntegratedGradients;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gradient-based methods on small nonlinear CNNs: finite differences, completeness, path limits, invariances. */
class CnnAttributionTest {
    private static EcgClassifier smooth;
    private static EcgClassifier relu;
    private static EcgClassifier layered;
    private static float[][][] x;

    @BeforeAll
    static void setUp() {
        smooth = TinyModels.cnn(3, true);
        relu = TinyModels.cnn(4, false);
        layered = TinyModels.layeredCnn(5);
        x = TinyModels.ecgs(4, 21);
    }

    @AfterAll
    static void tearDown() {
        smooth.close();
        relu.close();
        layered.close();
    }

    private static float logit(EcgClassifier model, float[][] ecg, int target) {
        return model.predictLogits(new float[][][] {ecg}, 1)[0][target];
    }

    private static float[][] copy(float[][] ecg) {
        float[][] c = new float[ecg.length][];
        for (int l = 0; l < ecg.length; l++) {
            c[l] = ecg[l].clone();
        }
        return c;
    }

    @Test
    void signedSaliencyMatchesCentralFiniteDifferences() {
        // eps = 1e-2 mV: float32 rounding of logits (~1e-7 relative) then contributes ~1e-5 to the quotient while
        // the softplus curvature term eps²·f''' stays far below the tolerance.
        double eps = 1e-2;
        int target = 1;
        float[][] g = new Saliency(false, 4).attribute(smooth, new float[][][] {x[0]}, new int[] {target}).map(0);
        int[][] points = {{0, 0}, {0, 300}, {3, 17}, {6, 599}, {11, 123}, {8, 450}};
        double maxGrad = 0;
        for (int[] p : points) {
            float[][] plus = copy(x[0]);
            float[][] minus = copy(x[0]);
            plus[p[0]][p[1]] += (float) eps;
            minus[p[0]][p[1]] -= (float) eps;
            double fd = (logit(smooth, plus, target) - logit(smooth, minus, target)) / (2 * eps);
            assertEquals(fd, g[p[0]][p[1]], 2e-4 + 1e-2 * Math.abs(fd), "lead " + p[0] + " sample " + p[1]);
            maxGrad = Math.max(maxGrad, Math.abs(g[p[0]][p[1]]));
        }
        assertTrue(maxGrad > 1e-3, "test points must have non-trivial gradients, max was " + maxGrad);
    }

    @Test
    void saliencyMatchesDirectionalFiniteDifference() {
        // A random direction touches all 7200 inputs at once: d/dε f(x + ε v) = ∇f · v.
        float[][] v = TinyModels.ecgs(1, 77)[0];
        double eps = 1e-3;
        float[][] plus = copy(x[1]);
        float[][] minus = copy(x[1]);
        double dot = 0;
        float[][] g = new Saliency(false, 4).attribute(smooth, new float[][][] {x[1]}, new int[] {0}).map(0);
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                plus[l][t] += (float) (eps * v[l][t]);
                minus[l][t] -= (float) (eps * v[l][t]);
                dot += (double) g[l][t] * v[l][t];
            }
        }
        double fd = (logit(smooth, plus, 0) - logit(smooth, minus, 0)) / (2 * eps);
        assertEquals(fd, dot, 1e-2 * Math.abs(fd) + 1e-3);
    }

    @Test
    void integratedGradientsIsCompleteAndConvergesWithSteps() {
        int[] targets = {1, 1, 0, 1};
        float[][][] baselines = TinyModels.ecgs(4, 8);
        Attribution gl50 = new IntegratedGradients().attribute(smooth, x, targets, Baselines.of(baselines));
        for (int i = 0; i < x.length; i++) {
            double diff = smooth.predictLogits(new float[][][] {x[i]}, 1)[0][targets[i]]
                    - smooth.predictLogits(new float[][][] {baselines[i]}, 1)[0][targets[i]];
            assertTrue(Math.abs(diff) > 1e-2, "logit change must be non-trivial, was " + diff);
            assertEquals(diff, TinyModels.sum(gl50.map(i)), 1e-3 * Math.abs(diff) + 1e-5, "ECG " + i);
            assertTrue(Math.abs(gl50.convergenceDelta()[i]) < 1e-3 * Math.abs(diff) + 1e-5,
                    "delta " + gl50.convergenceDelta()[i] + " for f(x)-f(x') = " + diff);
        }
        double previous = Double.POSITIVE_INFINITY;
        for (int steps : new int[] {2, 8, 32}) {
            Attribution a = AttributionMethods.create("integrated_gradients",
                    Map.of("method", "riemann_left", "n_steps", steps)).attribute(smooth, x, targets, Baselines.of(baselines));
            double delta = a.maxAbsConvergenceDelta();
            assertTrue(delta < previous, steps + " steps: |delta| " + delta + " not below " + previous);
            previous = delta;
        }
        assertTrue(gl50.maxAbsConvergenceDelta() < previous,
                "50 Gauss-Legendre nodes should beat 32 left Riemann steps");
    }

    @Test
    void oneLeftRiemannStepIsGradientAtBaselineTimesDifference() {
        float[][][] baselines = TinyModels.ecgs(4, 9);
        int[] targets = {0, 1, 0, 1};
        float[][][] ig = AttributionMethods.create("integrated_gradients",
                Map.of("method", "riemann_left", "n_steps", 1)).attribute(relu, x, targets, Baselines.of(baselines)).values();
        float[][][] gradAtBaseline = new Saliency(false, 4).attribute(relu, baselines, targets).values();
        for (int i = 0; i < x.length; i++) {
            for (int l = 0; l < EcgFormat.LEADS; l++) {
                for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                    assertEquals(gradAtBaseline[i][l][t] * (x[i][l][t] - baselines[i][l][t]), ig[i][l][t], 1e-6);
                }
            }
        }
    }

    @Test
    void deterministicAndInvariantToInternalBatchSize() {
        // a network built from an Architecture, so that the methods that walk the layers run too
        int[] targets = {1, 0, 1, 1};
        for (String id : AttributionMethods.ids()) {
            Map<String, Object> small = CheapSettings.withBatch(id, 1);
            Map<String, Object> large = CheapSettings.withBatch(id, 7);
            Baselines base = TinyModels.baselinesFor(id);
            float[][][] a1 = AttributionMethods.create(id, small).attribute(layered, x, targets, base).values();
            float[][][] a2 = AttributionMethods.create(id, small).attribute(layered, x, targets, base).values();
            float[][][] b = AttributionMethods.create(id, large).attribute(layered, x, targets, base).values();
            for (int i = 0; i < x.length; i++) {
                for (int l = 0; l < a1[i].length; l++) {
                    assertArrayEquals(a1[i][l], a2[i][l], 0f, id + " is not deterministic");
                }
            }
            assertEquals(0, TinyModels.maxAbsDiff(a1, b), 1e-6, id + ": internal batch size 1 vs 7");
        }
    }

    @Test
    void targetsAreHonoured() {
        float[][][] one = {x[2]};
        for (String id : AttributionMethods.ids()) {
            AttributionMethod m = AttributionMethods.create(id, CheapSettings.of(id));
            // Methods that walk the layers need a network built from layer specs, which softplus has not. (Under
            // the flat rule relevance follows the layers' shapes alone, so only the logits' values tell the targets
            // apart: this network's two logits differ enough.)
            EcgClassifier model = smooth.architecture().isPresent() || !needsLayers(id) ? smooth : relu;
            float[][][] t0 = m.attribute(model, one, new int[] {0}, TinyModels.baselinesFor(id)).values();
            float[][][] t1 = m.attribute(model, one, new int[] {1}, TinyModels.baselinesFor(id)).values();
            assertTrue(TinyModels.maxAbsDiff(t0, t1) > 1e-4, id + " ignores the target");
        }
    }

    private static boolean needsLayers(String id) {
        String family = AttributionMethods.descriptor(id).family();
        return family.equals("propagation") || family.equals("cam") || id.equals("guided_backprop")
                || id.equals("deconvolution");
    }
}
