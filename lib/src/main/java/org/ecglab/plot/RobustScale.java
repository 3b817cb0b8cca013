package org.ecglab.plot;

import java.util.Arrays;

/**
 * Robust colour scaling for attribution maps: the scale is the {@code p}-th percentile of {@code |a|} over all
 * leads and samples rather than the maximum, so one outlying sample does not wash out the figure. Values above the
 * scale are drawn at full colour (clipped).
 *
 * <p>Percentile by linear interpolation between order statistics, as NumPy's default: with the {@code n} values
 * sorted ascending as {@code v[0..n-1]}, {@code h = p/100 (n-1)}, result {@code v[floor h] + (h - floor h)
 * (v[floor h + 1] - v[floor h])}.
 */
public final class RobustScale {
    /** Default percentile of {@code |a|} used as the colour-scale limit. */
    public static final double DEFAULT_PERCENTILE = 99.0;

    private RobustScale() {
    }

    /**
     * The {@code percentile}-th percentile of {@code |a|} over every element of {@code a}, or 1 if that is zero
     * (an all-zero map), so callers can always divide by it.
     *
     * @param percentile in {@code (0, 100]}
     */
    public static double ofAbsolute(float[][] a, double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        }
        int n = 0;
        for (float[] row : a) {
            n += row.length;
        }
        if (n == 0) {
            throw new IllegalArgumentException("cannot scale an empty attribution map");
        }
        double[] abs = new double[n];
        int k = 0;
        for (float[] row : a) {
            for (float v : row) {
                abs[k++] = Math.abs(v);
            }
        }
        Arrays.sort(abs);
        double h = percentile / 100.0 * (n - 1);
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        double q = abs[lo] + (h - lo) * (abs[hi] - abs[lo]);
        return q > 0 ? q : 1.0;
    }
}
