package org.ecglab.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.data.Split;
import org.ecglab.metrics.MapMeasure;
import org.ecglab.stats.BootstrapInterval;

/**
 * Configuration of experiment 3, dependence on model weights.
 *
 * @param methods            the methods (at least one, unique labels)
 * @param split              split whose positives of each task are explained
 * @param maxEcgsPerTask     at most this many positives per task (the first ones in dataset order)
 * @param modes              cascading and/or independent randomisation
 * @param measures           how a randomised model's map is compared with the trained model's (default Spearman on
 *                           absolute and signed values; SSIM and sign-agnostic variants as options)
 * @param randomSeed         seed of the new weights ({@link ModelRandomizer})
 * @param bootstrapResamples resamples for summary intervals
 * @param seed               seed of the bootstrap
 * @param cacheDir           folder for cached results and maps, or null for no caching
 */
public record RandomizationConfig(List<MethodSpec> methods, Split split, int maxEcgsPerTask,
        List<RandomizationMode> modes, List<MapMeasure> measures, long randomSeed, int bootstrapResamples, long seed,
        Path cacheDir) {

    /** Validates the configuration. */
    public RandomizationConfig {
        methods = MethodLists.checked(methods, 1);
        Objects.requireNonNull(split, "split");
        if (maxEcgsPerTask < 1) {
            throw new IllegalArgumentException("maxEcgsPerTask must be >= 1, got " + maxEcgsPerTask);
        }
        modes = List.copyOf(Objects.requireNonNull(modes, "modes"));
        if (modes.isEmpty() || modes.stream().distinct().count() != modes.size()) {
            throw new IllegalArgumentException("give each randomisation mode at most once, and at least one: " + modes);
        }
        measures = MethodSimilarityConfig.checkedMeasures(measures);
        if (bootstrapResamples < 1) {
            throw new IllegalArgumentException("bootstrapResamples must be >= 1, got " + bootstrapResamples);
        }
    }

    /**
     * Test-split positives (up to 50 per task), cascading and independent randomisation with new-weight seed 42,
     * Spearman on absolute and signed values, 1000 resamples, seed 1.
     */
    public static RandomizationConfig of(List<MethodSpec> methods, Path cacheDir) {
        return new RandomizationConfig(methods, Split.TEST, 50, List.of(RandomizationMode.CASCADING,
                RandomizationMode.INDEPENDENT), MethodSimilarityConfig.studyMeasures(), 42L,
                BootstrapInterval.DEFAULT_RESAMPLES, 1L, cacheDir);
    }

    /** A copy with another ECG limit. */
    public RandomizationConfig withMaxEcgsPerTask(int max) {
        return new RandomizationConfig(methods, split, max, modes, measures, randomSeed, bootstrapResamples, seed,
                cacheDir);
    }

    /** A copy with other modes. */
    public RandomizationConfig withModes(List<RandomizationMode> value) {
        return new RandomizationConfig(methods, split, maxEcgsPerTask, value, measures, randomSeed,
                bootstrapResamples, seed, cacheDir);
    }

    /** A copy with other measures. */
    public RandomizationConfig withMeasures(List<MapMeasure> value) {
        return new RandomizationConfig(methods, split, maxEcgsPerTask, modes, value, randomSeed, bootstrapResamples,
                seed, cacheDir);
    }

    /** Everything that determines the rows of one step, for the cache key. */
    public String canonical() {
        return "randomization v2; methods=" + MethodLists.canonical(methods) + "; split=" + split + "; max="
                + maxEcgsPerTask + "; measures=" + MethodSimilarityConfig.labels(measures) + "; random_seed="
                + randomSeed;
    }
}
