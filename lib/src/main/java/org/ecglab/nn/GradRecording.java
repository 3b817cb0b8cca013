package org.ecglab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Autograd recording on the calling thread, for as long as it is open: what DJL's {@code GradientCollector} does,
 * without its rule of one collector at a time in the whole JVM, so that chunks of an attribution can be differentiated
 * on several threads at once (PyTorch keeps grad mode per thread, and its backward passes on separate graphs may run
 * concurrently). Closing it restores the thread's grad mode as it was.
 */
public final class GradRecording implements AutoCloseable {
    private final boolean before;

    private GradRecording() {
        before = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    /** Starts recording on the calling thread. */
    public static GradRecording start() {
        return new GradRecording();
    }

    /** Backward from {@code output} with gradient one for each of its values, as {@code GradientCollector.backward}. */
    public static void backward(NDArray output) {
        backward(output, output.onesLike(), false);
    }

    /**
     * Backward from {@code output} with {@code v} as its incoming gradient: leaves that record gradients get
     * {@code J(leaf)ᵀ v} added, the same numbers as a backward from {@code Σ output ⊙ v} without that product and sum.
     *
     * @param keepGraph whether the graph stays for a further backward pass through shared nodes
     * @throws IllegalArgumentException if {@code v} does not have {@code output}'s shape
     */
    public static void backward(NDArray output, NDArray v, boolean keepGraph) {
        if (!output.getShape().equals(v.getShape())) {
            throw new IllegalArgumentException("vector of shape " + v.getShape() + " for an output of shape "
                    + output.getShape());
        }
        JniUtils.backward((PtNDArray) output, (PtNDArray) v, keepGraph, false);
    }

    @Override
    public void close() {
        JniUtils.setGradMode(before);
    }
}
