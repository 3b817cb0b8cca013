package org.ecglab.stats;

/**
 * A statistic of a sample given as indices into data the statistic holds (e.g. test ECGs' scores and labels).
 * Indices repeat in a bootstrap resample. Returns {@link Double#NaN} when the statistic is undefined for the sample
 * (e.g. AUROC of a resample without a positive); {@link PercentileBootstrap} skips and counts such resamples.
 */
@FunctionalInterface
public interface IndexStatistic {
    /**
     * @param sample indices into the data, possibly repeated
     * @return the statistic, or NaN if it is undefined for this sample
     */
    double compute(int[] sample);
}
