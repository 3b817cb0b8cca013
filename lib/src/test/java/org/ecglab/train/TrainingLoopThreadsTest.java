package org.ecglab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.Trainer;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.nn.Architecture;
import org.ecglab.runtime.EngineSetup;
import org.junit.jupiter.api.Test;

/**
 * Running the forward pass and the optimiser's step on one intra-op thread ({@code OneThreadPhase}) is a speed
 * setting: with two threads, the default CNN's weights after training are bit-identical with and without it, and it
 * gives the threads back.
 */
class TrainingLoopThreadsTest {
    @Test
    void forwardAndStepOnOneThreadLeaveTwoThreadTrainingBitIdentical() throws Exception {
        EngineSetup.start();
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(2);
        try {
            String reference = trainedWeights(false);
            assertEquals(2, JniUtils.getNumThreads());
            String phased = trainedWeights(true);
            assertEquals(2, JniUtils.getNumThreads(), "the threads are given back after each phase");
            assertEquals(reference, phased, "SHA-256 of the weights after two epochs at two threads");
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    /** SHA-256 of the default CNN's parameters after two epochs on toy data, seed 1. */
    private static String trainedWeights(boolean oneThreadPhases) throws Exception {
        EcgDataset data = ToyEcgData.make(96, 1 / 3.0, 0.5, 0.05, 3);
        int[] train = data.indices(Split.TRAIN);
        float[][] targets = TrainingLoop.column(data.targets(ToyEcgData.TASK));
        TrainingLoop loop = new TrainingLoop(TrainingConfig.defaults().withShowProgress(false), oneThreadPhases);
        try (Model model = Model.newInstance("threads", Device.cpu())) {
            model.setBlock(Architecture.defaultCnn(1).toBlock());
            try (Trainer trainer = model.newTrainer(
                    loop.trainingConfig(new SigmoidBinaryCrossEntropyLoss("BCE", 1f, false)))) {
                TrainingLoop.initialize(trainer, 1);
                int[] order = train.clone();
                SplittableRandom random = new SplittableRandom(1);
                for (int epoch = 0; epoch < 2; epoch++) {
                    TrainingLoop.shuffle(order, random);
                    loop.epoch(trainer, data.signals(), targets, order);
                }
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (var p : model.getBlock().getParameters()) {
                sha.update(p.getValue().getArray().toByteArray());
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
