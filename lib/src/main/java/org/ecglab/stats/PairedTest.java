package org.ecglab.stats;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The Wilcoxon signed-rank test (Wilcoxon 1945) of paired scores {@code a[i]} and {@code b[i]} (e.g. two attribution
 * methods scored on the same ECGs), two-sided, with the direction of the difference {@code d = a − b} reported.
 *
 * <p>Zero differences are dropped first (Wilcoxon's own rule, SciPy's default {@code zero_method="wilcox"}); the
 * remaining {@code n} absolute differences are ranked with midranks for ties; {@code W+} is the rank sum of the
 * positive differences and {@code W− = n(n+1)/2 − W+}. For {@code n <=} {@value #EXACT_MAX} without tied absolute
 * differences the p-value is exact, from Commons Math's {@link WilcoxonSignedRankTest} (all {@code 2^n} sign
 * patterns enumerated). Otherwise it is the normal approximation as SciPy's {@code wilcoxon} computes it by default:
 * {@code z = (min(W+, W−) − n(n+1)/4) / σ} with the tie-corrected {@code σ² = n(n+1)(2n+1)/24 − Σ(t³ − t)/48} over
 * groups of t tied absolute differences, no continuity correction, {@code p = 2 Φ(z)} (Commons Math's own
 * approximation subtracts a further 0.5 from the numerator, which makes p too small, and ignores ties). With
 * {@code n = 0} (all pairs equal) p is 1.
 *
 * @param n                pairs with a non-zero difference (those the test uses)
 * @param zeros            pairs dropped because {@code a[i] == b[i]}
 * @param wPlus            rank sum of the positive differences ({@code a > b})
 * @param wMinus           rank sum of the negative differences
 * @param medianDifference median of {@code a − b} over all pairs (zeros included)
 * @param meanDifference   mean of {@code a − b} over all pairs
 * @param p                two-sided p-value
 * @param exact            whether p is exact (else the normal approximation)
 */
public record PairedTest(int n, int zeros, double wPlus, double wMinus, double medianDifference,
        double meanDifference, double p, boolean exact) {
    /** Largest number of non-zero differences for which the exact distribution is enumerated. */
    public static final int EXACT_MAX = 20;

    /**
     * The test of {@code a} against {@code b}.
     *
     * @throws IllegalArgumentException if the lengths differ, there are no pairs, or a value is not finite
     */
    public static PairedTest wilcoxon(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("no pairs to test");
        }
        double[] all = new double[a.length];
        double[] nonZero = new double[a.length];
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("pair " + i + " is (" + a[i] + ", " + b[i] + "); values must be "
                        + "finite (drop undefined scores first)");
            }
            all[i] = a[i] - b[i];
            if (all[i] != 0) {
                nonZero[n++] = all[i];
            }
        }
        double median = new Median().evaluate(all);
        double mean = Arrays.stream(all).sum() / all.length;
        if (n == 0) {
            return new PairedTest(0, a.length, 0, 0, median, mean, 1.0, true);
        }
        double[] d = Arrays.copyOf(nonZero, n);
        double[] abs = Arrays.stream(d).map(Math::abs).toArray();
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(abs);
        double wPlus = 0;
        for (int i = 0; i < n; i++) {
            if (d[i] > 0) {
                wPlus += ranks[i];
            }
        }
        double wMinus = n * (n + 1) / 2.0 - wPlus;
        boolean exact = n <= EXACT_MAX && Arrays.stream(abs).distinct().count() == n;
        // Commons Math tests x against y by the differences y − x; the two-sided p does not depend on the order.
        double p = exact ? new WilcoxonSignedRankTest(NaNStrategy.FAILED, TiesStrategy.AVERAGE)
                .wilcoxonSignedRankTest(d, new double[n], true) : normalApproximation(Math.min(wPlus, wMinus), abs);
        return new PairedTest(n, a.length - n, wPlus, wMinus, median, mean, Math.min(1.0, p), exact);
    }

    private static double normalApproximation(double wMin, double[] abs) {
        int n = abs.length;
        double[] sorted = abs.clone();
        Arrays.sort(sorted);
        double ties = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }
        double variance = n * (n + 1.0) * (2.0 * n + 1) / 24.0 - ties / 48.0;
        if (variance <= 0) {
            return 1.0;
        }
        double z = (wMin - n * (n + 1) / 4.0) / Math.sqrt(variance);
        return 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(z);
    }

    /** Whether {@code a} tends to be higher than {@code b} ({@code W+ > W−}). */
    public boolean firstHigher() {
        return wPlus > wMinus;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Wilcoxon signed-rank: n=%d (+%d zero), W+=%.1f, W-=%.1f, median diff %.4g,"
                + " p=%.3g (%s)", n, zeros, wPlus, wMinus, medianDifference, p, exact ? "exact" : "normal approx.");
    }
}
