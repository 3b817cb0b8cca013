package org.ecglab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.model.Architecture;
import org.ecglab.model.EcgClassifier;
import org.ecglab.model.ModelProvenance;

/**
 * A model chosen on the command line ({@link ModelSelection}) with the logit to explain: the single logit of a binary
 * task model, or the task's logit of a multi-label model. Owns the model's native memory: close it.
 *
 * @param outputs      the class of each logit
 * @param task         the class whose logit is explained
 * @param seed         the training seed
 * @param architecture the network
 * @param classifier   the network with its trained parameters
 * @param folder       where it was loaded from
 * @param provenance   its registry provenance, or null for a folder loaded without one
 * @param owner        what to close (the trained model record)
 */
record SelectedModel(List<DiagnosticClass> outputs, DiagnosticClass task, long seed, Architecture architecture,
        EcgClassifier classifier, Path folder, ModelProvenance provenance, AutoCloseable owner)
        implements AutoCloseable {

    /**
     * @throws IllegalArgumentException if {@code task} is not one of the outputs
     */
    SelectedModel {
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(classifier, "classifier");
        if (!outputs.contains(task)) {
            throw new IllegalArgumentException("model " + classifier.id() + " has no output for " + task.id()
                    + "; its outputs are " + outputs);
        }
    }

    /** The model's id, e.g. {@code LBBB-seed1} or {@code multilabel-seed1}. */
    String id() {
        return classifier.id();
    }

    /** The logit index of {@link #task()}: the attribution target. */
    int target() {
        return outputs.indexOf(task);
    }

    /**
     * Whether {@code dataset} is the data the model was trained on, by content hash; null when the model has no
     * provenance. When it is not, a warning goes to {@code err}: the "test" split of other data may hold records the
     * model was trained on, and its attributions would then not be of unseen ECGs.
     */
    Boolean checkTrainingData(EcgDataset dataset, Path file, PrintWriter err) {
        if (provenance == null) {
            return null;
        }
        String trained = provenance.spec().datasetHash();
        String given = DatasetHash.of(dataset);
        if (!trained.equals(given)) {
            err.printf("warning: model %s was trained on data %s.. but %s is %s..; its splits may not be the "
                    + "model's%n", id(), DatasetHash.shortForm(trained), file, DatasetHash.shortForm(given));
            err.flush();
        }
        return trained.equals(given);
    }

    /** Class ids, one per logit (the bundle's class names). */
    List<String> outputNames() {
        return outputs.stream().map(DiagnosticClass::id).toList();
    }

    @Override
    public void close() {
        try {
            owner.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing model " + id() + " failed", e);
        }
    }
}
