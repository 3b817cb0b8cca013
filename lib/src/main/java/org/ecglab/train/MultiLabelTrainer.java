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
                TaskModelTrainer.requireBothClasses(data, outputs.get(c), split);
            }
        }
        int[] train = data.indices(Split.TRAIN);
        EcgDataset validation = data.subset(Split.VALIDATION);
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
            EcgClassifier classifier = EcgClassifier.of(model, architecture, outputs.stream().map(DiagnosticClass::id).toList());
            Loss loss = loss(y, train);
            float[][] validationTargets = new float[validation.size()][k];
            for (int i = 0; i < validation.size(); i++) {
                for (int c = 0; c < k; c++) {
                    validationTargets[i][c] = validation.hasLabel(i, outputs.get(c)) ? 1 : 0;
                }
            }
            TrainingLoop.Fit fit = new TrainingLoop(config).fit(model, loss, data.signals(), targets, train, () -> {
                float[][] logits = classifier.predictLogits(validation.signals());
                return new TrainingLoop.Validation(
                        TrainingLoop.meanLoss(loss, model.getNDManager(), logits, validationTargets),
                        meanAuroc(logits, validation, outputs));
            }, id);
            return new TrainedMultiLabelModel(outputs, config.seed(), architecture, config, data.name(), classifier,
                    fit.stopping().epochs(), fit.stopping().bestEpoch(), fit.bestAuroc(), fit.validationAuroc(),
                    fit.loss());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Macro-averaged AUROC of the outputs, from the logits {@code [records.size()][k]} of {@code records}. */
    static double meanAuroc(float[][] logits, EcgDataset records, List<DiagnosticClass> outputs) {
        double sum = 0;
        for (int c = 0; c < outputs.size(); c++) {
            float[] scores = EcgClassifier.column(logits, c);
            sum += BinaryMetrics.auroc(scores, records.targets(outputs.get(c)));
        }
        return sum / outputs.size();
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
