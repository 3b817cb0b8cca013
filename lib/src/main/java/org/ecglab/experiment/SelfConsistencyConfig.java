package org.ecglab.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.data.Split;
import org.ecglab.metrics.MapMeasure;
import org.ecglab.stats.BootstrapInterval;

/**
 * Configuration of experiment 2, self-consistency across random initialisations.
 *
 * @param methods            the methods (at least one, unique labels)
 * @param split              split whose positives of each task are explained
 * @param maxEcgsPerTask     at most this many positives per task (the first ones in dataset order)
 * @param measures           how two seeds' maps are compared (default Spearman, absolute and signed)
 * @param bootstrapResamples resamples for summary intervals
 * @param seed               seed of the bootstrap
 * @param cacheDir           folder for cached results and maps, or null for no caching
 */
public record SelfConsistencyConfig(List<MethodSpec> methods, Split split, int maxEcgsPerTask,
        List<MapMeasure> measures, int bootstrapResamples, long seed, Path cacheDir) {

    /** The band of mean correlations Arends et al. (2026) report for most methods: 0.41. */
    public static final double STUDY_LOW = 0.41;
    /** ... to 0.65. */
    public static final double STUDY_HIGH = 0.65;

    /** Validates the configuration. */
    public SelfConsistencyConfig {
        methods = MethodLists.checked(methods, 1);
        Objects.requireNonNull(split, "split");
        if (maxEcgsPerTask < 1) {
            throw new IllegalArgumentException("maxEcgsPerTask must be >= 1, got " + maxEcgsPerTask);
        }
        measures = MethodSimilarityConfig.checkedMeasures(measures);
        if (bootstrapResamples < 1) {
            throw new IllegalArgumentException("bootstrapResamples must be >= 1, got " + bootstrapResamples);
        }
    }

    /** Test-split positives (up to 50 per task), Spearman on absolute and signed values, 1000 resamples, seed 1. */
    public static SelfConsistencyConfig of(List<MethodSpec> methods, Path cacheDir) {
        return new SelfConsistencyConfig(methods, Split.TEST, 50, MethodSimilarityConfig.studyMeasures(),
                BootstrapInterval.DEFAULT_RESAMPLES, 1L, cacheDir);
    }

    /** A copy with another ECG limit. */
    public SelfConsistencyConfig withMaxEcgsPerTask(int max) {
        return new SelfConsistencyConfig(methods, split, max, measures, bootstrapResamples, seed, cacheDir);
    }

    /** A copy with other measures. */
    public SelfConsistencyConfig withMeasures(List<MapMeasure> value) {
        return new SelfConsistencyConfig(methods, split, maxEcgsPerTask, value, bootstrapResamples, seed, cacheDir);
    }

    /** Everything that determines the per-ECG table, for the cache key. */
    public String canonical() {
        return "self_consistency v2; methods=" + MethodLists.canonical(methods) + "; split=" + split + "; max="
                + maxEcgsPerTask + "; measures=" + MethodSimilarityConfig.labels(measures);
    }
}
