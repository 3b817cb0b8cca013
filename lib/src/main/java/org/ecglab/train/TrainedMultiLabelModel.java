package org.ecglab.train;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;

/**
 * A multi-label model: one network with a logit per diagnostic class, trained on all classes at once (the option
 * beside the study's one binary model per class). Owns the classifier's native memory: close it when done. To
 * explain one class, use logit {@code outputs().indexOf(task)}.
 *
 * @param outputs                the class of each logit, in logit order
 * @param seed                   the training seed
 * @param architecture           the network as data
 * @param config                 the training settings
 * @param dataset                name of the dataset it was trained on
 * @param classifier             the network with the best epoch's parameters
 * @param epochsRun              epochs trained before early stopping (or the limit)
 * @param bestEpoch              the epoch whose parameters were kept (1-based)
 * @param validationAuroc        mean validation AUROC over the outputs, kept epoch
 * @param validationAurocHistory mean validation AUROC after each epoch
 * @param trainingLossHistory    mean training loss of each epoch
 */
public record TrainedMultiLabelModel(List<DiagnosticClass> outputs, long seed, Architecture architecture,
        TrainingConfig config, String dataset, EcgClassifier classifier, int epochsRun, int bestEpoch,
        double validationAuroc, List<Double> validationAurocHistory, List<Double> trainingLossHistory)
        implements AutoCloseable {

    /**
     * @throws IllegalArgumentException if the outputs do not match the architecture or the epoch counts and
     *                                  histories disagree
     */
    public TrainedMultiLabelModel {
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(classifier, "classifier");
        validationAurocHistory = List.copyOf(validationAurocHistory);
        trainingLossHistory = List.copyOf(trainingLossHistory);
        if (outputs.size() != architecture.outputs() || outputs.stream().distinct().count() != outputs.size()) {
            throw new IllegalArgumentException("need " + architecture.outputs() + " distinct output classes, got "
                    + outputs);
        }
        EarlyStopping.checkHistory(epochsRun, bestEpoch, validationAurocHistory, trainingLossHistory);
    }

    /** Model id, e.g. {@code "multilabel-seed3"}: distinct from every binary task model's id. */
    public static String id(long seed) {
        return "multilabel-seed" + seed;
    }

    /** This model's id. */
    public String id() {
        return id(seed);
    }

    /** Closes the classifier's model. */
    @Override
    public void close() {
        classifier.close();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TrainedMultiLabelModel[%s, %d outputs, %s on %s, best epoch %d of %d,"
                + " mean val AUROC %.4f]", id(), outputs.size(), architecture.name(), dataset, bestEpoch, epochsRun,
                validationAuroc);
    }
}
