package org.ecglab.attribution.path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Quadrature rules: exactness on polynomials, Captum's node positions, and argument checks. */
class PathQuadratureTest {

    private static double integrate(PathQuadrature.Rule rule, int degree) {
        double s = 0;
        for (int i = 0; i < rule.size(); i++) {
            s += rule.weights()[i] * Math.pow(rule.alphas()[i], degree);
        }
        return s;
    }

    @Test
    void gaussLegendreIntegratesPolynomialsOfDegree2nMinus1Exactly() {
        for (int n : new int[] {1, 2, 5, 50}) {
            PathQuadrature.Rule rule = GaussLegendreQuadrature.INSTANCE.rule(n);
            for (int degree = 0; degree <= 2 * n - 1; degree++) {
                assertEquals(1.0 / (degree + 1), integrate(rule, degree), 1e-12, "n=" + n + " degree " + degree);
            }
        }
        assertArrayEquals(new double[] {0.5}, GaussLegendreQuadrature.INSTANCE.rule(1).alphas(), 0);
        double d = Math.sqrt(3) / 6; // two-point rule: nodes 1/2 ± 1/(2√3)
        assertArrayEquals(new double[] {0.5 - d, 0.5 + d}, GaussLegendreQuadrature.INSTANCE.rule(2).alphas(), 1e-15);
    }

    @Test
    void riemannNodesMatchCaptum() {
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75}, RiemannQuadrature.LEFT.rule(4).alphas(), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1}, RiemannQuadrature.RIGHT.rule(4).alphas(), 1e-15);
        assertArrayEquals(new double[] {0.125, 0.375, 0.625, 0.875}, RiemannQuadrature.MIDDLE.rule(4).alphas(), 1e-15);
        assertArrayEquals(new double[] {0, 1.0 / 3, 2.0 / 3, 1}, RiemannQuadrature.CAPTUM_TRAPEZOID.rule(4).alphas(),
                1e-15);
        for (RiemannQuadrature q : List.of(RiemannQuadrature.LEFT, RiemannQuadrature.RIGHT, RiemannQuadrature.MIDDLE)) {
            assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, q.rule(4).weights(), 1e-15, q.id());
        }
        // Captum's step is 1/n for every Riemann rule, the trapezoid's included: weights 1/8, 1/4, 1/4, 1/8 sum to 3/4.
        assertArrayEquals(new double[] {0.125, 0.25, 0.25, 0.125}, RiemannQuadrature.CAPTUM_TRAPEZOID.rule(4).weights(),
                1e-15);
    }

    @Test
    void theTrapezoidRuleHasCaptumsNodesAndWeightsSummingToOne() {
        for (int n : new int[] {2, 4, 50}) {
            PathQuadrature.Rule ours = RiemannQuadrature.TRAPEZOID.rule(n);
            PathQuadrature.Rule captum = RiemannQuadrature.CAPTUM_TRAPEZOID.rule(n);
            assertArrayEquals(captum.alphas(), ours.alphas(), 0);
            for (int s = 0; s < n; s++) {
                assertEquals(captum.weights()[s] * n / (n - 1), ours.weights()[s], 1e-15);
            }
            assertEquals(1.0, integrate(ours, 0), 1e-12);
            assertEquals((n - 1.0) / n, integrate(captum, 0), 1e-12);
        }
        assertArrayEquals(new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6}, RiemannQuadrature.TRAPEZOID.rule(4).weights(),
                1e-15);
    }

    @Test
    void everyRuleButCaptumsTrapezoidIntegratesConstantsAndMiddleAndTrapezoidIntegrateLinesExactly() {
        for (PathQuadrature q : PathQuadrature.all()) {
            assertEquals(q == RiemannQuadrature.CAPTUM_TRAPEZOID ? 6.0 / 7 : 1.0, integrate(q.rule(7), 0), 1e-12, q.id());
        }
        assertEquals(0.5, integrate(RiemannQuadrature.MIDDLE.rule(3), 1), 1e-12);
        assertEquals(0.5, integrate(RiemannQuadrature.TRAPEZOID.rule(3), 1), 1e-12);
        assertEquals(0.5 - 1.0 / 6, integrate(RiemannQuadrature.LEFT.rule(3), 1), 1e-12);
    }

    @Test
    void idsAndBadArguments() {
        assertEquals(List.of("gausslegendre", "riemann_left", "riemann_right", "riemann_middle",
                "riemann_trapezoid", "trapezoid"), PathQuadrature.ids());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathQuadrature.byId("simpson"));
        assertEquals("unknown quadrature 'simpson'; allowed: " + PathQuadrature.ids(), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RiemannQuadrature.TRAPEZOID.rule(1));
        assertThrows(IllegalArgumentException.class, () -> RiemannQuadrature.CAPTUM_TRAPEZOID.rule(1));
        assertThrows(IllegalArgumentException.class, () -> GaussLegendreQuadrature.INSTANCE.rule(0));
    }
}
