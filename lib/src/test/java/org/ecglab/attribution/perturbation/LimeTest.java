package org.ecglab.attribution.perturbation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.FeatureMask;
import org.ecglab.attribution.TinyModels;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LIME on {@code f(x) = W x + b} with leads as features: the logit of a coalition is exactly linear in it,
 * {@code f(x_z) = f(x') + Σ_j z_j c_j} with {@code c_j = Σ_{i∈lead j} w_i (x_i − x'_i)}, so the linear surrogate
 * recovers {@code c} and the Lasso shrinks it by no more than its penalty allows.
 */
class LimeTest {
    private static float[][] w;
    private static EcgClassifier model;
    private static float[][][] x;
    private static float[][][] base;

    @BeforeAll
    static void setUp() {
        w = TinyModels.randomWeights(31);
        model = TinyModels.linear(w, new float[] {1f, 2f});
        x = TinyModels.ecgs(2, 32);
        base = TinyModels.ecgs(2, 33);
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    private static double[] leadContributions(int i, int target) {
        double[] c = new double[EcgFormat.LEADS];
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                c[l] += (double) w[target][l * EcgFormat.SAMPLES + t] * ((double) x[i][l][t] - base[i][l][t]);
            }
        }
        return c;
    }

    @Test
    void linearSurrogateRecoversTheLinearModel() {
        Attribution a = Lime.fromParameters(Map.of("feature_mask", "leads", "interpretable_model", "linear_regression"))
                .attribute(model, x, new int[] {0, 1}, Baselines.of(base));
        for (int i = 0; i < 2; i++) {
            double[] c = leadContributions(i, i);
            double[] got = FeatureMask.leads().sumByFeature(a.map(i));
            for (int l = 0; l < 12; l++) {
                assertEquals(c[l], got[l] / EcgFormat.SAMPLES, 2e-4 * (1 + Math.abs(c[l])), "ECG " + i + " lead " + l);
            }
        }
        double[] intercepts = a.samples().get("surrogate_intercept").toDoubles();
        float[] fb = model.predictLogit(new float[][][] {base[0]}, 0);
        assertEquals(fb[0], intercepts[0], 1e-3, "intercept is f(x')");
    }

    @Test
    void lassoSurrogateIsTheLinearModelShrunkByThePenalty() {
        Attribution a = new Lime(Lime.Params.SCHEMA.parse(Map.of("feature_mask", "leads", "n_samples", 200)))
                .attribute(model, x, new int[] {1, 0}, Baselines.of(base));
        for (int i = 0; i < 2; i++) {
            double[] c = leadContributions(i, 1 - i);
            double[] got = FeatureMask.leads().sumByFeature(a.map(i));
            for (int l = 0; l < 12; l++) {
                // the L1 term moves a coefficient by about α / var(z_j) = 0.01 / 0.25 (the coefficients here are ~10)
                assertEquals(c[l], got[l] / EcgFormat.SAMPLES, 0.1, "ECG " + i + " lead " + l);
            }
        }
        for (boolean converged : a.samples().get("surrogate_converged").toBooleans()) {
            assertTrue(converged);
        }
    }

    @Test
    void similarityIsCaptumsExponentialKernelOfTheCosineDistance() {
        Lime lime = Lime.fromParameters(Map.of("kernel_width", 0.5));
        float[] a = {1, 0, 0};
        float[] b = {1, 1, 0};
        double d = 1 - 1 / Math.sqrt(2);
        assertEquals(Math.exp(-d * d / (2 * 0.25)), lime.similarity(a, b, 0), 1e-12);
        assertEquals(1, lime.similarity(a, a, 0), 1e-12);
        assertEquals(Math.exp(-1 / (2 * 0.25)), lime.similarity(a, new float[3], 0), 1e-12, "zero input: cos 0");
        Lime euclid = Lime.fromParameters(Map.of("distance_mode", "euclidean"));
        assertEquals(Math.exp(-1 / 2.0), euclid.similarity(a, b, 0), 1e-12);
    }
}
