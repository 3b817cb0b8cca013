package org.ecglab.attribution.path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.TinyModels;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.Test;

/**
 * Integrated gradients against a closed form, and gradient SHAP against its definition on the draws it records:
 * linear models, a two-layer ReLU net by hand, one-point path integrals, completeness in expectation.
 */
class PathFamilyTest {

    /** {@code f(x) = (w · x)²}: its path integrand is linear in α, so the quadratures have closed forms. */
    private static EcgClassifier squaredLinear(float[] w) {
        SequentialBlock block = new SequentialBlock().add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(1).optBias(false).build())
                .add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().square())));
        EcgClassifier model = EcgClassifier.of("squared-linear", block, List.of("f"));
        for (Pair<String, Parameter> p : block.getParameters()) {
            p.getValue().getArray().set(w);
        }
        return model;
    }

    private static double dot(float[] w, float[] x) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            s += (double) w[j] * x[j];
        }
        return s;
    }

    @Test
    void integratedGradientsOfASquaredLinearFormMatchesTheClosedFormElementByElement() {
        // f = (w·x)²: ∂f/∂x at x' + α(x − x') is 2 (w·x' + α (w·x − w·x')) w, so with weights ω_s at nodes α_s
        // IG_j = 2 w_j (x_j − x'_j) (w·x' Σω + (w·x − w·x') Σωα). Exact rules (Σω = 1, Σωα = ½) give the textbook
        // IG_j = w_j (x_j − x'_j)(w·x + w·x'); the others are off by known amounts.
        float[] w = TinyModels.flatten(TinyModels.ecgs(1, 41)[0]);
        for (int j = 0; j < w.length; j++) {
            w[j] *= 0.01f;
        }
        float[][][] x = TinyModels.ecgs(2, 42);
        float[][][] base = TinyModels.ecgs(2, 43);
        int n = 10;
        Map<String, double[]> sums = Map.of( // Σω and Σωα of each n-node rule
                "gausslegendre", new double[] {1, 0.5},
                "riemann_middle", new double[] {1, 0.5},
                "trapezoid", new double[] {1, 0.5},
                "riemann_left", new double[] {1, (n - 1) / (2.0 * n)},
                "riemann_right", new double[] {1, (n + 1) / (2.0 * n)},
                "riemann_trapezoid", new double[] {(n - 1.0) / n, (n - 1) / (2.0 * n)});
        try (EcgClassifier model = squaredLinear(w)) {
            for (Map.Entry<String, double[]> rule : sums.entrySet()) {
                Attribution ig = AttributionMethods.create("integrated_gradients", Map.of("method", rule.getKey(),
                        "n_steps", n)).attribute(model, x, new int[] {0, 0}, Baselines.of(base));
                for (int i = 0; i < x.length; i++) {
                    float[] xi = TinyModels.flatten(x[i]);
                    float[] bi = TinyModels.flatten(base[i]);
                    double wx = dot(w, xi);
                    double wb = dot(w, bi);
                    double factor = 2 * (wb * rule.getValue()[0] + (wx - wb) * rule.getValue()[1]);
                    float[] a = TinyModels.flatten(ig.map(i));
                    double scale = 0;
                    for (int j = 0; j < a.length; j++) {
                        scale = Math.max(scale, Math.abs(w[j] * (xi[j] - bi[j]) * factor));
                    }
                    for (int j = 0; j < a.length; j++) {
                        double expected = (double) w[j] * (xi[j] - bi[j]) * factor;
                        assertEquals(expected, a[j], 1e-5 * scale, rule.getKey() + " ECG " + i + " value " + j);
                    }
                    if (rule.getValue()[1] == 0.5) {
                        double textbook = (double) w[7] * (xi[7] - bi[7]) * (wx + wb);
                        assertEquals(textbook, a[7], 1e-5 * scale, rule.getKey());
                        // complete: Σ IG = (w·x)² − (w·x')²
                        assertEquals(0, ig.convergenceDelta()[i], 1e-4 * Math.abs(wx * wx - wb * wb), rule.getKey());
                    }
                }
            }
        }
    }

    @Test
    void gradientShapOfALinearModelIsWeightTimesInputMinusTheDrawnBaselines() {
        float[][] w = TinyModels.randomWeights(44);
        float[][][] x = TinyModels.ecgs(2, 45);
        float[][][] distribution = TinyModels.ecgs(3, 46);
        int k = 7;
        try (EcgClassifier linear = TinyModels.linear(w, new float[] {0.3f, 0.1f})) {
            int[] targets = {1, 0};
            Attribution a = AttributionMethods.create("gradient_shap", Map.of("n_samples", k, "seed", 3))
                    .attribute(linear, x, targets, Baselines.distribution(distribution));
            long[] index = a.samples().get("baseline_index").toLongs();
            assertArrayEquals(new int[] {2, k}, a.samples().get("baseline_index").shape());
            assertArrayEquals(new int[] {2, k}, a.samples().get("alpha").shape());
            assertNull(a.samples().get("noise"), "no noise drawn at stdevs 0");
            assertNull(a.convergenceDelta());
            float[][] logits = linear.predictLogits(distribution);
            for (int i = 0; i < x.length; i++) {
                double[] meanBaseline = new double[TinyModels.D];
                double meanLogit = 0;
                for (int s = 0; s < k; s++) {
                    int row = (int) index[i * k + s];
                    float[] b = TinyModels.flatten(distribution[row]);
                    for (int j = 0; j < b.length; j++) {
                        meanBaseline[j] += b[j] / (double) k;
                    }
                    meanLogit += logits[row][targets[i]] / (double) k;
                }
                float[] xi = TinyModels.flatten(x[i]);
                float[] map = TinyModels.flatten(a.map(i));
                for (int j = 0; j < map.length; j++) {
                    assertEquals(w[targets[i]][j] * (xi[j] - meanBaseline[j]), map[j], 1e-5, "ECG " + i + " value " + j);
                }
                // complete for a linear model, sample by sample: Σ a = f(x) − mean of f(drawn baselines)
                double fx = linear.predictLogits(new float[][][] {x[i]})[0][targets[i]];
                assertEquals(fx - meanLogit, TinyModels.sum(a.map(i)), 1e-3);
            }
            for (long row : index) {
                assertTrue(row >= 0 && row < 3, "index " + row);
            }
        }
    }

    @Test
    void gradientShapIsTheMeanOfOnePointPathIntegralsAtTheRecordedDraws() {
        // Two-layer ReLU net, one baseline row, noise: each sample is (x + ε − x') ⊙ ∇f(α(x + ε) + (1 − α)x').
        float[][][] x = TinyModels.ecgs(2, 47);
        float[][][] baseline = TinyModels.ecgs(1, 48);
        int k = 3;
        try (EcgClassifier relu = TinyModels.twoLayerRelu(49)) {
            int[] targets = {0, 1};
            Attribution a = AttributionMethods.create("gradient_shap", Map.of("n_samples", k, "stdevs", 0.2,
                    "seed", 5)).attribute(relu, x, targets, Baselines.of(baseline));
            float[] alpha = a.samples().get("alpha").toFloats();
            float[] noise = a.samples().get("noise").toFloats();
            assertArrayEquals(new int[] {2, k, 12, 600}, a.samples().get("noise").shape());
            float[] b = TinyModels.flatten(baseline[0]);
            for (int i = 0; i < x.length; i++) {
                float[] xi = TinyModels.flatten(x[i]);
                double[] expected = new double[TinyModels.D];
                for (int s = 0; s < k; s++) {
                    float al = alpha[i * k + s];
                    assertTrue(al >= 0 && al <= 1, "alpha " + al);
                    float[] noisy = new float[xi.length];
                    float[] point = new float[xi.length];
                    for (int j = 0; j < xi.length; j++) {
                        noisy[j] = xi[j] + noise[(i * k + s) * TinyModels.D + j];
                        point[j] = al * noisy[j] + (1 - al) * b[j];
                    }
                    double[] g = TinyModels.twoLayerReluGradient(relu, point, targets[i]);
                    for (int j = 0; j < xi.length; j++) {
                        expected[j] += (noisy[j] - b[j]) * g[j] / k;
                    }
                }
                float[] map = TinyModels.flatten(a.map(i));
                double scale = 0;
                for (double e : expected) {
                    scale = Math.max(scale, Math.abs(e));
                }
                for (int j = 0; j < map.length; j++) {
                    assertEquals(expected[j], map[j], 1e-5 * scale, "ECG " + i + " value " + j);
                }
            }
        }
    }

    @Test
    void gradientShapIsCompleteInExpectation() {
        // One baseline row and no noise: E_α[Σ a] = ∫₀¹ d/dα f(x' + α(x − x')) dα = f(x) − f(x'). Single-sample maps
        // from 64 seeds give the mean of Σ a and its standard error; the mean must lie within 4 of them.
        float[][][] x = TinyModels.ecgs(3, 51);
        float[][][] baseline = TinyModels.ecgs(1, 52);
        int seeds = 64;
        try (EcgClassifier smooth = TinyModels.cnn(53, true)) {
            int[] targets = {1, 0, 1};
            double[][] sums = new double[x.length][seeds];
            for (int seed = 0; seed < seeds; seed++) {
                Attribution a = AttributionMethods.create("gradient_shap", Map.of("n_samples", 1, "seed", seed))
                        .attribute(smooth, x, targets, Baselines.distribution(baseline));
                for (int i = 0; i < x.length; i++) {
                    sums[i][seed] = TinyModels.sum(a.map(i));
                }
            }
            float[][] fx = smooth.predictLogits(x);
            float[] fb = smooth.predictLogits(baseline)[0];
            for (int i = 0; i < x.length; i++) {
                double change = fx[i][targets[i]] - fb[targets[i]];
                double mean = java.util.Arrays.stream(sums[i]).average().orElseThrow();
                double sd = Math.sqrt(java.util.Arrays.stream(sums[i]).map(v -> (v - mean) * (v - mean)).sum()
                        / (seeds - 1));
                assertTrue(Math.abs(change) > 1e-2 && sd > 0, "a non-trivial change, " + change + ", sd " + sd);
                assertEquals(change, mean, 4 * sd / Math.sqrt(seeds), "ECG " + i + ", sd of one sample " + sd);
            }
        }
    }

    @Test
    void gradientShapIsSeededAndDrawsFromGivenRowsOrZeros() {
        float[][][] x = TinyModels.ecgs(2, 55);
        try (EcgClassifier relu = TinyModels.twoLayerRelu(56)) {
            int[] targets = {0, 1};
            Attribution one = AttributionMethods.create("gradient_shap", Map.of("seed", 1)).attribute(relu, x, targets);
            Attribution same = AttributionMethods.create("gradient_shap", Map.of("seed", 1)).attribute(relu, x, targets);
            Attribution other = AttributionMethods.create("gradient_shap", Map.of("seed", 2)).attribute(relu, x, targets);
            assertEquals(0, TinyModels.maxAbsDiff(one.values(), same.values()), 0);
            assertTrue(TinyModels.maxAbsDiff(one.values(), other.values()) > 0);
            assertEquals(1, one.seed());
            assertEquals("zero", one.toBundle().baselinesKind());
            for (long row : one.samples().get("baseline_index").toLongs()) {
                assertEquals(0, row, "the zero baseline is one row");
            }
            // per-input rows given with Baselines.of are a distribution to gradient SHAP, whatever their number
            Attribution rows = AttributionMethods.create("gradient_shap").attribute(relu, x, targets,
                    Baselines.of(TinyModels.ecgs(5, 57)));
            long[] index = rows.samples().get("baseline_index").toLongs();
            assertTrue(java.util.Arrays.stream(index).allMatch(r -> r >= 0 && r < 5), java.util.Arrays.toString(index));
            assertTrue(java.util.Arrays.stream(index).distinct().count() > 2, "10 draws of 5 rows use several rows");
        }
    }
}
