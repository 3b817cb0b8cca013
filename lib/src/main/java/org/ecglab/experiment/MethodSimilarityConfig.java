package org.ecglab.experiment;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.data.Split;
import org.ecglab.metrics.ValueMode;
import org.ecglab.stats.BootstrapInterval;
import org.ecglab.stats.Correlation;

/**
 * Configuration of experiment 1, inter-method similarity.
 *
 * @param methods            the methods compared (at least two, unique labels); every pair is compared
 * @param split              split whose positives of each task are explained
 * @param maxEcgsPerTask     at most this many positives per task (the first ones in dataset order)
 * @param valueModes         compare absolute and/or signed values
 * @param correlation        Spearman (the paper's) or Pearson; also names the score column
 * @param bootstrapResamples resamples for summary intervals
 * @param seed               seed of the bootstrap
 * @param cacheDir           folder for cached results, or null for no caching
 */
public record MethodSimilarityConfig(List<MethodSpec> methods, Split split, int maxEcgsPerTask,
        List<ValueMode> valueModes, Correlation correlation, int bootstrapResamples, long seed, Path cacheDir) {

    /** Validates the configuration. */
    public MethodSimilarityConfig {
        methods = List.copyOf(Objects.requireNonNull(methods, "methods"));
        if (methods.size() < 2) {
            throw new IllegalArgumentException("need at least 2 methods to compare, got " + methods.size());
        }
        if (new HashSet<>(methods.stream().map(MethodSpec::label).toList()).size() != methods.size()) {
            throw new IllegalArgumentException("method labels must be unique: "
                    + methods.stream().map(MethodSpec::label).toList());
        }
        Objects.requireNonNull(split, "split");
        if (maxEcgsPerTask < 1) {
            throw new IllegalArgumentException("maxEcgsPerTask must be >= 1, got " + maxEcgsPerTask);
        }
        valueModes = List.copyOf(Objects.requireNonNull(valueModes, "valueModes"));
        if (valueModes.isEmpty()) {
            throw new IllegalArgumentException("valueModes is empty; use absolute and/or signed");
        }
        Objects.requireNonNull(correlation, "correlation");
        if (bootstrapResamples < 1) {
            throw new IllegalArgumentException("bootstrapResamples must be >= 1, got " + bootstrapResamples);
        }
    }

    /**
     * Our default protocol (the paper's exact selection is not published): test-split positives (up to 50 per task),
     * Spearman on absolute and signed values, 1000 bootstrap resamples, seed 1.
     */
    public static MethodSimilarityConfig of(List<MethodSpec> methods, Path cacheDir) {
        return new MethodSimilarityConfig(methods, Split.TEST, 50, List.of(ValueMode.ABSOLUTE, ValueMode.SIGNED),
                Correlation.SPEARMAN, BootstrapInterval.DEFAULT_RESAMPLES, 1L, cacheDir);
    }

    /** A copy with another ECG limit. */
    public MethodSimilarityConfig withMaxEcgsPerTask(int max) {
        return new MethodSimilarityConfig(methods, split, max, valueModes, correlation, bootstrapResamples, seed,
                cacheDir);
    }

    /**
     * Everything that determines the per-ECG table, as text for the cache key; the bootstrap settings and the cache
     * folder are left out because they do not change that table.
     */
    public String canonical() {
        // v2: SmoothGrad's and gradient SHAP's noise draws both values of each Box-Muller pair (RandomDraws), so
        // tables cached under v1 hold maps a recomputation no longer gives.
        return "method_similarity v2; methods=" + methods.stream().map(MethodSpec::canonical)
                .collect(Collectors.joining(";")) + "; split=" + split + "; max=" + maxEcgsPerTask + "; values="
                + valueModes + "; correlation=" + correlation.label();
    }
}
