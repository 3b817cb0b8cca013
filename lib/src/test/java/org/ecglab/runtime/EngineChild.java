package org.ecglab.runtime;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Child JVM for {@link EngineSetupProcessTest}: starts the engine through {@link EngineSetup#start()} as a notebook's
 * first cell does, prints the effective settings, then, on another thread (a kernel may run each cell on its own),
 * computes a convolution over a batch, its weight gradient and two large sums, reductions whose rounding can depend
 * on how many threads share them, and prints their float bits as one {@code RESULT} line.
 */
public final class EngineChild {
    private EngineChild() {
    }

    /** Runs the child; exit status 0 on success. */
    public static void main(String[] args) throws InterruptedException {
        System.out.println(EngineSetup.start());
        AtomicReference<String> result = new AtomicReference<>();
        Thread worker = new Thread(() -> result.set(resultBits()), "cell-thread");
        worker.start();
        worker.join();
        System.out.println("RESULT " + result.get());
    }

    private static String resultBits() {
        SplittableRandom random = new SplittableRandom(7);
        float[] x = new float[64 * 12 * 600];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] w = new float[16 * 12 * 7];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * 0.1);
        }
        try (NDManager manager = NDManager.newBaseManager(); GradientCollector collector =
                Engine.getInstance().newGradientCollector()) {
            NDArray input = manager.create(x, new Shape(64, 12, 600));
            NDArray weight = manager.create(w, new Shape(16, 12, 7));
            weight.setRequiresGradient(true);
            NDArray out = Conv1d.conv1d(input, weight, null, new Shape(1), new Shape(3), new Shape(1), 1)
                    .singletonOrThrow();
            collector.backward(out.square().sum());
            return "input sum " + bits(input.sum().getFloat()) + ", output sum " + bits(out.sum().getFloat())
                    + ", gradient hash " + Integer.toHexString(Arrays.hashCode(weight.getGradient().toFloatArray()));
        }
    }

    private static String bits(float value) {
        return value + " (" + Integer.toHexString(Float.floatToRawIntBits(value)) + ")";
    }
}
