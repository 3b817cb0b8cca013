package org.ecglab.attribution.perturbation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecglab.data.io.Json;
import org.junit.jupiter.api.Test;

/**
 * The surrogates of LIME and KernelSHAP against closed forms, the Lasso's optimality conditions, and scikit-learn's
 * own fits of the same weighted problems ({@code make_sklearn_fixture.py}, scikit-learn 1.2.1).
 */
class SurrogateFitTest {

    @Test
    void lassoOnAnOrthogonalDesignIsSoftThresholding() {
        // Centred ±1 columns, orthogonal, equal weights: β_j = S(x_jᵀy / n, α) / (x_jᵀx_j / n) in closed form.
        double[][] z = new double[8][3];
        for (int i = 0; i < 8; i++) {
            z[i][0] = (i & 1);
            z[i][1] = (i >> 1 & 1);
            z[i][2] = (i >> 2 & 1);
        }
        double[] c = {0.8, -0.03, 2.5};
        double[] y = new double[8];
        for (int i = 0; i < 8; i++) {
            y[i] = 1.5 + c[0] * z[i][0] + c[1] * z[i][1] + c[2] * z[i][2];
        }
        double[] w = {1, 1, 1, 1, 1, 1, 1, 1};
        double alpha = 0.05;
        Surrogate.Fit fit = new WeightedLasso(alpha).fit(z, y, w);
        for (int j = 0; j < 3; j++) {
            // centred column is ±½, so x_jᵀx_j / n = ¼ and x_jᵀy / n = c_j / 4
            double expected = Math.signum(c[j]) * Math.max(Math.abs(c[j]) / 4 - alpha, 0) / 0.25;
            assertEquals(expected, fit.coefficients()[j], 1e-9, "coefficient " + j);
        }
        assertEquals(0, fit.coefficients()[1], 0, "a small effect is set to exactly zero");
        assertTrue(fit.converged());
        double mean = 0;
        for (double v : y) {
            mean += v / 8;
        }
        assertEquals(mean - 0.5 * (fit.coefficients()[0] + fit.coefficients()[2]), fit.intercept(), 1e-9);
    }

