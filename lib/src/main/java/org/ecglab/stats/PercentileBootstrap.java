package org.ecglab.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The percentile bootstrap (Efron &amp; Tibshirani 1993, ch. 13) of any statistic of n units: draw {@code resamples}
 * samples of n unit indices with replacement, compute the statistic on each, and report the {@code (1−level)/2} and
 * {@code (1+level)/2} quantiles of the defined values (linear interpolation, R type 7 as NumPy's default, via
 * Commons Math's {@link Percentile}). A resample on which the statistic is undefined (NaN, e.g. AUROC of a resample
 * without a positive) is skipped and counted in {@link Estimate#skipped()}, as scikit-learn examples and pROC do;
 * the interval is then conditional on both classes being present.
 *
 * <p>Deterministic: resample b draws its n indices as the b-th block of n {@code nextInt(n)} calls of one
 * {@link SplittableRandom} seeded with {@code seed}, so two statistics bootstrapped with the same seed and n see the
 * same resamples (e.g. AUROC and AUPRC of one test set).
 *
 * @param resamples number of bootstrap samples, at least 1
 * @param level     confidence level in (0, 1), e.g. 0.95
 * @param seed      random seed
 */
public record PercentileBootstrap(int resamples, double level, long seed) {
    /** Resamples used unless a caller asks for another number. */
    public static final int DEFAULT_RESAMPLES = 1000;

    /**
     * @throws IllegalArgumentException if {@code resamples < 1} or the level is not in (0, 1)
     */
    public PercentileBootstrap {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
    }

    /** 95% interval from {@value #DEFAULT_RESAMPLES} resamples. */
    public static PercentileBootstrap of95(long seed) {
        return new PercentileBootstrap(DEFAULT_RESAMPLES, 0.95, seed);
    }

    /**
     * A point estimate with its percentile bootstrap interval.
     *
     * @param estimate  the statistic on the full sample
     * @param lower     lower bound (NaN if every resample was skipped or n = 0)
     * @param upper     upper bound (NaN likewise)
     * @param n         number of units resampled
     * @param level     confidence level
     * @param resamples resamples drawn
     * @param skipped   resamples on which the statistic was undefined
     * @param seed      random seed
     */
    public record Estimate(double estimate, double lower, double upper, int n, double level, int resamples,
            int skipped, long seed) {

        /** Whether {@code x} lies in {@code [lower, upper]}. */
        public boolean contains(double x) {
            return x >= lower && x <= upper;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.4f [%.4f, %.4f] (n=%d, %.0f%% percentile bootstrap, %d resamples,"
                    + " %d skipped, seed %d)", estimate, lower, upper, n, 100 * level, resamples, skipped, seed);
        }
    }

    /**
     * Bootstraps {@code statistic} over units {@code 0..n-1}.
     *
     * @param n         number of units, at least 0 (with 0 everything is NaN)
     * @param statistic the statistic; evaluated once on {@code 0..n-1} for the point estimate
     * @throws IllegalArgumentException if {@code n < 0}, or the statistic returns an infinite value
     */
    public Estimate estimate(int n, IndexStatistic statistic) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0, level, resamples, resamples, seed);
        }
        double point = checked(statistic.compute(IntStream.range(0, n).toArray()), "full sample");
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        int defined = 0;
        int[] sample = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                sample[i] = random.nextInt(n);
            }
            double v = checked(statistic.compute(sample), "resample " + b);
            if (!Double.isNaN(v)) {
                values[defined++] = v;
            }
        }
        if (defined == 0) {
            return new Estimate(point, Double.NaN, Double.NaN, n, level, resamples, resamples, seed);
        }
        Percentile q = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        q.setData(Arrays.copyOf(values, defined));
        double alpha = (1 - level) / 2;
        return new Estimate(point, q.evaluate(100 * alpha), q.evaluate(100 * (1 - alpha)), n, level, resamples,
                resamples - defined, seed);
    }

    private static double checked(double v, String where) {
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException("statistic is " + v + " on the " + where);
        }
        return v;
    }
}
