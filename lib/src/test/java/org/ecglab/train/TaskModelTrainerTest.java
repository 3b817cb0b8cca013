package org.ecglab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.stats.BinaryMetrics;
import org.junit.jupiter.api.Test;

class TaskModelTrainerTest {
    private static final EcgDataset EASY = ToyEcgData.make(300, 1 / 3.0, 0.5, 0.05, 11);
    private static final TrainingConfig QUIET = TrainingConfig.defaults().withShowProgress(false);

    private static double validationAurocOf(TrainedTaskModel m, EcgDataset data) {
        EcgDataset validation = data.subset(Split.VALIDATION);
        return BinaryMetrics.auroc(m.classifier().predictLogit(validation.signals(), 0), validation.targets(m.task()));
    }

    private static List<float[]> weights(TrainedTaskModel m) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : m.classifier().block().getParameters()) {
            out.add(p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    private static double maxAbs(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    @Test
    void learnsAnEasyTaskInAFewEpochs() {
        TrainingConfig config = TrainingConfig.defaults().withMaxEpochs(4).withPatience(4).withBalanceClasses(true);
        try (TrainedTaskModel m = new TaskModelTrainer(config).train(EASY, ToyEcgData.TASK)) {
            assertTrue(m.validationAuroc() > 0.95, m.toString());
            assertTrue(m.testAuroc() > 0.95, m.toString());
            assertTrue(m.testAuprc() > 0.9, m.toString());
            assertEquals(m.epochsRun(), m.validationAurocHistory().size());
            assertEquals(m.validationAurocHistory().get(m.bestEpoch() - 1), m.validationAuroc());
            assertEquals(List.of("ASTE"), m.classifier().outputNames());
            assertEquals("ASTE-seed1", m.classifier().id());
            // The first epoch starts from random weights; the loss must fall as the bump is learnt.
            assertTrue(m.trainingLossHistory().get(m.epochsRun() - 1) < m.trainingLossHistory().get(0),
                    m.trainingLossHistory().toString());
            // Batch norm ran in training mode: its running means moved away from their initial zeros.
            int batchNorms = 0;
            for (Pair<String, Parameter> p : m.classifier().block().getParameters()) {
                if (p.getKey().endsWith("runningMean")) {
                    batchNorms++;
                    assertTrue(maxAbs(p.getValue().getArray().toFloatArray()) > 1e-3, p.getKey());
                }
            }
            assertEquals(5, batchNorms);
        }
    }

    @Test
    void divergingTrainingNamesTheModelAndTheCause() {
        // Adam's first step moves every weight by about the learning rate: 1e30 overflows the logits.
        TrainingConfig config = QUIET.withMaxEpochs(3).withLearningRate(1e30);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TaskModelTrainer(config).train(EASY, ToyEcgData.TASK));
        assertTrue(e.getMessage().startsWith("ASTE-seed1: training diverged at epoch "), e.getMessage());
        assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
    }

    /** Binary cross entropy on logits, {@code mean(y softplus(-z) + (1 - y) softplus(z))}, computed here in Java. */
    private static double bce(float[][] logits, float[][] targets) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double z = logits[i][0];
            double softplusZ = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
            sum += targets[i][0] == 1 ? softplusZ - z : softplusZ;
        }
        return sum / logits.length;
    }

    @Test
    void earlyStoppingStopsOnTheValidationLossAndRestoresItsBestEpoch() {
        // Without a bump the labels are unlearnable: the network fits the training noise and the validation loss
        // rises after an early minimum.
        EcgDataset noise = ToyEcgData.make(150, 1 / 3.0, 0.0, 0.05, 5);
        TrainingConfig config = QUIET.withMaxEpochs(20).withPatience(2);
        int[] y = noise.targets(ToyEcgData.TASK);
        float[][] targets = TrainingLoop.column(y);
        int[] train = noise.indices(Split.TRAIN);
        EcgDataset validation = noise.subset(Split.VALIDATION);
        float[][] validationTargets = TrainingLoop.column(validation.targets(ToyEcgData.TASK));
        try (ai.djl.Model model = ai.djl.Model.newInstance("noise", ai.djl.Device.cpu())) {
            Architecture architecture = Architecture.defaultCnn(1);
            model.setBlock(architecture.toBlock());
            EcgClassifier classifier = EcgClassifier.of(model, architecture, List.of(ToyEcgData.TASK.id()));
            ai.djl.training.loss.Loss loss = new ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss("BCE", 1f, false);
            TrainingLoop.Fit fit = new TrainingLoop(config).fit(model, loss, noise.signals(), targets, train, () -> {
                float[] logits = classifier.predictLogit(validation.signals(), 0);
                return new TrainingLoop.Validation(TrainingLoop.meanLoss(loss, model.getNDManager(),
                        TrainingLoop.column(logits), validationTargets),
                        BinaryMetrics.auroc(logits, validation.targets(ToyEcgData.TASK)));
            }, "noise");
            List<Double> losses = fit.validationLoss();
            int best = fit.stopping().bestEpoch();
            assertEquals(best + 2, fit.stopping().epochs(), losses.toString());
            assertTrue(fit.stopping().epochs() < 20);
            double lowest = Collections.min(losses);
            assertEquals(losses.indexOf(lowest) + 1, best);
            assertEquals(lowest, fit.stopping().bestLoss());
            assertTrue(losses.get(losses.size() - 1) > lowest);
            // The engine's loss is the textbook formula, and only the restored best parameters (batch-norm running
            // statistics included) reproduce the lowest loss.
            float[][] logits = TrainingLoop.column(classifier.predictLogit(validation.signals(), 0));
            assertEquals(lowest, bce(logits, validationTargets), 1e-5);
            assertEquals(fit.validationAuroc().get(best - 1), fit.bestAuroc());
        }
    }

    @Test
    void theTrainerKeepsTheEpochOfLowestValidationLossAndReportsItsAuroc() {
        EcgDataset noise = ToyEcgData.make(150, 1 / 3.0, 0.0, 0.05, 5);
        TrainingConfig config = QUIET.withMaxEpochs(20).withPatience(2);
        try (TrainedTaskModel m = new TaskModelTrainer(config).train(noise, ToyEcgData.TASK)) {
            assertEquals(m.bestEpoch() + 2, m.epochsRun(), m.validationAurocHistory().toString());
            assertEquals(m.validationAurocHistory().get(m.bestEpoch() - 1), m.validationAuroc());
            assertEquals(m.validationAuroc(), validationAurocOf(m, noise), 1e-12);
        }
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndOtherSeedsDiffer() {
        TrainingConfig config = QUIET.withMaxEpochs(2).withPatience(2);
        EcgDataset small = ToyEcgData.make(100, 1 / 3.0, 0.5, 0.05, 3);
        TaskModelTrainer trainer = new TaskModelTrainer(config);
        try (TrainedTaskModel a = trainer.train(small, ToyEcgData.TASK);
                TrainedTaskModel b = trainer.train(small, ToyEcgData.TASK);
                TrainedTaskModel c = new TaskModelTrainer(config.withSeed(2)).train(small, ToyEcgData.TASK)) {
            List<float[]> wa = weights(a);
            List<float[]> wb = weights(b);
            assertEquals(wa.size(), wb.size());
            for (int i = 0; i < wa.size(); i++) {
                assertArrayEquals(wa.get(i), wb.get(i), "parameter " + i);
            }
            assertEquals(a.validationAurocHistory(), b.validationAurocHistory());
            assertEquals(a.trainingLossHistory(), b.trainingLossHistory());
            assertFalse(java.util.Arrays.equals(wa.get(0), weights(c).get(0)));
            assertEquals("ASTE-seed2", c.id());
        }
    }

    @Test
    void badConfigurationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> QUIET.withMaxEpochs(0));
        assertThrows(IllegalArgumentException.class, () -> QUIET.withBatchSize(0));
        assertThrows(IllegalArgumentException.class, () -> QUIET.withLearningRate(-1e-3));
        assertThrows(IllegalArgumentException.class, () -> QUIET.withLearningRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> QUIET.withPatience(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TaskModelTrainer(Architecture.defaultCnn(9), QUIET));
        assertTrue(e.getMessage().contains("1 output"), e.getMessage());
    }

    @Test
    void aTaskWithoutPositivesInASplitIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TaskModelTrainer(QUIET).train(EASY, DiagnosticClass.LBBB));
        assertTrue(e.getMessage().contains("TRAIN split has 0 positive"), e.getMessage());
    }
}
