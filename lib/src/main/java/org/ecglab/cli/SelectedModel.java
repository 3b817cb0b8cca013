package org.ecglab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ecglab.data.DiagnosticClass;
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
