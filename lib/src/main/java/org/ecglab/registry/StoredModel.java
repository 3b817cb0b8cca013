package org.ecglab.registry;

import java.nio.file.Path;
import java.util.Objects;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.train.TrainedMultiLabelModel;
import org.ecglab.train.TrainedTaskModel;

/**
 * A model loaded from a registry entry, binary or multi-label: its network with the stored weights and its
 * provenance. Owns the classifier's native memory: close it, or hand ownership on with {@link #asTaskModel()} or
 * {@link #asMultiLabelModel()} (then close that instead).
 *
 * @param provenance how it was made and how well it did
 * @param classifier the network, one logit per {@code provenance.outputs()}
 * @param folder     the entry it was loaded from
 */
public record StoredModel(ModelProvenance provenance, EcgClassifier classifier, Path folder)
        implements AutoCloseable {
    public StoredModel {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(folder, "folder");
    }

    /** Whether this is a binary task model (one logit). */
    public boolean isBinary() {
        return ModelProvenance.BINARY.equals(provenance.kind());
    }

    /**
     * The binary task model with its stored scores.
     *
     * @throws IllegalStateException if this is a multi-label model
     */
    public TrainedTaskModel asTaskModel() {
        if (!isBinary()) {
            throw new IllegalStateException(folder + " holds multi-label model " + provenance.modelId()
                    + ", not a binary task model");
        }
        ModelProvenance p = provenance;
        DiagnosticClass task = p.outputs().get(0);
        return new TrainedTaskModel(task, p.seed(), p.spec().architecture(), p.spec().config().withSeed(p.seed()),
                p.datasetName(), classifier, p.epochsRun(), p.bestEpoch(), p.validationAuroc(),
                p.test(task).auroc().estimate(), p.test(task).auprc().estimate(), p.validationAurocHistory(),
                p.trainingLossHistory());
    }

    /**
     * The multi-label model.
     *
     * @throws IllegalStateException if this is a binary task model
     */
    public TrainedMultiLabelModel asMultiLabelModel() {
        if (isBinary()) {
            throw new IllegalStateException(folder + " holds binary task model " + provenance.modelId()
                    + ", not a multi-label model");
        }
        ModelProvenance p = provenance;
        return new TrainedMultiLabelModel(p.outputs(), p.seed(), p.spec().architecture(),
                p.spec().config().withSeed(p.seed()), p.datasetName(), classifier, p.epochsRun(), p.bestEpoch(),
                p.validationAuroc(), p.validationAurocHistory(), p.trainingLossHistory());
    }

    /** Closes the classifier. */
    @Override
    public void close() {
        classifier.close();
    }
}
