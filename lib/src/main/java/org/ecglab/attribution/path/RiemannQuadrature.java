package org.ecglab.attribution.path;

/**
 * Riemann sums on {@code [0, 1]} with {@code n} equal steps, as in the integrated gradients paper (Sundararajan
 * et al. 2017) and Captum's {@code riemann_*} options.
 *
 * <p>Difference from Captum: Captum's trapezoid places {@code n} nodes at {@code linspace(0, 1, n)} but uses step
 * {@code 1/n} (weights sum to {@code 1 − 1/n}); here the trapezoid rule uses step {@code 1/(n − 1)} so its weights
 * sum to 1 and it integrates linear functions exactly.
 */
public enum RiemannQuadrature implements PathQuadrature {
    /** Nodes {@code s/n}, {@code s = 0..n−1}. With one node this is the gradient at the baseline. */
    LEFT("riemann_left"),
    /** Nodes {@code (s+1)/n}. */
    RIGHT("riemann_right"),
    /** Nodes {@code (s+½)/n}. */
    MIDDLE("riemann_middle"),
    /** Nodes {@code s/(n−1)} including both ends, end weights halved; needs {@code n ≥ 2}. */
    TRAPEZOID("riemann_trapezoid");

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
        return this == TRAPEZOID ? 2 : 1;
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
                case TRAPEZOID -> alphas[s] = (double) s / (n - 1);
                default -> throw new AssertionError(this);
            }
            weights[s] = this == TRAPEZOID ? 1.0 / (n - 1) : 1.0 / n;
        }
        if (this == TRAPEZOID) {
            weights[0] /= 2;
            weights[n - 1] /= 2;
        }
        return new Rule(alphas, weights);
    }
}
