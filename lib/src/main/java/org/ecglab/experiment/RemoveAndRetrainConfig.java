package org.ecglab.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.metrics.FeatureRanking;
import org.ecglab.metrics.Replacement;
import org.ecglab.metrics.ValueMode;
import org.ecglab.train.TrainingConfig;

/**
 * Configuration of remove-and-retrain (ROAR; Hooker et al. 2019), the perturbation experiment's retraining option.
 *
 * @param methods            the methods whose rankings remove features (at least one, unique labels)
 * @param percentages        percentages of features removed from every ECG, each in (0, 100]
 * @param segment            feature length in samples ({@link FeatureRanking})
 * @param replacement        what removed samples become
 * @param rankBy             rank by signed relevance or by magnitude
 * @param training           settings of the retrained models (its seed is the retrained models' seed)
 * @param bootstrapResamples resamples of the test AUROC's interval
 * @param seed               seed of the random reference's orders, the noise replacement and the bootstrap
 * @param cacheDir           folder for cached results and maps, or null for no caching
 */
public record RemoveAndRetrainConfig(List<MethodSpec> methods, List<Double> percentages, int segment,
        Replacement replacement, ValueMode rankBy, TrainingConfig training, int bootstrapResamples, long seed,
        Path cacheDir) {

    /** Validates the configuration. */
    public RemoveAndRetrainConfig {
        methods = MethodLists.checked(methods, 1);
        percentages = List.copyOf(Objects.requireNonNull(percentages, "percentages"));
        if (percentages.isEmpty() || percentages.stream().anyMatch(p -> !(p > 0 && p <= 100))) {
            throw new IllegalArgumentException("ROAR percentages must be in (0, 100], got " + percentages);
        }
        FeatureRanking.featureCount(segment);
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(rankBy, "rankBy");
        Objects.requireNonNull(training, "training");
        if (bootstrapResamples < 1) {
            throw new IllegalArgumentException("bootstrapResamples must be >= 1, got " + bootstrapResamples);
        }
    }

    /** The settings that determine a retrained model (method and percentage apart), for cache keys. */
    public String canonicalSettings() {
        return "roar v3; segment=" + segment + "; replacement=" + replacement.label() + "; rank_by=" + rankBy.label()
                + "; training=" + training + "; seed=" + seed + "; resamples=" + bootstrapResamples;
    }
}
