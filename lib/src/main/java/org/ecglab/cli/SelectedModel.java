package org.ecglab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.registry.ModelProvenance;
import org.ecglab.registry.StoredModel;

/**
 * A model chosen on the command line ({@link ModelSelection}) with the logit to explain: the single logit of a binary
 * task model, or the task's logit of a multi-label model. Owns the model's native memory: close it.
 *
 * @param stored the registry entry, loaded
 * @param task   the class whose logit is explained
 */
record SelectedModel(StoredModel stored, DiagnosticClass task) implements AutoCloseable {

    /**
     * @throws IllegalArgumentException if {@code task} is not one of the outputs
     */
    SelectedModel {
        Objects.requireNonNull(stored, "stored");
        if (!stored.provenance().outputs().contains(task)) {
            throw new IllegalArgumentException("model " + stored.provenance().modelId() + " has no output for "
                    + task.id() + "; its outputs are " + stored.provenance().outputs());
        }
    }

    /** The model's id, e.g. {@code LBBB-seed1} or {@code multilabel-seed1}. */
    String id() {
        return stored.provenance().modelId();
    }

    /** The class of each logit. */
    List<DiagnosticClass> outputs() {
        return stored.provenance().outputs();
    }

    /** The training seed. */
    long seed() {
        return stored.provenance().seed();
    }

    /** The network as data. */
    Architecture architecture() {
        return stored.provenance().spec().architecture();
    }

    /** The network with its trained parameters. */
    EcgClassifier classifier() {
        return stored.classifier();
    }

    /** The registry entry it was loaded from. */
    Path folder() {
        return stored.folder();
    }

    /** How it was made. */
    ModelProvenance provenance() {
        return stored.provenance();
    }

    /** The logit index of {@link #task()}: the attribution target. */
    int target() {
        return outputs().indexOf(task);
    }

    /**
     * Whether {@code dataset} is the data the model was trained on, by content hash. When it is not, a warning goes to
     * {@code err}: the "test" split of other data may hold records the model was trained on, and its attributions
     * would then not be of unseen ECGs.
     */
    boolean checkTrainingData(EcgDataset dataset, Path file, PrintWriter err) {
        String trained = provenance().spec().datasetHash();
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
        return outputs().stream().map(DiagnosticClass::id).toList();
    }

    @Override
    public void close() {
        stored.close();
    }
}
