package org.ecglab.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.data.Split;
import org.ecglab.metrics.FeatureRanking;
import org.ecglab.metrics.Replacement;
import org.ecglab.metrics.ValueMode;
import org.ecglab.stats.BootstrapInterval;

/**
 * Configuration of experiment 4, input perturbation.
 *
 * @param methods            the methods (at least one, unique labels)
 * @param split              split whose ECGs are perturbed
 * @param maxEcgsPerTask     per task, at most this many positives and as many negatives (the first ones in dataset
 *                           order): AUROC needs both
 * @param percentages        the grid of percentages of features removed, strictly increasing from 0 to at most 100
 * @param segment            feature length in samples: 1 removes sample by sample, e.g. 10 removes 20 ms windows of
 *                           one lead ({@link FeatureRanking})
 * @param replacement        what removed samples become
 * @param rankBy             rank features by signed relevance (the map as it is: evidence for the class first) or by
 *                           magnitude
 * @param randomRankings     random orders per ECG (the reference; at least 1)
 * @param leastRelevantFirst also remove the least relevant features first (LeRF)
 * @param bootstrapResamples resamples for summary intervals
 * @param seed               seed of the random orders, the noise replacement and the bootstrap
 * @param cacheDir           folder for cached results and maps, or null for no caching
 */
public record PerturbationConfig(List<MethodSpec> methods, Split split, int maxEcgsPerTask, List<Double> percentages,
        int segment, Replacement replacement, ValueMode rankBy, int randomRankings, boolean leastRelevantFirst,
        int bootstrapResamples, long seed, Path cacheDir) {

    /** Validates the configuration. */
    public PerturbationConfig {
        methods = MethodLists.checked(methods, 1);
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(rankBy, "rankBy");
        if (maxEcgsPerTask < 1) {
            throw new IllegalArgumentException("maxEcgsPerTask must be >= 1, got " + maxEcgsPerTask);
        }
        percentages = List.copyOf(Objects.requireNonNull(percentages, "percentages"));
        if (percentages.isEmpty() || percentages.get(0) != 0.0) {
            throw new IllegalArgumentException("the percentage grid must start at 0 (the unperturbed input), got "
                    + percentages);
        }
        for (int i = 1; i < percentages.size(); i++) {
            if (!(percentages.get(i) > percentages.get(i - 1)) || percentages.get(i) > 100) {
                throw new IllegalArgumentException("percentages must increase strictly and stay <= 100, got "
                        + percentages);
            }
        }
        FeatureRanking.featureCount(segment);
        if (randomRankings < 1) {
            throw new IllegalArgumentException("randomRankings must be >= 1, got " + randomRankings);
        }
        if (bootstrapResamples < 1) {
            throw new IllegalArgumentException("bootstrapResamples must be >= 1, got " + bootstrapResamples);
        }
    }

    /**
     * Our default protocol (the study's is not published in detail): test split, up to 50 positives and 50 negatives
     * per task, 0..50% in steps of 5, sample by sample, replaced by linear interpolation, ranked by signed relevance,
     * three random orders, with LeRF, 1000 resamples, seed 1.
     */
    public static PerturbationConfig of(List<MethodSpec> methods, Path cacheDir) {
        return new PerturbationConfig(methods, Split.TEST, 50, grid(50, 5), 1, Replacement.LINEAR_INTERPOLATION,
                ValueMode.SIGNED, 3, true, BootstrapInterval.DEFAULT_RESAMPLES, 1L, cacheDir);
    }

    /** {@code 0, step, 2·step, ... , max}. */
    public static List<Double> grid(double max, double step) {
        if (!(step > 0) || !(max >= 0)) {
            throw new IllegalArgumentException("need step > 0 and max >= 0, got " + step + ", " + max);
        }
        int n = (int) Math.floor(max / step + 1e-9);
        return java.util.stream.IntStream.rangeClosed(0, n).mapToObj(i -> i * step).toList();
    }

    /** A copy with another ECG limit. */
    public PerturbationConfig withMaxEcgsPerTask(int max) {
        return new PerturbationConfig(methods, split, max, percentages, segment, replacement, rankBy, randomRankings,
                leastRelevantFirst, bootstrapResamples, seed, cacheDir);
    }

    /** A copy with another percentage grid. */
    public PerturbationConfig withPercentages(List<Double> value) {
        return new PerturbationConfig(methods, split, maxEcgsPerTask, value, segment, replacement, rankBy,
                randomRankings, leastRelevantFirst, bootstrapResamples, seed, cacheDir);
    }

    /** A copy with another feature length and replacement. */
    public PerturbationConfig withFeatures(int segmentLength, Replacement value) {
        return new PerturbationConfig(methods, split, maxEcgsPerTask, percentages, segmentLength, value, rankBy,
                randomRankings, leastRelevantFirst, bootstrapResamples, seed, cacheDir);
    }

    /** A copy with another number of random orders and with or without LeRF. */
    public PerturbationConfig withReferences(int random, boolean lerf) {
        return new PerturbationConfig(methods, split, maxEcgsPerTask, percentages, segment, replacement, rankBy, random,
                lerf, bootstrapResamples, seed, cacheDir);
    }

    /** The settings that determine every method's rows (methods apart), for cache keys. */
    public String canonicalSettings() {
        return "perturbation v3; split=" + split + "; max=" + maxEcgsPerTask + "; percentages=" + percentages
                + "; segment=" + segment + "; replacement=" + replacement.label() + "; rank_by=" + rankBy.label()
                + "; seed=" + seed;
    }
}