    /**
     * {@code n} random 0/1 samples of {@code f} features, {@code y} = every third feature with weight 1, the others
     * 0.02, plus noise; weights in [0.3, 1.3).
     */
    private record Problem(double[][] z, double[] y, double[] w) {
        static Problem random(long seed, int n, int f) {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] z = new double[n][f];
            double[] y = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < f; j++) {
                    z[i][j] = r.nextBoolean() ? 1 : 0;
                    y[i] += (j % 3 == 0 ? 1.0 : 0.02) * z[i][j];
                }
                y[i] += 0.1 * r.nextDouble();
                w[i] = 0.3 + r.nextDouble();
            }
            return new Problem(z, y, w);
        }
    }

    @Test
    void lassoSatisfiesItsOptimalityConditions() {
        int n = 40;
        int f = 15;
        Problem p = Problem.random(3, n, f);
        double[][] z = p.z();
        double[] y = p.y();
        double[] w = p.w();
        double alpha = 0.01;
        Surrogate.Fit fit = new WeightedLasso(alpha).fit(z, y, w);
        // KKT of (1/2Σw) Σ w (y − b − zβ)² + α‖β‖₁: the weighted correlation of each feature with the residual is
        // −α sign(β_j) where β_j ≠ 0 and within [−α, α] where β_j = 0 (to the solver's tolerance).
        double total = 0;
        for (double v : w) {
            total += v;
        }
        for (int j = 0; j < f; j++) {
            double g = 0;
            for (int i = 0; i < n; i++) {
                double residual = y[i] - fit.intercept();
                for (int k = 0; k < f; k++) {
                    residual -= z[i][k] * fit.coefficients()[k];
                }
                g += w[i] * z[i][j] * residual / total;
            }
            double b = fit.coefficients()[j];
            if (b != 0) {
                assertEquals(alpha * Math.signum(b), g, 2e-4, "active feature " + j);
            } else {
                assertTrue(Math.abs(g) <= alpha + 2e-4, "inactive feature " + j + ": " + g);
            }
        }
    }

    @Test
    void lassoWithoutPenaltyIsWeightedLeastSquares() {
        Problem p = Problem.random(4, 30, 5);
        Surrogate.Fit lasso = new WeightedLasso(0).fit(p.z(), p.y(), p.w());
        Surrogate.Fit ls = new WeightedLeastSquares().fit(p.z(), p.y(), p.w());
        for (int j = 0; j < 5; j++) {
            assertEquals(ls.coefficients()[j], lasso.coefficients()[j], 1e-3);
        }
    }

    @Test
    void leastSquaresWithFewerSamplesThanFeaturesIsTheMinimumNormFit() {
        int n = 6;
        int f = 20;
        Problem p = Problem.random(5, n, f);
        double[][] z = p.z();
        double[] y = p.y();
        double[] w = p.w();
        Surrogate.Fit fit = new WeightedLeastSquares().fit(z, y, w);
        // it interpolates the samples ...
        for (int i = 0; i < n; i++) {
            double predicted = fit.intercept();
            for (int j = 0; j < f; j++) {
                predicted += z[i][j] * fit.coefficients()[j];
            }
            assertEquals(y[i], predicted, 1e-9, "sample " + i);
        }
        // ... with the smallest norm: β lies in the row space of the centred design (β ⟂ its null space), which is
        // the case iff β = Xᵀu for some u; check that projecting β on the row space changes nothing.
        Surrogate.Centred c = Surrogate.Centred.of(z, y, w, false);
        org.apache.commons.math3.linear.RealMatrix x = new org.apache.commons.math3.linear.Array2DRowRealMatrix(c.x());
        org.apache.commons.math3.linear.RealMatrix projector = x.transpose().multiply(
                new org.apache.commons.math3.linear.SingularValueDecomposition(x.multiply(x.transpose())).getSolver()
                        .getInverse()).multiply(x);
        double[] projected = projector.operate(fit.coefficients());
        for (int j = 0; j < f; j++) {
            assertEquals(fit.coefficients()[j], projected[j], 1e-9);
        }
    }

    @Test
    void badWeightsAndPenaltiesAreRefused() {
        double[][] z = {{1, 0}, {0, 1}};
        assertThrows(IllegalArgumentException.class, () -> new WeightedLasso(-1));
        String m = assertThrows(IllegalArgumentException.class,
                () -> new WeightedLeastSquares().fit(z, new double[] {1, 2}, new double[] {1, 0})).getMessage();
        assertTrue(m.contains("positive"), m);
    }

    @Test
    void fitsMatchScikitLearn() throws IOException {
        Map<?, ?> fixture;
        try (InputStream in = SurrogateFitTest.class.getResourceAsStream("sklearn-surrogates.json")) {
            fixture = (Map<?, ?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<?> cases = (List<?>) fixture.get("cases");
        assertEquals(6, cases.size());
        for (Object o : cases) {
            Map<?, ?> c = (Map<?, ?>) o;
            String name = (String) c.get("name");
            double[][] z = matrix((List<?>) c.get("z"));
            double[] y = vector((List<?>) c.get("y"));
            double[] w = vector((List<?>) c.get("w"));
            double[] coef = vector((List<?>) c.get("coef"));
            Surrogate s = c.get("model").equals("lasso") ? new WeightedLasso(((Number) c.get("alpha")).doubleValue())
                    : new WeightedLeastSquares();
            Surrogate.Fit fit = s.fit(z, y, w);
            double scale = 0;
            for (double v : coef) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int j = 0; j < coef.length; j++) {
                assertEquals(coef[j], fit.coefficients()[j], 1e-9 * scale, name + " coefficient " + j);
            }
            assertEquals(((Number) c.get("intercept")).doubleValue(), fit.intercept(), 1e-9 * Math.max(1, scale), name);
            if (c.containsKey("n_iter")) {
                assertEquals(((Number) c.get("n_iter")).intValue(), fit.iterations(), name + ": sweeps");
                assertTrue(fit.converged(), name);
            }
        }
    }

    private static double[][] matrix(List<?> rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector((List<?>) rows.get(i));
        }
        return out;
    }

    private static double[] vector(List<?> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).doubleValue();
        }
        return out;
    }
}
