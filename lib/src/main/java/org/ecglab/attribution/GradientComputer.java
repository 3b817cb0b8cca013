package org.ecglab.attribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.function.IntUnaryOperator;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.GradRecording;
import org.ecglab.runtime.GradientSelfCheck;

/**
 * Computes input gradients {@code ∂ logit[target_r] / ∂ x_r} for a stream of rows, in chunks of at most
 * {@code internalBatchSize} rows, so native memory is bounded whatever the number of rows is.
 *
 * <p>Each chunk gets a fresh input array in a sub-manager of the model's manager (gradients accumulate on a reused
 * leaf) and records its own graph; the backward pass starts from {@code Σ_r logit[r, target_r]}, whose gradient
 * with respect to row {@code r} is that row's target-logit gradient because rows do not interact in inference mode
 * (batch norm uses running statistics). Chunks go through a {@link ChunkPipeline}: with more than one intra-op thread,
 * several are differentiated at once, one thread each. The {@link GradientSelfCheck} runs before the first chunk, so
 * that a CPU whose batched gradients are wrong for this network never yields a map.
 */
public final class GradientComputer {
    /**
     * Default rows per forward/backward pass, chosen by the pass-cost benchmark: a pass has a fixed cost per call (the
     * engine's calls for each layer, and with two threads one wake-up of the second thread per operation), so the
     * cost per ECG falls with the batch (the gradients alone, on our two cores: with two threads 412 µs at 16, 167 at
     * 128, 157 at 256; with one, 294, 244 and 242), while memory grows by about 1 MB per row (150 MB more at 128 than
     * at 16). 256 is faster with two threads only; with one, each method measured was 3 to 10% slower than at 128.
     * Since chunks run side by side on engine workers with two threads ({@link ChunkPipeline}), the gradients alone
     * took 134, 132 and 124 µs per ECG at 64, 128 and 256: 256 is still a little faster with two threads and slower
     * with one, so 128 stays. README, "One pass".
     */
    public static final int DEFAULT_INTERNAL_BATCH_SIZE = 128;
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

    /** The {@code internal_batch_size} parameter every gradient-based method declares (Captum's name). */
    public static Param<Integer> internalBatchSizeParam() {
        return Param.integer("internal_batch_size", DEFAULT_INTERNAL_BATCH_SIZE, 1,
                "inputs per forward/backward pass; bounds memory, changes results only at float rounding level");
    }

    /** Rows per forward/backward pass. */
    public int internalBatchSize() {
        return internalBatchSize;
    }

    /**
     * Turns a chunk's input gradient {@code (b, 12, 600)} into its maps natively, e.g. {@code |g|} or {@code g ⊙ x}.
     */
    @FunctionalInterface
    public interface ChunkMap {
        /** The maps of a chunk from its input gradient and its inputs, both {@code (b, 12, 600)}. */
        NDArray apply(NDArray gradient, NDArray input);
    }

    /**
     * Gradients of logit {@code targets[i]} with respect to {@code inputs[i]}; arguments are assumed checked
     * ({@link AttributionInputs#check}).
     *
     * @return {@code [N][12][600]}
     */
    public float[][][] gradients(EcgClassifier model, float[][][] inputs, int[] targets) {
        return gradients(model, inputs, targets, (gradient, input) -> gradient);
    }

    /**
     * {@code map(∂ logit[targets[i]] / ∂ x_i, x_i)} for each input, computed by the engine chunk by chunk, so that
     * one map per ECG crosses back into Java; arguments are assumed checked ({@link AttributionInputs#check}).
     *
     * @return {@code [N][12][600]}
     */
    public float[][][] gradients(EcgClassifier model, float[][][] inputs, int[] targets, ChunkMap map) {
        float[][][] out = new float[inputs.length][EcgFormat.LEADS][EcgFormat.SAMPLES];
        run(model, inputs.length, (row, dest) -> {
            for (float[] lead : inputs[row]) {
                dest.put(lead);
            }
        }, row -> targets[row], map, (start, b, values, logits) -> {
            for (int r = 0; r < b; r++) {
                for (float[] lead : out[start + r]) {
                    values.get(lead);
                }
            }
        });
        return out;
    }

    /** Differentiates {@code rows} rows from {@code source}, handing each gradient to {@code sink} in row order. */
    public void compute(EcgClassifier model, int rows, RowSource source, GradientSink sink) {
        float[] row = new float[ROW_SIZE];
        float[] chunk = new float[Math.min(rows, internalBatchSize) * ROW_SIZE];
        run(model, rows, (r, dest) -> {
            // Filled while it is in the cache, then copied once into native memory.
            source.fill(r, row, 0);
            dest.put(row);
        }, source::target, (gradient, input) -> gradient, (start, b, values, logits) -> {
            values.get(chunk, 0, b * ROW_SIZE);
            for (int r = 0; r < b; r++) {
                sink.accept(start + r, chunk, r * ROW_SIZE, logits[r]);
            }
        });
    }

