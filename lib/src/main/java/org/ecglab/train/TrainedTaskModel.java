package org.ecglab.train;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;

/**
 * A binary task model with its provenance and scores. Owns the classifier's native memory: close it (or use
 * try-with-resources) when done.
 *
 * @param task                    the diagnostic class the model detects (its single logit)
 * @param seed                    the training seed ({@link TrainingConfig#seed()})
 * @param architecture            the network as data
 * @param config                  the training settings
 * @param dataset                 name of the dataset it was trained on
 * @param classifier              the network with the best epoch's parameters, in inference mode
 * @param epochsRun               epochs trained before early stopping (or the limit)
 * @param bestEpoch               the epoch whose parameters were kept (1-based)
 * @param validationAuroc         validation AUROC of the kept parameters
 * @param testAuroc               test AUROC of the kept parameters
 * @param testAuprc               test average precision of the kept parameters
 * @param validationAurocHistory  validation AUROC after each epoch
 * @param trainingLossHistory     mean training loss of each epoch
 */
public record TrainedTaskModel(DiagnosticClass task, long seed, Architecture architecture, TrainingConfig config,
        String dataset, EcgClassifier classifier, int epochsRun, int bestEpoch, double validationAuroc,
        double testAuroc, double testAuprc, List<Double> validationAurocHistory, List<Double> trainingLossHistory)
        implements AutoCloseable {

    /**
     * @throws IllegalArgumentException if the epoch counts and histories disagree
     */
    public TrainedTaskModel {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(classifier, "classifier");
        validationAurocHistory = List.copyOf(validationAurocHistory);
        trainingLossHistory = List.copyOf(trainingLossHistory);
        EarlyStopping.checkHistory(epochsRun, bestEpoch, validationAurocHistory, trainingLossHistory);
    }

    /** Model id used in provenance and file names, e.g. {@code "LBBB-seed1"}. */
    public static String id(DiagnosticClass task, long seed) {
        return task.id() + "-seed" + seed;
    }

    /** This model's id, {@link #id(DiagnosticClass, long)}. */
    public String id() {
        return id(task, seed);
    }

    /** Closes the classifier's model. */
    @Override
    public void close() {
        classifier.close();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "TrainedTaskModel[%s, %s on %s, best epoch %d of %d, val AUROC %.4f, test AUROC %.4f, test AP %.4f]",
                id(), architecture.name(), dataset, bestEpoch, epochsRun, validationAuroc, testAuroc, testAuprc);
    }
}
