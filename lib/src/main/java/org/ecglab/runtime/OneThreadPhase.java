package org.ecglab.runtime;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Runs a phase with one intra-op thread on the calling thread when it has more, and gives the threads back after it.
 *
 * <p>Two uses. Training: with two threads, a training step of the default CNN at batch 32 lost more to waking the
 * second thread than the thread saved, except in the backward pass: the forward pass (convolutions of 12 to 64
 * channels, batch norm, ReLU, max pooling's comparisons) and Adam's per-parameter updates are short kernels, and under
 * {@code OMP_WAIT_POLICY=PASSIVE} every one of them wakes the second thread and puts it back to sleep (issue 15:
 * 250 context switches per step against PyTorch's 205). Run on one thread, those two phases made a warm step 6 to
 * 8% shorter and an early one 11 to 13%, and compute the same bits, because none of their kernels splits a sum over
 * threads; {@code TrainingLoopThreadsTest} checks that the weights stay bit-identical. The backward pass keeps every
 * thread: its convolution gradients gain from them. The gradient self-check: oneDNN's faulty kernels give wrong
 * gradients every time on one thread, but only most of the time on two ({@link GradientSelfCheck}).
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
