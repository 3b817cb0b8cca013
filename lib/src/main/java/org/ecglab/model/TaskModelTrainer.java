package org.ecglab.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;

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
    /** Records per forward pass when scoring validation and test records. */
    public static final int INFERENCE_BATCH = 256;
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
        int[] y = data.targets(task);
        int[] train = requireBothClasses(data, task, Split.TRAIN, y);
        int[] validation = requireBothClasses(data, task, Split.VALIDATION, y);
        int[] test = requireBothClasses(data, task, Split.TEST, y);
        String id = TrainedTaskModel.id(task, config.seed());
        Model model = Model.newInstance(id, Device.cpu());
        try {
            model.setBlock(architecture.toBlock());
            EcgClassifier classifier = EcgClassifier.of(model, List.of(task.id()));
            int[] validationLabels = select(y, validation);
            float[][] targets = new float[y.length][];
            for (int i = 0; i < y.length; i++) {
                targets[i] = new float[] {y[i]};
            }
            float[][] validationTargets = rows(targets, validation);
            Loss loss = loss(y, train);
            TrainingLoop.Fit fit = new TrainingLoop(config).fit(model, loss, data.signals(), targets, train, () -> {
                float[][] logits = logits(classifier, data.signals(), validation);
                return new TrainingLoop.Validation(
                        TrainingLoop.meanLoss(loss, model.getNDManager(), logits, validationTargets),
                        BinaryMetrics.auroc(MultiLabelTrainer.column(logits, 0), validationLabels));
            }, id);
            double testAuroc = BinaryMetrics.auroc(scores(classifier, data.signals(), test), select(y, test));
            double testAuprc = BinaryMetrics.auprc(scores(classifier, data.signals(), test), select(y, test));
            return new TrainedTaskModel(task, config.seed(), architecture, config, data.name(), classifier,
                    fit.stopping().epochs(), fit.stopping().bestEpoch(), fit.bestAuroc(), testAuroc, testAuprc,
                    fit.validationAuroc(), fit.loss());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private Loss loss(int[] y, int[] train) {
        if (config.balanceClasses()) {
            int positives = Arrays.stream(select(y, train)).sum(); // > 0, checked before
            return new WeightedBinaryCrossEntropy((train.length - positives) / (double) positives);
        }
        return new SigmoidBinaryCrossEntropyLoss("BCE", 1f, false);
    }

    /** Inference-mode logit of the given records, as scores. */
    static float[] scores(EcgClassifier classifier, float[][][] signals, int[] indices) {
        return MultiLabelTrainer.column(logits(classifier, signals, indices), 0);
    }

    /** Inference-mode logits {@code [indices.length][outputs]} of the given records. */
    static float[][] logits(EcgClassifier classifier, float[][][] signals, int[] indices) {
        float[][][] subset = new float[indices.length][][];
        for (int k = 0; k < indices.length; k++) {
            subset[k] = signals[indices[k]];
        }
        return classifier.predictLogits(subset, INFERENCE_BATCH);
    }

    static int[] requireBothClasses(EcgDataset data, DiagnosticClass task, Split split, int[] y) {
        int[] idx = data.indices(split);
        int positives = Arrays.stream(select(y, idx)).sum();
        if (positives == 0 || positives == idx.length) {
            throw new IllegalArgumentException(data.name() + ": the " + split + " split has " + positives
                    + " positive and " + (idx.length - positives) + " negative records for " + task.id()
                    + "; training and evaluation need both");
        }
        return idx;
    }

    /** The rows {@code indices} of {@code a}. */
    static float[][] rows(float[][] a, int[] indices) {
        float[][] out = new float[indices.length][];
        for (int k = 0; k < indices.length; k++) {
            out[k] = a[indices[k]];
        }
        return out;
    }

    static int[] select(int[] values, int[] indices) {
        int[] out = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = values[indices[k]];
        }
        return out;
    }

    @Override
    public String toString() {
        return "TaskModelTrainer[" + architecture.name() + ", " + config + "]";
    }
}
