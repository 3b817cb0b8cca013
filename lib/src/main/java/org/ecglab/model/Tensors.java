package org.ecglab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Conversions between the lab's Java arrays and DJL NDArrays. */
public final class Tensors {
    private Tensors() {
    }

    /** Records {@code [start, end)} of {@code signals} as a float32 array of shape {@code (end-start, leads, samples)}. */
    public static NDArray signals(NDManager manager, float[][][] signals, int start, int end) {
        int leads = signals[start].length;
        int samples = signals[start][0].length;
        float[] flat = new float[(end - start) * leads * samples];
        int p = 0;
        for (int i = start; i < end; i++) {
            for (int l = 0; l < leads; l++) {
                System.arraycopy(signals[i][l], 0, flat, p, samples);
                p += samples;
            }
        }
        return manager.create(flat, new Shape(end - start, leads, samples));
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

    /** A {@code (N, leads, samples)} array back to {@code [N][leads][samples]}. */
    public static float[][][] toSignals(NDArray array) {
        long[] s = array.getShape().getShape();
        int n = (int) s[0];
        int leads = (int) s[1];
        int samples = (int) s[2];
        float[] flat = array.toFloatArray();
        float[][][] out = new float[n][leads][samples];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < leads; l++) {
                System.arraycopy(flat, p, out[i][l], 0, samples);
                p += samples;
            }
        }
        return out;
    }
}
