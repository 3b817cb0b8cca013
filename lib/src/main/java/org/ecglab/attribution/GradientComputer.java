package org.ecglab.attribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.ecglab.data.EcgFormat;
import org.ecglab.model.EcgClassifier;
import org.ecglab.model.GradientSelfCheck;

/**
 * Computes input gradients {@code ∂ logit[target_r] / ∂ x_r} for a stream of rows, in chunks of at most
 * {@code internalBatchSize} rows, so native memory is bounded whatever the number of rows is.
 *
 * <p>Each chunk gets a fresh input array in a sub-manager of the model's manager (gradients accumulate on a reused
 * leaf) and one gradient collector; the backward pass starts from {@code Σ_r logit[r, target_r]}, whose gradient
 * with respect to row {@code r} is that row's target-logit gradient because rows do not interact in inference mode
 * (batch norm uses running statistics). The {@link GradientSelfCheck} runs before the first chunk, so that a CPU whose
 * batched gradients are wrong for this network never yields a map.
 */
public final class GradientComputer {
    /** Default rows per forward/backward pass. */
    public static final int DEFAULT_INTERNAL_BATCH_SIZE = 16;
    /** Values in one ECG: 12 × 600. */
    public static final int ROW_SIZE = EcgFormat.LEADS * EcgFormat.SAMPLES;

    private final int internalBatchSize;

    /** Supplies the rows to differentiate. */
    public interface RowSource {
        /** Logit index to differentiate for {@code row}. */
        int target(int row);

        /** Writes the {@link #ROW_SIZE} input values of {@code row} (lead-major) into {@code dest} at {@code offset}. */
        void fill(int row, float[] dest, int offset);
    }

    /** Receives the gradient of one row. */
    public interface GradientSink {
        /**
         * @param gradient {@link #ROW_SIZE} values at {@code offset} (lead-major); only valid during the call
         * @param logit    the row's target logit
         */
        void accept(int row, float[] gradient, int offset, float logit);
    }

    /**
     * @param internalBatchSize rows per forward/backward pass, at least 1
     */
    public GradientComputer(int internalBatchSize) {
        if (internalBatchSize < 1) {
            throw new IllegalArgumentException("internal_batch_size must be >= 1, got " + internalBatchSize);
        }
        this.internalBatchSize = internalBatchSize;
    }

    /** Rows per forward/backward pass. */
    public int internalBatchSize() {
        return internalBatchSize;
    }

    /**
     * Gradients of logit {@code targets[i]} with respect to {@code inputs[i]}; arguments are assumed checked
     * ({@link AttributionInputs#check}).
     *
     * @return {@code [N][12][600]}
     */
    public float[][][] gradients(EcgClassifier model, float[][][] inputs, int[] targets) {
        float[][][] out = new float[inputs.length][EcgFormat.LEADS][EcgFormat.SAMPLES];
        compute(model, inputs.length, new RowSource() {
            @Override
            public int target(int row) {
                return targets[row];
            }

            @Override
            public void fill(int row, float[] dest, int offset) {
                copyIn(inputs[row], dest, offset);
            }
        }, (row, g, offset, logit) -> copyOut(g, offset, out[row]));
        return out;
    }

    /** Differentiates {@code rows} rows from {@code source}, handing each gradient to {@code sink} in row order. */
    public void compute(EcgClassifier model, int rows, RowSource source, GradientSink sink) {
        GradientSelfCheck.ensure(model.block());
        int k = model.numOutputs();
        float[] fullBuffer = new float[Math.min(rows, internalBatchSize) * ROW_SIZE];
        for (int start = 0; start < rows; start += internalBatchSize) {
            int b = Math.min(rows, start + internalBatchSize) - start;
            float[] buffer = b * ROW_SIZE == fullBuffer.length ? fullBuffer : new float[b * ROW_SIZE];
            float[] selector = new float[b * k];
            for (int r = 0; r < b; r++) {
                source.fill(start + r, buffer, r * ROW_SIZE);
                selector[r * k + source.target(start + r)] = 1f;
            }
            try (NDManager m = model.manager().newSubManager()) {
                NDArray x = m.create(buffer, new Shape(b, EcgFormat.LEADS, EcgFormat.SAMPLES));
                x.setRequiresGradient(true);
                NDArray selected;
                try (GradientCollector collector = m.getEngine().newGradientCollector()) {
                    NDArray logits = model.forward(x);
                    if (logits.getShape().get(0) != b || logits.getShape().get(1) != k) {
                        throw new IllegalStateException("model " + model.id() + " returned logits of shape "
                                + logits.getShape() + " for " + b + " inputs; expected (" + b + ", " + k + ")");
                    }
                    // Multiplying by an exact 0/1 selector keeps the chosen logit bit-for-bit and its gradient exact.
                    selected = logits.mul(m.create(selector, new Shape(b, k))).sum(new int[] {1});
                    collector.backward(selected.sum());
                }
                float[] grad = x.getGradient().toFloatArray();
                float[] logit = selected.toFloatArray();
                for (int r = 0; r < b; r++) {
                    sink.accept(start + r, grad, r * ROW_SIZE, logit[r]);
                }
            }
        }
    }

    /** Target logits {@code f(x_i)[targets[i]]} without gradients. */
    public float[] targetLogits(EcgClassifier model, float[][][] inputs, int[] targets) {
        float[][] logits = model.predictLogits(inputs, internalBatchSize);
        float[] out = new float[inputs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = logits[i][targets[i]];
        }
        return out;
    }

    static void copyIn(float[][] signal, float[] dest, int offset) {
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            System.arraycopy(signal[l], 0, dest, offset + l * EcgFormat.SAMPLES, EcgFormat.SAMPLES);
        }
    }

    static void copyOut(float[] flat, int offset, float[][] dest) {
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            System.arraycopy(flat, offset + l * EcgFormat.SAMPLES, dest[l], 0, EcgFormat.SAMPLES);
        }
    }
}
