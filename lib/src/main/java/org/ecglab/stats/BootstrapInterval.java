package org.ecglab.stats;

import java.util.Arrays;


/**
 * A percentile bootstrap confidence interval for a mean (Efron &amp; Tibshirani 1993, ch. 13): draw
 * {@code resamples} samples of size n with replacement from the values, take each sample's mean, and report the
 * {@code (1−level)/2} and {@code (1+level)/2} quantiles of those means (linear interpolation, R type 7 as NumPy's
 * default). Deterministic for a seed; the resampling is {@link PercentileBootstrap}'s.
 *
 * @param mean      mean of the values
 * @param lower     lower bound
 * @param upper     upper bound
 * @param n         number of values
 * @param level     confidence level, e.g. 0.95
 * @param resamples number of bootstrap samples
 * @param seed      random seed
 */
public record BootstrapInterval(double mean, double lower, double upper, int n, double level, int resamples,
        long seed) {

    /** Default number of resamples. */
    public static final int DEFAULT_RESAMPLES = PercentileBootstrap.DEFAULT_RESAMPLES;

    /**
     * The percentile bootstrap interval of the mean of {@code values}. With no values the mean and bounds are NaN
     * (an empty group is reported, not hidden); with one value both bounds equal it.
     *
     * @throws IllegalArgumentException if a value is not finite, {@code resamples < 1} or the level is not in (0, 1)
     */
    public static BootstrapInterval ofMean(double[] values, int resamples, double level, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        int n = values.length;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is " + values[i] + "; drop NaNs before");
            }
        }
        if (n == 0) {
            return new BootstrapInterval(Double.NaN, Double.NaN, Double.NaN, 0, level, resamples, seed);
        }
        // The shared resampler draws the same indices in the same order as a hand-written loop would.
        PercentileBootstrap.Estimate e = new PercentileBootstrap(resamples, level, seed).estimate(n, sample -> {
            double s = 0;
            for (int i : sample) {
                s += values[i];
            }
            return s / n;
        });
        // Compensated sum for the point estimate, as before the resampling was shared.
        return new BootstrapInterval(Arrays.stream(values).sum() / n, e.lower(), e.upper(), n, level, resamples,
                seed);
    }

    /** 95% interval with {@value #DEFAULT_RESAMPLES} resamples. */
    public static BootstrapInterval ofMean(double[] values, long seed) {
        return ofMean(values, DEFAULT_RESAMPLES, 0.95, seed);
    }

    /** Whether {@code x} lies in {@code [lower, upper]}. */
    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }

    @Override
    public String toString() {
        return String.format("%.3f [%.3f, %.3f] (n=%d, %.0f%% percentile bootstrap, %d resamples, seed %d)", mean,
                lower, upper, n, 100 * level, resamples, seed);
    }
}
