package org.ecglab.attribution.perturbation;

/**
 * The weighted Lasso of scikit-learn's {@code Lasso(alpha).fit(z, y, sample_weight=w)} (Captum's
 * {@code SkLearnLasso(alpha=0.01)}, LIME's default surrogate), solved as scikit-learn solves it: weights rescaled to sum
 * to {@code n}, {@code z} and {@code y} centred on their weighted means and scaled by {@code √w}, then
 * <pre>
 *   min_β  (1 / 2n) ‖y − Xβ‖² + α ‖β‖₁
 * </pre>
 * by cyclic coordinate descent (Friedman, Hastie &amp; Tibshirani 2010, "Regularization paths for generalized linear
 * models via coordinate descent") from {@code β = 0}: each coordinate is set to its soft-thresholded least-squares
 * value {@code S(X_jᵀ r_j, nα) / ‖X_j‖²} in turn. Convergence criterion (scikit-learn's {@code cd_fast}): after a
 * sweep in which the largest coordinate change is below {@code tol} times the largest coefficient (or all
 * coefficients are zero), the duality gap is computed, and the fit stops when it is below {@code tol · ‖y‖²};
 * {@code tol = 1e-4}, at most 1000 sweeps (scikit-learn's defaults). Commons Math has no L1-penalised solver, hence
 * this one; its tests check it against the closed form for orthogonal designs (soft thresholding), against the
 * Lasso's optimality conditions and against scikit-learn's own numbers.
 *
 * <p>Captum hands scikit-learn float32 arrays, so scikit-learn's descent runs in float32 there; this one runs in
 * float64: the same minimiser, to float32 rounding.
 */
final class WeightedLasso implements Surrogate {
    /** scikit-learn's default tolerance. */
    static final double TOL = 1e-4;
    /** scikit-learn's default iteration limit. */
    static final int MAX_ITER = 1000;

    private final double alpha;

    /**
     * @param alpha the L1 penalty {@code α} (Captum's default 0.01), at least 0
     */
    WeightedLasso(double alpha) {
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("Lasso alpha must be finite and >= 0, got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    public Fit fit(double[][] z, double[] y, double[] w) {
        Centred c = Centred.of(z, y, w, true);
        double[][] x = c.x();
        double[] target = c.y();
        int n = x.length;
        int f = x[0].length;
        double l1 = alpha * n;
        double[] beta = new double[f];
        double[] r = target.clone();
        double[] norms = new double[f];
        for (int j = 0; j < f; j++) {
            for (double[] row : x) {
                norms[j] += row[j] * row[j];
            }
        }
        double gapTol = TOL * dot(target, target);
        for (int iter = 0; iter < MAX_ITER; iter++) {
            double maxChange = 0;
            double maxCoef = 0;
            for (int j = 0; j < f; j++) {
                if (norms[j] == 0) {
                    continue;
                }
                double old = beta[j];
                if (old != 0) {
                    for (int i = 0; i < n; i++) {
                        r[i] += old * x[i][j];
                    }
                }
                double rho = 0;
                for (int i = 0; i < n; i++) {
                    rho += x[i][j] * r[i];
                }
                beta[j] = Math.signum(rho) * Math.max(Math.abs(rho) - l1, 0) / norms[j];
                if (beta[j] != 0) {
                    for (int i = 0; i < n; i++) {
                        r[i] -= beta[j] * x[i][j];
                    }
                }
                maxChange = Math.max(maxChange, Math.abs(beta[j] - old));
                maxCoef = Math.max(maxCoef, Math.abs(beta[j]));
            }
            if (maxCoef == 0 || maxChange / maxCoef < TOL || iter == MAX_ITER - 1) {
                if (dualityGap(x, target, r, beta, l1) < gapTol) {
                    return new Fit(beta, c.intercept(beta), iter + 1, true);
                }
            }
        }
        return new Fit(beta, c.intercept(beta), MAX_ITER, false);
    }

    /**
     * The duality gap of {@code (1/2)‖y − Xβ‖² + l1‖β‖₁} at {@code β} with residual {@code r = y − Xβ}, from a dual
     * point made feasible by scaling {@code r} (scikit-learn's formula).
     */
    static double dualityGap(double[][] x, double[] y, double[] r, double[] beta, double l1) {
        double dualNorm = 0;
        for (int j = 0; j < beta.length; j++) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += x[i][j] * r[i];
            }
            dualNorm = Math.max(dualNorm, Math.abs(s));
        }
        double rNorm2 = dot(r, r);
        double scale;
        double gap;
        if (dualNorm > l1) {
            scale = l1 / dualNorm;
            gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
        } else {
            scale = 1;
            gap = rNorm2;
        }
        double l1Norm = 0;
        for (double b : beta) {
            l1Norm += Math.abs(b);
        }
        return gap + l1 * l1Norm - scale * dot(r, y);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public String toString() {
        return "weighted Lasso (alpha " + alpha + ", coordinate descent)";
    }
}
