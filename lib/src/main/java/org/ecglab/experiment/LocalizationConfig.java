package org.ecglab.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.data.Split;
import org.ecglab.stats.BootstrapInterval;

/**
 * Configuration of experiment 5, ground-truth localisation (synthetic data only).
 *
 * @param methods            the methods (at least one, unique labels)
 * @param split              split whose positives of each task are explained
 * @param maxEcgsPerTask     at most this many positives per task (the first ones in dataset order)
 * @param bootstrapResamples resamples for summary intervals
 * @param seed               seed of the bootstrap
 * @param cacheDir           folder for cached results and maps, or null for no caching
 */
public record LocalizationConfig(List<MethodSpec> methods, Split split, int maxEcgsPerTask, int bootstrapResamples,
        long seed, Path cacheDir) {

    /** Validates the configuration. */
    public LocalizationConfig {
        methods = MethodLists.checked(methods, 1);
        Objects.requireNonNull(split, "split");
        if (maxEcgsPerTask < 1) {
            throw new IllegalArgumentException("maxEcgsPerTask must be >= 1, got " + maxEcgsPerTask);
        }
        if (bootstrapResamples < 1) {
            throw new IllegalArgumentException("bootstrapResamples must be >= 1, got " + bootstrapResamples);
        }
    }

    /** Test-split positives (up to 50 per task), 1000 resamples, seed 1. */
    public static LocalizationConfig of(List<MethodSpec> methods, Path cacheDir) {
        return new LocalizationConfig(methods, Split.TEST, 50, BootstrapInterval.DEFAULT_RESAMPLES, 1L, cacheDir);
    }

    /** A copy with another ECG limit. */
    public LocalizationConfig withMaxEcgsPerTask(int max) {
        return new LocalizationConfig(methods, split, max, bootstrapResamples, seed, cacheDir);
    }

    /** Everything that determines the per-ECG table, for the cache key. */
    public String canonical() {
        return "localization v2; methods=" + MethodLists.canonical(methods) + "; split=" + split + "; max="
                + maxEcgsPerTask;
    }
}
