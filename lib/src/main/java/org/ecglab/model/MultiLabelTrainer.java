package org.ecglab.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import java.util.List;
import java.util.Objects;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;

/**
 * Trains one network with a logit per diagnostic class on the multi-hot labels: binary cross entropy on each logit,
 * averaged over the batch and the k outputs (PyTorch's {@code BCEWithLogitsLoss} on a {@code (N, k)} target), Adam,
 * early stopping on that loss over the validation records (the mean validation AUROC over the outputs, a macro
 * average, is reported). Same loop, seeding and
 * reproducibility as {@link TaskModelTrainer}; with {@code balanceClasses} each output gets its own
 * {@code negatives / positives} weight.
 */
public final class MultiLabelTrainer {
    private final Architecture architecture;
    private final TrainingConfig config;

    /**
     * @param architecture a network with one output per class to learn
     * @param config       training settings
     */
    public MultiLabelTrainer(Architecture architecture, TrainingConfig config) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The default CNN with nine outputs, one per {@link DiagnosticClass}. */
    public MultiLabelTrainer(TrainingConfig config) {
        this(Architecture.defaultCnn(DiagnosticClass.ALL.size()), config);
    }

    /**
     * Trains a model whose logit k detects {@code outputs.get(k)}.
     *
     * @throws IllegalArgumentException if the number of outputs does not match the architecture, or a split has no
     *                                  positive or no negative record for one of them
     */
    public TrainedMultiLabelModel train(EcgDataset data, List<DiagnosticClass> outputs) {
        if (outputs.size() != architecture.outputs()) {
            throw new IllegalArgumentException("architecture " + architecture.name() + " has "
                    + architecture.outputs() + " outputs but " + outputs.size() + " classes were given: " + outputs);
        }
        int k = outputs.size();
        int[][] y = new int[k][];
        for (int c = 0; c < k; c++) {
            y[c] = data.targets(outputs.get(c));
            for (Split split : Split.values()) {
                TaskModelTrainer.requireBothClasses(data, outputs.get(c), split, y[c]);
            }
        }
        int[] train = data.indices(Split.TRAIN);
        int[] validation = data.indices(Split.VALIDATION);
        float[][] targets = new float[data.size()][k];
        for (int i = 0; i < data.size(); i++) {
            for (int c = 0; c < k; c++) {
                targets[i][c] = y[c][i];
            }
        }
        String id = TrainedMultiLabelModel.id(config.seed());
        Model model = Model.newInstance(id, Device.cpu());
        try {
            model.setBlock(architecture.toBlock());
            EcgClassifier classifier = EcgClassifier.of(model, outputs.stream().map(DiagnosticClass::id).toList());
            Loss loss = loss(y, train);
            float[][] validationTargets = TaskModelTrainer.rows(targets, validation);
            TrainingLoop.Fit fit = new TrainingLoop(config).fit(model, loss, data.signals(), targets, train, () -> {
                float[][] logits = TaskModelTrainer.logits(classifier, data.signals(), validation);
                return new TrainingLoop.Validation(
                        TrainingLoop.meanLoss(loss, model.getNDManager(), logits, validationTargets),
                        meanAuroc(logits, validation, y));
            }, id);
            return new TrainedMultiLabelModel(outputs, config.seed(), architecture, config, data.name(), classifier,
                    fit.stopping().epochs(), fit.stopping().bestEpoch(), fit.bestAuroc(), fit.validationAuroc(),
                    fit.loss());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Macro-averaged AUROC of the outputs, from the logits {@code [indices.length][k]} of the given records. */
    static double meanAuroc(float[][] logits, int[] indices, int[][] y) {
        double sum = 0;
        for (int c = 0; c < y.length; c++) {
            sum += BinaryMetrics.auroc(column(logits, c), TaskModelTrainer.select(y[c], indices));
        }
        return sum / y.length;
    }

    /** Logit {@code c} of every row. */
    static float[] column(float[][] logits, int c) {
        float[] s = new float[logits.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = logits[i][c];
        }
        return s;
    }

    private Loss loss(int[][] y, int[] train) {
        if (!config.balanceClasses()) {
            return new SigmoidBinaryCrossEntropyLoss("BCE", 1f, false);
        }
        double[] weights = new double[y.length];
        for (int c = 0; c < y.length; c++) {
            int positives = 0;
            for (int i : train) {
                positives += y[c][i];
            }
            weights[c] = (train.length - positives) / (double) positives; // positives > 0, checked before
        }
        return new WeightedBinaryCrossEntropy(weights);
    }
}
