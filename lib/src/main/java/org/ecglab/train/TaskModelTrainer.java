package org.ecglab.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import java.util.List;
import java.util.Objects;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.stats.BinaryMetrics;

/**
 * Trains one binary task model per call: the network of an {@link Architecture} with a single logit, fitted on the
 * TRAIN split with Adam and binary cross entropy on logits, early-stopped on the VALIDATION loss (the same binary
 * cross entropy; the parameters of the epoch with the lowest one are kept, batch-norm running statistics included),
 * and scored on the TEST split.
 *
 * <p>Reproducible: {@code Engine.setRandomSeed(seed)} before initialisation seeds the weights (He-normal, DJL's
 * default) and dropout, and the training records are shuffled each epoch by a {@code SplittableRandom} seeded with
 * the same seed. With one intra-op thread the same seed gives bit-identical weights; more threads may change the
 * order of floating-point sums. The engine's random seed is global, so do not train models concurrently in one JVM.
 */
public final class TaskModelTrainer {
    private final Architecture architecture;
    private final TrainingConfig config;

    /**
     * @param architecture a network with exactly one output (the task's logit)
     * @param config       training settings
     * @throws IllegalArgumentException if the architecture has more than one output
     */
    public TaskModelTrainer(Architecture architecture, TrainingConfig config) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.config = Objects.requireNonNull(config, "config");
        if (architecture.outputs() != 1) {
            throw new IllegalArgumentException("a task model needs 1 output, architecture " + architecture.name()
                    + " has " + architecture.outputs());
        }
    }

    /** The default CNN with one output. */
    public TaskModelTrainer(TrainingConfig config) {
        this(Architecture.defaultCnn(1), config);
    }

    /**
     * Trains a model detecting {@code task}.
     *
     * @throws IllegalArgumentException if a split has no positive or no negative record for the task
     */
    public TrainedTaskModel train(EcgDataset data, DiagnosticClass task) {
        for (Split split : Split.values()) {
            requireBothClasses(data, task, split);
        }
        int[] y = data.targets(task);
        int[] train = data.indices(Split.TRAIN);
        EcgDataset validation = data.subset(Split.VALIDATION);
        EcgDataset test = data.subset(Split.TEST);
        String id = TrainedTaskModel.id(task, config.seed());
        Model model = Model.newInstance(id, Device.cpu());
        try {
            model.setBlock(architecture.toBlock());
            EcgClassifier classifier = EcgClassifier.of(model, architecture, List.of(task.id()));
            float[][] targets = new float[y.length][];
            for (int i = 0; i < y.length; i++) {
                targets[i] = new float[] {y[i]};
            }
            Loss loss = loss(y, train);
            float[][] validationTargets = TrainingLoop.column(validation.targets(task));
            TrainingLoop.Fit fit = new TrainingLoop(config).fit(model, loss, data.signals(), targets, train, () -> {
                float[] logits = classifier.predictLogit(validation.signals(), 0);
                return new TrainingLoop.Validation(
                        TrainingLoop.meanLoss(loss, model.getNDManager(), TrainingLoop.column(logits), validationTargets),
                        BinaryMetrics.auroc(logits, validation.targets(task)));
            }, id);
            float[] testScores = classifier.predictLogit(test.signals(), 0);
            return new TrainedTaskModel(task, config.seed(), architecture, config, data.name(), classifier,
                    fit.stopping().epochs(), fit.stopping().bestEpoch(), fit.bestAuroc(),
                    BinaryMetrics.auroc(testScores, test.targets(task)),
                    BinaryMetrics.auprc(testScores, test.targets(task)), fit.validationAuroc(), fit.loss());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private Loss loss(int[] y, int[] train) {
        if (config.balanceClasses()) {
            int positives = 0;
            for (int i : train) {
                positives += y[i]; // > 0, checked before
            }
            return new WeightedBinaryCrossEntropy((train.length - positives) / (double) positives);
        }
        return new SigmoidBinaryCrossEntropyLoss("BCE", 1f, false);
    }

    /**
     * @throws IllegalArgumentException naming the dataset, split and task if the split lacks positives or negatives
     */
    static void requireBothClasses(EcgDataset data, DiagnosticClass task, Split split) {
        int records = data.indices(split).length;
        int positives = data.positives(split, task).length;
        if (positives == 0 || positives == records) {
            throw new IllegalArgumentException(data.name() + ": the " + split + " split has " + positives
                    + " positive and " + (records - positives) + " negative records for " + task.id()
                    + "; training and evaluation need both");
        }
    }

    @Override
    public String toString() {
        return "TaskModelTrainer[" + architecture.name() + ", " + config + "]";
    }
}
