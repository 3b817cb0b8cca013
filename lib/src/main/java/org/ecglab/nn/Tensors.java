package org.ecglab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/** Conversions from the lab's Java arrays to DJL NDArrays. */
public final class Tensors {
    private Tensors() {
    }

    /** Records {@code [start, end)} of {@code signals} as a float32 array of shape {@code (end-start, leads, samples)}. */
    public static NDArray signals(NDManager manager, float[][][] signals, int start, int end) {
        return signals(manager, signals, IntStream.range(start, end).toArray(), 0, end - start);
    }

    /**
     * Records {@code order[from..to)} of {@code signals}, in that order, as a float32 array of shape
     * {@code (to-from, leads, samples)}; used to build shuffled mini-batches.
     */
    public static NDArray signals(NDManager manager, float[][][] signals, int[] order, int from, int to) {
        int leads = signals[order[from]].length;
        int samples = signals[order[from]][0].length;
        // Written straight into an array the engine allocates and frees when the manager closes. A direct ByteBuffer
        // of our own would be freed only when the garbage collector finds it: one batch's worth per training step
        // (0.9 MB at batch 32) piled up between collections, up to the JVM's direct-memory limit (issue 15).
        NDArray x = manager.create(new Shape(to - from, leads, samples), DataType.FLOAT32);
        try {
            FloatBuffer floats = x.toByteBuffer(true).asFloatBuffer();
            for (int k = from; k < to; k++) {
                for (int l = 0; l < leads; l++) {
                    float[] lead = signals[order[k]][l];
                    if (lead.length != samples) {
                        throw new IllegalArgumentException("record " + order[k] + ", lead " + l + " has "
                                + lead.length + " samples, expected " + samples);
                    }
                    floats.put(lead);
                }
            }
            return x;
        } catch (RuntimeException e) {
            x.close();
            throw e;
        }
    }
}
