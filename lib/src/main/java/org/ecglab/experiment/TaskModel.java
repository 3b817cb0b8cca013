package org.ecglab.experiment;

import java.util.List;
import java.util.Objects;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.train.TrainedTaskModel;

/**
 * A task model of the study: the classifier for one diagnostic class and the logit that means "has the class".
 *
 * @param task   the diagnostic class
 * @param model  the classifier; its id must identify its weights (it keys cached results)
 * @param target logit index explained (0 for a single-logit binary model, the class's index in a multi-label one)
 */
public record TaskModel(DiagnosticClass task, EcgClassifier model, int target) {
    /** Checks the target against the model's outputs. */
    public TaskModel {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(model, "model");
        if (target < 0 || target >= model.numOutputs()) {
            throw new IllegalArgumentException("target " + target + " is outside [0, " + model.numOutputs()
                    + ") for model " + model.id());
        }
    }

    /** The binary task model's single logit. */
    public static TaskModel of(TrainedTaskModel trained) {
        return new TaskModel(trained.task(), trained.classifier(), 0);
    }

    /** Each binary task model's single logit, in order. */
    public static List<TaskModel> of(List<TrainedTaskModel> trained) {
        return trained.stream().map(TaskModel::of).toList();
    }

    /** What identifies this model's results in a cache: task, id, weight fingerprint and target. */
    public String key() {
        return "task=" + task.id() + "; model=" + model.id() + "; weights=" + model.parameterFingerprint()
                + "; target=" + target;
    }
}