    /** Writes the {@link #ROW_SIZE} lead-major input values of one row at the buffer's position. */
    private interface RowWriter {
        void write(int row, FloatBuffer dest);
    }

    /** Reads a chunk's maps, {@code b} rows of {@link #ROW_SIZE} values from the buffer's position, in row order. */
    private interface ChunkReader {
        void read(int start, int b, FloatBuffer values, float[] logits);
    }

    private void run(EcgClassifier model, int rows, RowWriter writer, IntUnaryOperator target, ChunkMap map,
            ChunkReader reader) {
        new ChunkPipeline<Chunk, Pass>((m, start, b) -> {
            int[] targets = new int[b];
            NativeRows chunk = NativeRows.allocate(m, b);
            for (int r = 0; r < b; r++) {
                writer.write(start + r, chunk.input());
                targets[r] = target.applyAsInt(start + r);
            }
            return new Chunk(chunk.array(), targets);
        }, chunk -> pass(model, chunk, map),
                (start, b, chunk, pass) -> reader.read(start, b, NativeRows.values(pass.maps()), pass.logits()))
                .run(model, model.manager(), rows, internalBatchSize);
    }

    /** A chunk's input {@code (b, 12, 600)} and its rows' target logits. */
    private record Chunk(NDArray input, int[] targets) {
    }

    /** A chunk's maps {@code (b, 12, 600)}, in its manager, and its rows' target logits. */
    private record Pass(NDArray maps, float[] logits) {
    }

    /** One forward and backward pass of a chunk on the calling thread, then its maps, all in the chunk's manager. */
    private static Pass pass(EcgClassifier model, Chunk chunk, ChunkMap map) {
        NDArray x = chunk.input();
        x.setRequiresGradient(true);
        NDArray selected;
        try (GradRecording recording = GradRecording.start()) {
            selected = selectedLogits(model, model.forward(x), chunk.targets());
            GradRecording.backward(selected.sum());
        }
        // One map per row crosses back, read from the engine's memory.
        return new Pass(map.apply(x.getGradient(), x), selected.toFloatArray());
    }

    /**
     * Row {@code r}'s logit {@code targets[r]} of {@code logits} {@code (b, outputs)}, as a differentiable array
     * {@code (b)}: the backward pass of its sum gives each row the gradient of its own target logit, because rows do not
     * interact in inference mode (batch norm uses running statistics).
     *
     * @throws IllegalStateException if {@code logits} is not {@code (targets.length, model.numOutputs())}
     */
    public static NDArray selectedLogits(EcgClassifier model, NDArray logits, int[] targets) {
        int b = targets.length;
        int k = model.numOutputs();
        if (logits.getShape().dimension() != 2 || logits.getShape().get(0) != b || logits.getShape().get(1) != k) {
            throw new IllegalStateException("model " + model.id() + " returned logits of shape " + logits.getShape()
                    + " for " + b + " inputs; expected (" + b + ", " + k + ")");
        }
        float[] selector = new float[b * k];
        for (int r = 0; r < b; r++) {
            selector[r * k + targets[r]] = 1f;
        }
        // Multiplying by an exact 0/1 selector keeps the chosen logit bit-for-bit and its gradient exact.
        return logits.mul(logits.getManager().create(selector, new Shape(b, k))).sum(new int[] {1});
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

    /**
     * Per-ECG accumulators of {@link #ROW_SIZE} values (lead-major) as maps {@code [N][12][600]}, each value times
     * {@code factor}, rounded to float32: how a method that sums in double over many gradients hands back its maps.
     */
    public static float[][][] toMaps(double[][] rows, double factor) {
        float[][][] out = new float[rows.length][EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int i = 0; i < rows.length; i++) {
            for (int l = 0; l < EcgFormat.LEADS; l++) {
                for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                    out[i][l][t] = (float) (rows[i][l * EcgFormat.SAMPLES + t] * factor);
                }
            }
        }
        return out;
    }

    /** Writes one ECG {@code [12][600]} lead-major into {@code dest} at {@code offset}. */
    public static void copyIn(float[][] signal, float[] dest, int offset) {
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            System.arraycopy(signal[l], 0, dest, offset + l * EcgFormat.SAMPLES, EcgFormat.SAMPLES);
        }
    }

    /** Reads one ECG's {@link #ROW_SIZE} lead-major values at {@code offset} into {@code dest} {@code [12][600]}. */
    public static void copyOut(float[] flat, int offset, float[][] dest) {
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            System.arraycopy(flat, offset + l * EcgFormat.SAMPLES, dest[l], 0, EcgFormat.SAMPLES);
        }
    }
}
