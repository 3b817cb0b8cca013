package org.ecglab.metrics;

/**
 * Area over the perturbation curve (AOPC; Samek et al. 2017): for a curve {@code y_0, ..., y_L} measured after
 * removing {@code k_0 = 0 < k_1 < ... < k_L} percent of the features,
 * <pre>
 *   AOPC = 1 / (L + 1) · Σ_{j=0}^{L} (y_0 − y_j)
 * </pre>
 * i.e. the mean drop from the unperturbed value over the grid (the {@code j = 0} term is zero, as in the paper).
 * Larger is better for most-relevant-first removal; a map no better than chance matches the random ranking's AOPC.
 * The grid points are weighted equally, so compare AOPCs only on the same grid.
 */
public final class Aopc {
    private Aopc() {
    }

    /**
     * @param curve values at the grid points, the first at 0% removed
     * @throws IllegalArgumentException if the curve is empty or a value is not finite
     */
    public static double of(double[] curve) {
        if (curve.length == 0) {
            throw new IllegalArgumentException("empty perturbation curve");
        }
        double sum = 0;
        for (int j = 0; j < curve.length; j++) {
            if (!Double.isFinite(curve[j])) {
                throw new IllegalArgumentException("curve point " + j + " is " + curve[j]);
            }
            sum += curve[0] - curve[j];
        }
        return sum / curve.length;
    }
}
