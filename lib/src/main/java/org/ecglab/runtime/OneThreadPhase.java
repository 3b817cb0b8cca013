package org.ecglab.runtime;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Runs a phase with one intra-op thread on the calling thread when it has more, and gives the threads back after it.
 *
 * <p>Two uses. Training: with two threads, every kernel of a training step of the default CNN at batch 32 lost as
 * much to waking the second thread as the thread saved, or more: under {@code OMP_WAIT_POLICY=PASSIVE} each of a
 * step's hundreds of short kernels wakes it and puts it back to sleep (issue 15: the backward pass took 6.5 ms with
 * one thread or two). So a training epoch computes on one thread and gives the other cores independent work instead
 * ({@code TrainingSteps}); its weights are then the same bits whatever the thread count. The gradient self-check:
 * oneDNN's faulty kernels give wrong gradients every time on one thread, but only most of the time on two
 * ({@link GradientSelfCheck}).
 *
 * <p>{@code set_num_threads} also sets the process-wide default that threads take on their first operation; it is
 * restored with the calling thread's count.
 */
public final class OneThreadPhase {
    private OneThreadPhase() {
    }

    /** The value of {@code phase}, computed with one intra-op thread. */
    public static <T> T run(Supplier<T> phase) {
        int threads = JniUtils.getNumThreads();
        if (threads <= 1) {
            return phase.get();
        }
        JniUtils.setNumThreads(1);
        try {
            return phase.get();
        } finally {
            JniUtils.setNumThreads(threads);
        }
    }
}
