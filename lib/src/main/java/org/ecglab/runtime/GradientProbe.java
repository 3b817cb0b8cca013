package org.ecglab.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.Locale;
import org.ecglab.data.EcgFormat;

/**
 * Input gradients of a tiny, smooth 1-D CNN computed three ways: for {@value #ROWS} ECG-shaped rows in one batch,
 * for each row alone, and as a central finite difference along the batched gradient of row 0.
 *
 * <p>Network: conv1d 12→4 (kernel 7, padding 3), softplus, conv1d 4→3 (kernel 5, padding 2), softplus, mean over
 * time, linear 3→2; the gradient is that of logit 1. Channel counts that are not multiples of 16 are deliberate:
 * on AMD EPYC virtual machines that report no cache sizes, oneDNN's JIT backward-data convolution gives wrong
 * (sometimes NaN) input gradients for exactly such layers when a batch has more than one row, while PyTorch computes
 * a single row of this size with its own im2col kernels. Weights and inputs come from a fixed {@link
 * java.util.Random}, so the probe neither reads nor advances the engine's random state.
 */
public final class GradientProbe {
    static final int ROWS = 7;
    /** Largest relative L2 difference between batched and per-row gradients that counts as agreement. */
    static final double BATCH_TOLERANCE = 1e-4;
    /** Largest relative difference between the directional derivative and its finite difference. */
    static final double FINITE_DIFFERENCE_TOLERANCE = 1e-2;
    private static final float STEP = 0.05f;
    private static final int TARGET = 1;

    /**
     * What the probe measured.
     *
     * @param batchedVsRowwise relative L2 difference ‖g_batch − g_row‖ / ‖g_row‖ over all rows
     * @param finiteDifference |(f(x+εv) − f(x−εv))/2ε − ‖g‖| / ‖g‖ for row 0 with v = g/‖g‖, g its batched gradient
     * @param nonFinite        NaN or infinite values among the batched gradients
     */
    public record Result(double batchedVsRowwise, double finiteDifference, int nonFinite) {
        /** Whether the gradients agree within both tolerances and none is NaN or infinite. */
        public boolean agrees() {
            return nonFinite == 0 && batchedVsRowwise <= BATCH_TOLERANCE
                    && finiteDifference <= FINITE_DIFFERENCE_TOLERANCE;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "batched vs per-row %.2e (limit %.0e), finite difference %.2e (limit %.0e), %d NaN/infinite",
                    batchedVsRowwise, BATCH_TOLERANCE, finiteDifference, FINITE_DIFFERENCE_TOLERANCE, nonFinite);
        }
    }

    private final float[] w1 = ModelGradientCheck.gaussian(4 * 12 * 7, 1 / Math.sqrt(12 * 7), 1);
    private final float[] b1 = ModelGradientCheck.gaussian(4, 0.1, 2);
    private final float[] w2 = ModelGradientCheck.gaussian(3 * 4 * 5, 1 / Math.sqrt(4 * 5), 3);
    private final float[] b2 = ModelGradientCheck.gaussian(3, 0.1, 4);
    private final float[] w3 = ModelGradientCheck.gaussian(2 * 3, 1, 5);
    private final float[] b3 = ModelGradientCheck.gaussian(2, 0.1, 6);
    private final float[] inputs = ModelGradientCheck.gaussian(ROWS * rowSize(), 1, 7);

    /** Runs the probe on the PyTorch engine. */
    static Result run() {
        return new GradientProbe().measure();
    }

    Result measure() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            int size = rowSize();
            float[] batched = gradient(m, inputs, ROWS);
            float[] rowwise = new float[batched.length];
            for (int r = 0; r < ROWS; r++) {
                float[] row = Arrays.copyOfRange(inputs, r * size, (r + 1) * size);
                System.arraycopy(gradient(m, row, 1), 0, rowwise, r * size, size);
            }
            int nonFinite = 0;
            for (float g : batched) {
                nonFinite += Float.isFinite(g) ? 0 : 1;
            }
            return new Result(ModelGradientCheck.relativeL2(batched, rowwise), finiteDifference(m, batched), nonFinite);
        }
    }

    /** Relative error of the finite difference along row 0's batched gradient; infinite when that is not finite. */
    private double finiteDifference(NDManager m, float[] batched) {
        int size = rowSize();
        double norm = 0;
        for (int i = 0; i < size; i++) {
            norm += (double) batched[i] * batched[i];
        }
        norm = Math.sqrt(norm);
        if (!Double.isFinite(norm) || norm == 0) {
            return Double.POSITIVE_INFINITY;
        }
        float[] plus = new float[size];
        float[] minus = new float[size];
        for (int i = 0; i < size; i++) {
            float step = (float) (STEP * batched[i] / norm);
            plus[i] = inputs[i] + step;
            minus[i] = inputs[i] - step;
        }
        double slope = ((double) logit(m, plus) - logit(m, minus)) / (2 * STEP);
        return Math.abs(slope - norm) / norm;
    }

    private float[] gradient(NDManager parent, float[] rows, int n) {
        try (NDManager m = parent.newSubManager()) {
            NDArray x = m.create(rows, new Shape(n, EcgFormat.LEADS, EcgFormat.SAMPLES));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                collector.backward(forward(m, x).get(":, " + TARGET).sum());
            }
            return x.getGradient().toFloatArray();
        }
    }

    private float logit(NDManager parent, float[] row) {
        try (NDManager m = parent.newSubManager()) {
            NDArray x = m.create(row, new Shape(1, EcgFormat.LEADS, EcgFormat.SAMPLES));
            return forward(m, x).getFloat(0, TARGET);
        }
    }

    private NDArray forward(NDManager m, NDArray x) {
        NDArray h = Conv1d.conv1d(x, m.create(w1, new Shape(4, 12, 7)), m.create(b1), new Shape(1), new Shape(3),
                new Shape(1), 1).singletonOrThrow();
        h = Activation.softPlus(h);
        h = Conv1d.conv1d(h, m.create(w2, new Shape(3, 4, 5)), m.create(b2), new Shape(1), new Shape(2),
                new Shape(1), 1).singletonOrThrow();
        h = Activation.softPlus(h).mean(new int[] {2});
        return Linear.linear(h, m.create(w3, new Shape(2, 3)), m.create(b3)).singletonOrThrow();
    }

    private static int rowSize() {
        return EcgFormat.LEADS * EcgFormat.SAMPLES;
    }

}
