package org.ecglab.registry;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ecglab.LibraryVersion;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.train.EarlyStopping;
import org.ecglab.train.TestEvaluation;
import org.ecglab.train.TrainedMultiLabelModel;
import org.ecglab.train.TrainedTaskModel;

/**
 * Where a registered model came from and how well it did: what made it ({@link TrainingSpec}: architecture,
 * settings, data hash; plus seed, dataset name, library version, time) and its scores (validation AUROC of the kept
 * epoch, test AUROC and AUPRC with bootstrap intervals per output). Stored by {@link ModelRegistry} as
 * {@value ModelStore#PROVENANCE} next to the model's weights, so every number in a suite table can be traced to the
 * code and data behind it.
 *
 * @param modelId                the model's id, unique per (outputs, seed), e.g. {@code "LBBB-seed3"}
 * @param kind                   {@code "binary"} (one task model) or {@code "multilabel"} (one logit per output)
 * @param outputs                the diagnostic class of each logit
 * @param seed                   training seed
 * @param spec                   architecture, settings and dataset hash
 * @param datasetName            the dataset's name
 * @param epochsRun              epochs trained
 * @param bestEpoch              epoch whose parameters were kept
 * @param validationAuroc        validation AUROC of the kept epoch (mean over outputs for a multi-label model)
 * @param validationAurocHistory validation AUROC after each epoch
 * @param trainingLossHistory    mean training loss of each epoch
 * @param test                   test evaluation per output, index-aligned with {@code outputs}
 * @param libraryVersion         {@link LibraryVersion#get()} at training time
 * @param trainedAt              when training finished
 */
public record ModelProvenance(String modelId, String kind, List<DiagnosticClass> outputs, long seed,
        TrainingSpec spec, String datasetName, int epochsRun, int bestEpoch, double validationAuroc,
        List<Double> validationAurocHistory, List<Double> trainingLossHistory, List<TestEvaluation> test,
        String libraryVersion, Instant trainedAt) {
    /** {@link #kind()} of a binary task model. */
    public static final String BINARY = "binary";
    /** {@link #kind()} of a multi-label model. */
    public static final String MULTILABEL = "multilabel";

    /**
     * @throws IllegalArgumentException if the kind is unknown, outputs and test evaluations differ in number, or the
     *                                  epoch counts and histories disagree
     */
    public ModelProvenance {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(datasetName, "datasetName");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        Objects.requireNonNull(trainedAt, "trainedAt");
        outputs = List.copyOf(outputs);
        test = List.copyOf(test);
        validationAurocHistory = List.copyOf(validationAurocHistory);
        trainingLossHistory = List.copyOf(trainingLossHistory);
        EarlyStopping.checkHistory(epochsRun, bestEpoch, validationAurocHistory, trainingLossHistory);
        if (!BINARY.equals(kind) && !MULTILABEL.equals(kind)) {
            throw new IllegalArgumentException("kind must be " + BINARY + " or " + MULTILABEL + ", got " + kind);
        }
        if (outputs.isEmpty() || outputs.size() != test.size()) {
            throw new IllegalArgumentException("need one test evaluation per output, got " + outputs.size()
                    + " outputs and " + test.size() + " evaluations");
        }
        if (BINARY.equals(kind) && outputs.size() != 1) {
            throw new IllegalArgumentException("a binary task model has one output, got " + outputs);
        }
    }

    /** Provenance of a freshly trained binary task model. */
    public static ModelProvenance of(TrainedTaskModel model, String datasetHash, TestEvaluation test) {
        return new ModelProvenance(model.id(), BINARY, List.of(model.task()), model.seed(),
                new TrainingSpec(model.architecture(), model.config(), datasetHash), model.dataset(),
                model.epochsRun(), model.bestEpoch(), model.validationAuroc(), model.validationAurocHistory(),
                model.trainingLossHistory(), List.of(test), LibraryVersion.get(), Instant.now());
    }

    /** Provenance of a freshly trained multi-label model, with one test evaluation per output. */
    public static ModelProvenance of(TrainedMultiLabelModel model, String datasetHash, List<TestEvaluation> test) {
        return new ModelProvenance(model.id(), MULTILABEL, model.outputs(), model.seed(),
                new TrainingSpec(model.architecture(), model.config(), datasetHash), model.dataset(),
                model.epochsRun(), model.bestEpoch(), model.validationAuroc(), model.validationAurocHistory(),
                model.trainingLossHistory(), test, LibraryVersion.get(), Instant.now());
    }

    /** The test evaluation of {@code task}'s output. */
    public TestEvaluation test(DiagnosticClass task) {
        int k = outputs.indexOf(task);
        if (k < 0) {
            throw new IllegalArgumentException(modelId + " has no output for " + task.id() + "; outputs " + outputs);
        }
        return test.get(k);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ModelProvenance[%s, %s, data %s (%s..), best epoch %d of %d, val AUROC"
                + " %.4f, library %s, %s]", modelId, spec.architecture().name(), datasetName,
                DatasetHash.shortForm(spec.datasetHash()), bestEpoch, epochsRun, validationAuroc, libraryVersion,
                trainedAt);
    }
}
