package org.ecglab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
        float[] flat = new float[(to - from) * leads * samples];
        int p = 0;
        for (int k = from; k < to; k++) {
            for (int l = 0; l < leads; l++) {
                System.arraycopy(signals[order[k]][l], 0, flat, p, samples);
                p += samples;
            }
        }
        return manager.create(flat, new Shape(to - from, leads, samples));
    }
}
