package org.ecglab.attribution.path;

/**
 * Riemann sums on {@code [0, 1]} with {@code n} nodes, as in the integrated gradients paper (Sundararajan et al.
 * 2017) and Captum's {@code riemann_*} options, plus the textbook trapezoid rule under a name of its own.
 *
 * <p>Captum gives every Riemann rule the step {@code 1/n}. For the left, right and middle sums that is the width of
 * each of the {@code n} sub-intervals. Captum's {@code riemann_trapezoid} places its {@code n} nodes at
 * {@code linspace(0, 1, n)}, {@code n − 1} sub-intervals, but keeps the step {@code 1/n}: its weights sum to
 * {@code (n − 1)/n}, so its integral, and every integrated-gradients map, is {@code (n − 1)/n} times the trapezoid
 * rule's (2% low at 50 steps), and completeness misses by that fraction. {@code riemann_trapezoid} here gives
 * Captum's numbers; {@code trapezoid} is the corrected rule, step {@code 1/(n − 1)}, weights summing to 1, exact for
 * linear integrands. Captum needs {@code n > 1} for every Riemann rule; we accept one node for the left, right and
 * middle sums (one left step is the gradient at the baseline).
 */
public enum RiemannQuadrature implements PathQuadrature {
    /** Nodes {@code s/n}, {@code s = 0..n−1}. With one node this is the gradient at the baseline. */
    LEFT("riemann_left"),
    /** Nodes {@code (s+1)/n}. */
    RIGHT("riemann_right"),
    /** Nodes {@code (s+½)/n}. */
    MIDDLE("riemann_middle"),
    /** Captum's trapezoid: nodes {@code s/(n−1)} including both ends, step {@code 1/n}, end weights halved (sum
     * {@code (n−1)/n}); needs {@code n ≥ 2}. */
    CAPTUM_TRAPEZOID("riemann_trapezoid"),
    /** The trapezoid rule: nodes {@code s/(n−1)}, step {@code 1/(n−1)}, end weights halved (sum 1); needs {@code n ≥ 2}. */
    TRAPEZOID("trapezoid");

    private final String id;

    RiemannQuadrature(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int minSteps() {
        return this == TRAPEZOID || this == CAPTUM_TRAPEZOID ? 2 : 1;
    }

    @Override
    public Rule rule(int n) {
        if (n < minSteps()) {
            throw new IllegalArgumentException(id + " needs at least " + minSteps() + " steps, got " + n);
        }
        double[] alphas = new double[n];
        double[] weights = new double[n];
        for (int s = 0; s < n; s++) {
            switch (this) {
                case LEFT -> alphas[s] = (double) s / n;
                case RIGHT -> alphas[s] = (double) (s + 1) / n;
                case MIDDLE -> alphas[s] = (s + 0.5) / n;
                case TRAPEZOID, CAPTUM_TRAPEZOID -> alphas[s] = (double) s / (n - 1);
                default -> throw new AssertionError(this);
            }
            weights[s] = this == TRAPEZOID ? 1.0 / (n - 1) : 1.0 / n;
        }
        if (this == TRAPEZOID || this == CAPTUM_TRAPEZOID) {
            weights[0] /= 2;
            weights[n - 1] /= 2;
        }
        return new Rule(alphas, weights);
    }
}
