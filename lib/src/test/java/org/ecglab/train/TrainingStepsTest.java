package org.ecglab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.Tensors;
import org.ecglab.runtime.EngineSetup;
import org.ecglab.runtime.EngineWorkers;
import org.junit.jupiter.api.Test;

/**
 * The training steps compute what DJL's trainer computes, bit for bit; with two intra-op threads they compute the
 * bits of one; a failing batch leaves nothing running and no array behind; Adam's first update has its closed form.
 */
class TrainingStepsTest {
    private static final EcgDataset DATA = ToyEcgData.make(96, 1 / 3.0, 0.5, 0.05, 3);
    private static final float[][] TARGETS = TrainingLoop.column(DATA.targets(ToyEcgData.TASK));

    @Test
    void stepsComputeTheWeightsOfDjlsTrainerForwardBackwardAndStep() throws Exception {
        EngineSetup.start();
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        try {
            assertEquals(trainedWeights(true, DATA.signals()), trainedWeights(false, DATA.signals()),
                    "SHA-256 of the weights after two epochs: steps against DJL's Trainer.forward/backward/step");
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    @Test
    void twoThreadsTrainTheBitsOfOneAndGiveTheThreadsBack() throws Exception {
        EngineSetup.start();
        int before = JniUtils.getNumThreads();
        try {
            JniUtils.setNumThreads(1);
            String one = trainedWeights(true, DATA.signals());
            JniUtils.setNumThreads(2);
            assertNotNull(EngineWorkers.forCallingThread(), "two threads: the side work runs on engine workers");
            String two = trainedWeights(true, DATA.signals());
            assertEquals(2, JniUtils.getNumThreads(), "the calling thread's threads are given back");
            assertEquals(one, two, "SHA-256 of the weights after two epochs at one and at two threads");
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    @Test
    void aBadRecordStopsTheEpochWithItsErrorAndLeavesNoArrayBehind() throws Exception {
        EngineSetup.start();
        int[] train = DATA.indices(Split.TRAIN);
        int bad = train[40]; // in the second batch of 32: prepared while the first one is computed
        float[][][] signals = DATA.signals().clone();
        signals[bad] = signals[bad].clone();
        signals[bad][5] = new float[599];
        assertFailsCleanly(signals, TARGETS, train, "record " + bad);
        // A target row of the wrong length fails after the batch's input is in the engine.
        float[][] targets = TARGETS.clone();
        targets[bad] = new float[] {0f, 1f};
        assertFailsCleanly(DATA.signals(), targets, train, "targets of record " + bad + " have 2 values");
    }

    /** An epoch over {@code train} fails naming {@code expected}, with one and two threads, and frees its arrays. */
    private static void assertFailsCleanly(float[][][] signals, float[][] targets, int[] train, String expected) {
        int before = JniUtils.getNumThreads();
        try {
            for (int threads : new int[] {1, 2}) {
                JniUtils.setNumThreads(threads);
                try (Model model = Model.newInstance("bad", Device.cpu())) {
                    model.setBlock(Architecture.defaultCnn(1).toBlock());
                    TrainingLoop loop = new TrainingLoop(TrainingConfig.defaults().withShowProgress(false));
                    try (Trainer trainer = model.newTrainer(loop.trainingConfig(loss()))) {
                        TrainingLoop.initialize(trainer, 1);
                        try (TrainingSteps steps = loop.steps(trainer)) {
                            int arrays = trainer.getManager().getManagedArrays().size();
                            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                                    () -> steps.epoch(signals, targets, train.clone()));
                            assertTrue(e.getMessage().contains(expected), e.getMessage());
                            assertEquals(arrays, trainer.getManager().getManagedArrays().size(),
                                    "arrays in the trainer's manager before and after the failed epoch, " + threads
                                            + " thread(s)");
                            assertEquals(threads, JniUtils.getNumThreads());
                        }
                    }
                }
            }
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    @Test
    void adamsFirstUpdateHasItsClosedForm() {
        EngineSetup.start();
        try (NDManager m = NDManager.newBaseManager()) {
            float[] w0 = {0.5f, -1f, 2f};
            float[] g = {0.2f, -3f, 1e-3f};
            NDArray w = m.create(w0);
            w.setRequiresGradient(true);
            try (GradientCollector c = m.getEngine().newGradientCollector()) {
                c.backward(w.mul(m.create(g)).sum()); // dL/dw = g
            }
            try (AdamState adam = new AdamState(List.of(w), 1e-3f)) {
                float rate = adam.nextStep();
                // t = 1: eta * sqrt(1 - beta2) / (1 - beta1), with DJL's float constants widened to double
                assertEquals((float) (1e-3f * Math.sqrt(1 - (double) 0.999f) / (1 - (double) 0.9f)), rate);
                adam.update(0, rate);
            }
            float[] w1 = w.toFloatArray();
            for (int i = 0; i < g.length; i++) {
                double mean = 0.1 * g[i];
                double variance = 0.001 * g[i] * g[i];
                double expected = w0[i] - 1e-3 * Math.sqrt(0.001) / 0.1 * mean / (Math.sqrt(variance) + 1e-8);
                assertEquals(expected, w1[i], 1e-6, "w[" + i + "]");
            }
            assertEquals(0f, w.getGradient().abs().sum().getFloat(), "the gradient is zeroed after the update");
        }
    }

    private static SigmoidBinaryCrossEntropyLoss loss() {
        return new SigmoidBinaryCrossEntropyLoss("BCE", 1f, false);
    }

    /** SHA-256 of the default CNN's parameters after two epochs on toy data, seed 1. */
    private static String trainedWeights(boolean steps, float[][][] signals) throws Exception {
        int[] train = DATA.indices(Split.TRAIN);
        TrainingLoop loop = new TrainingLoop(TrainingConfig.defaults().withShowProgress(false));
        try (Model model = Model.newInstance("steps", Device.cpu())) {
            model.setBlock(Architecture.defaultCnn(1).toBlock());
            try (Trainer trainer = model.newTrainer(loop.trainingConfig(loss()))) {
                TrainingLoop.initialize(trainer, 1);
                int[] order = train.clone();
                SplittableRandom random = new SplittableRandom(1);
                try (TrainingSteps s = loop.steps(trainer)) {
                    for (int epoch = 0; epoch < 2; epoch++) {
                        TrainingLoop.shuffle(order, random);
                        if (steps) {
                            s.epoch(signals, TARGETS, order);
                        } else {
                            djlEpoch(trainer, signals, order);
                        }
                    }
                }
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (var p : model.getBlock().getParameters()) {
                sha.update(p.getValue().getArray().toByteArray());
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    /** The lab's epoch before TrainingSteps: DJL's own forward, gradient collector and optimiser step. */
    private static void djlEpoch(Trainer trainer, float[][][] signals, int[] order) {
        int batch = TrainingConfig.defaults().batchSize();
        for (int from = 0; from < order.length; from += batch) {
            int to = Math.min(order.length, from + batch);
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray x = Tensors.signals(m, signals, order, from, to);
                float[] flat = new float[to - from];
                for (int r = from; r < to; r++) {
                    flat[r - from] = TARGETS[order[r]][0];
                }
                NDArray labels = m.create(flat, new Shape(to - from, 1));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray l = trainer.getLoss().evaluate(new NDList(labels),
                            new NDList(trainer.forward(new NDList(x)).singletonOrThrow()));
                    collector.backward(l);
                    l.getFloat();
                }
                trainer.step();
            }
        }
    }
}
