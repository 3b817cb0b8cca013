package org.ecglab.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.data.Split;
import org.ecglab.metrics.MapMeasure;
import org.ecglab.metrics.ValueMode;
import org.ecglab.stats.BootstrapInterval;

/**
 * Configuration of experiment 1, inter-method similarity.
 *
 * @param methods            the methods compared (at least two, unique labels); every pair is compared
 * @param split              split whose positives of each task are explained
 * @param maxEcgsPerTask     at most this many positives per task (the first ones in dataset order)
 * @param measures           how maps are compared (default Spearman on absolute and on signed values, the study's;
 *                           Pearson, top-k overlap and SSIM as options)
 * @param bootstrapResamples resamples for summary intervals
 * @param seed               seed of the bootstrap
 * @param cacheDir           folder for cached results and maps, or null for no caching
 */
public record MethodSimilarityConfig(List<MethodSpec> methods, Split split, int maxEcgsPerTask,
        List<MapMeasure> measures, int bootstrapResamples, long seed, Path cacheDir) {

    /** Validates the configuration. */
    public MethodSimilarityConfig {
        methods = MethodLists.checked(methods, 2);
        Objects.requireNonNull(split, "split");
        if (maxEcgsPerTask < 1) {
            throw new IllegalArgumentException("maxEcgsPerTask must be >= 1, got " + maxEcgsPerTask);
        }
        measures = checkedMeasures(measures);
        if (bootstrapResamples < 1) {
            throw new IllegalArgumentException("bootstrapResamples must be >= 1, got " + bootstrapResamples);
        }
    }

    /** The study's measures: Spearman rank correlation on absolute and on signed values. */
    public static List<MapMeasure> studyMeasures() {
        return List.of(MapMeasure.spearman(ValueMode.ABSOLUTE), MapMeasure.spearman(ValueMode.SIGNED));
    }

    /**
     * Our default protocol (the paper's exact selection is not published): test-split positives (up to 50 per task),
     * Spearman on absolute and signed values, 1000 bootstrap resamples, seed 1.
     */
    public static MethodSimilarityConfig of(List<MethodSpec> methods, Path cacheDir) {
        return new MethodSimilarityConfig(methods, Split.TEST, 50, studyMeasures(),
                BootstrapInterval.DEFAULT_RESAMPLES, 1L, cacheDir);
    }

    /** A copy with another ECG limit. */
    public MethodSimilarityConfig withMaxEcgsPerTask(int max) {
        return new MethodSimilarityConfig(methods, split, max, measures, bootstrapResamples, seed, cacheDir);
    }

    /** A copy with other measures. */
    public MethodSimilarityConfig withMeasures(List<MapMeasure> value) {
        return new MethodSimilarityConfig(methods, split, maxEcgsPerTask, value, bootstrapResamples, seed, cacheDir);
    }

    /**
     * Everything that determines the per-ECG table, as text for the cache key; the bootstrap settings and the cache
     * folder are left out because they do not change that table.
     */
    public String canonical() {
        // v3: SmoothGrad's and gradient SHAP's noise draws use both values of each Box-Muller pair (RandomDraws), so
        // tables cached before hold maps a recomputation no longer gives.
        return "method_similarity v3; methods=" + MethodLists.canonical(methods) + "; split=" + split + "; max="
                + maxEcgsPerTask + "; measures=" + labels(measures);
    }

    static List<MapMeasure> checkedMeasures(List<MapMeasure> measures) {
        List<MapMeasure> copy = List.copyOf(Objects.requireNonNull(measures, "measures"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no map measures; use e.g. spearman_absolute and spearman_signed");
        }
        if (copy.stream().map(MapMeasure::label).distinct().count() != copy.size()) {
            throw new IllegalArgumentException("map measures repeat: " + labels(copy));
        }
        return copy;
    }

    static String labels(List<MapMeasure> measures) {
        return measures.stream().map(MapMeasure::label).collect(Collectors.joining(","));
    }
}
