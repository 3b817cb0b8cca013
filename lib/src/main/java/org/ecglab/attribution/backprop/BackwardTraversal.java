package org.ecglab.attribution.backprop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Objects;
import org.ecglab.attribution.ChunkPipeline;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.attribution.NativeRows;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.GradRecording;
import org.ecglab.nn.LayerwiseModel;
import org.ecglab.runtime.GradientSelfCheck;

/**
 * The one layer-by-layer walk of every modified backward pass. For each batch of at most
 * {@code internalBatchSize} rows it
 * <ol>
 *   <li>runs the (canonized) layers forward in inference mode, keeping every layer's input, on the rows' inputs and,
 *       when the rows have references, on the references in the same batch (as Captum's DeepLIFT does);</li>
 *   <li>starts at the logits with the {@link Start} vector of each row's target;</li>
 *   <li>walks back from the last layer to the first, each layer's {@link Rule} (from the {@link Composite}) turning
 *       the vector at its output into the one at its input.</li>
 * </ol>
 * Each batch and each layer step runs in its own native-memory scope, freed when it ends, so memory is bounded by
 * the batch size whatever the number of rows. Rows do not interact (batch norm uses its running statistics), so a
 * row's result does not depend on the batch it is in. Batches go through a {@link ChunkPipeline}: with more than one
 * intra-op thread, several are walked at once, one thread each. The pipeline runs the {@link GradientSelfCheck} before
 * the first batch, as before every gradient in the lab.
 */
public final class BackwardTraversal {
    private final Composite composite;
    private final int internalBatchSize;
    private final Start start;

    /** The vector at the logits. */
    public enum Start {
        /** 1 at the target logit, 0 elsewhere: the walk yields (modified) gradients or multipliers. */
        GRADIENT,
        /** The target logit's value at the target, 0 elsewhere: the walk yields relevances that sum to the logit. */
        LOGIT
    }

    /** Supplies the rows to walk. */
    public interface RowSource {
        /** Logit index explained for {@code row}. */
        int target(int row);

        /** Writes the {@link GradientComputer#ROW_SIZE} input values of {@code row} (lead-major) at {@code offset}. */
        void fillInput(int row, float[] dest, int offset);

        /** Whether every row has a reference input (DeepLIFT's baseline). */
        default boolean hasReferences() {
            return false;
        }

        /** Writes the reference of {@code row}, as {@link #fillInput}. */
        default void fillReference(int row, float[] dest, int offset) {
            throw new UnsupportedOperationException("rows have no references");
        }
    }

    /** Receives the result of one row. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param atInput        the vector at the input, {@link GradientComputer#ROW_SIZE} values at {@code offset}
         *                       (lead-major); only valid during the call
         * @param logit          the row's target logit
         * @param referenceLogit the reference's target logit, NaN without references
         */
        void accept(int row, float[] atInput, int offset, float logit, float referenceLogit);
    }

    /**
     * @param composite         the rules and canonizer
     * @param start             the vector at the logits
     * @param internalBatchSize rows per batch, at least 1
     */
    public BackwardTraversal(Composite composite, Start start, int internalBatchSize) {
        if (internalBatchSize < 1) {
            throw new IllegalArgumentException("internal_batch_size must be >= 1, got " + internalBatchSize);
        }
        this.composite = Objects.requireNonNull(composite, "composite");
        this.start = Objects.requireNonNull(start, "start");
        this.internalBatchSize = internalBatchSize;
    }

    /** The composite. */
    public Composite composite() {
        return composite;
    }

    /**
     * The (canonized) layers of {@code model} with the rule each gets, one line per layer.
     *
     * @param methodId named in the error if the model has no layers to walk
     */
    public List<String> plan(EcgClassifier model, String methodId) {
        LayerwiseModel layers = LayerwiseModel.of(model, methodId);
        try (NDManager call = model.manager().newSubManager()) {
            return composite.plan(composite.canonizer().apply(PropagationLayer.of(layers, call), call));
        }
    }

    /**
     * Walks {@code rows} rows from {@code source}, handing each result to {@code sink} in row order.
     *
     * @param methodId named in the error if the model was not built from an architecture
     * @throws IllegalArgumentException if the model has no layers to walk, or a rule does not fit its layer
     */
    public void run(EcgClassifier model, String methodId, int rows, RowSource source, Sink sink) {
        LayerwiseModel layerwise = LayerwiseModel.of(model, methodId);
        boolean references = source.hasReferences();
        int rowSize = GradientComputer.ROW_SIZE;
        try (NDManager call = model.manager().newSubManager()) {
            List<PropagationLayer> layers = composite.canonizer().apply(PropagationLayer.of(layerwise, call), call);
            Rule[] rules = new Rule[layers.size()];
            // Layers whose rule is their own gradient keep the graph of the forward pass, so the walk back does not
            // run them a second time (a walk then costs about one forward and one backward pass, as saliency).
            // With references the step's rows are a slice of the batch, so those walks run the layers again.
            boolean[] record = new boolean[layers.size()];
            for (int i = 0; i < rules.length; i++) {
                rules[i] = composite.ruleFor(layers, i);
                record[i] = !references && Rules.differentiatesLayer(rules[i], layers.get(i).type());
            }
            // Each row is filled while it is in the cache, then copied once into native memory.
            float[] row = new float[rowSize];
            float[] result = new float[Math.min(rows, internalBatchSize) * rowSize];
            new ChunkPipeline<Batch, Walked>((batch, first, b) -> {
                int[] targets = new int[b];
                NativeRows chunk = NativeRows.allocate(batch, references ? 2 * b : b);
                FloatBuffer input = chunk.input();
                for (int r = 0; r < b; r++) {
                    targets[r] = source.target(first + r);
                    source.fillInput(first + r, row, 0);
                    input.put(row);
                }
                for (int r = 0; references && r < b; r++) {
                    source.fillReference(first + r, row, 0);
                    input.put(row);
                }
                return new Batch(chunk.array(), targets);
            }, batch -> walk(model, layers, rules, record, batch, references), (first, b, batch, walked) -> {
                int k = model.numOutputs();
                int[] targets = batch.targets();
                NativeRows.values(walked.vectors()).get(result, 0, b * rowSize);
                for (int r = 0; r < b; r++) {
                    float ref = references ? walked.logits()[(b + r) * k + targets[r]] : Float.NaN;
                    sink.accept(first + r, result, r * rowSize, walked.logits()[r * k + targets[r]], ref);
                }
            }).run(model, call, rows, internalBatchSize);
        }
    }

    /** A batch's inputs (then, with references, its references) {@code (n, 12, 600)} and its rows' targets. */
    private record Batch(NDArray input, int[] targets) {
    }

    /** The vectors at the input of a batch's rows {@code (b, 12, 600)} and the logits of all its rows. */
    private record Walked(NDArray vectors, float[] logits) {
    }

    /** One batch's walk, forward and back, on the calling thread; its arrays belong to the batch's manager. */
    private Walked walk(EcgClassifier model, List<PropagationLayer> layers, Rule[] rules, boolean[] record,
            Batch batch, boolean references) {
        NDArray x = batch.input();
        NDManager memory = x.getManager();
        int b = batch.targets().length;
        int n = Math.toIntExact(x.getShape().get(0));
        int k = model.numOutputs();
        NDArray[] acts = new NDArray[layers.size() + 1];
        LayerStep.RecordedForward[] recorded = new LayerStep.RecordedForward[layers.size()];
        acts[0] = x;
        for (int i = 0; i < layers.size(); i++) {
            if (record[i]) {
                recorded[i] = recordedForward(layers.get(i), acts[i]);
                acts[i + 1] = recorded[i].output();
            } else {
                acts[i + 1] = layers.get(i).forward(acts[i]);
            }
        }
        float[] logits = logits(acts[layers.size()], n, k, model);
        NDArray v = startVector(memory, logits, batch.targets(), k);
        for (int i = layers.size() - 1; i >= 0; i--) {
            v = step(layers.get(i), rules[i], acts[i], acts[i + 1], recorded[i], v, b, references, memory);
            acts[i + 1].close();
        }
        return new Walked(v, logits);
    }

    /**
     * The walk's result for whole ECGs.
     *
     * @param maps            the vector at the input of each row, {@code [N][12][600]}
     * @param logits          each row's target logit as the walk computed it
     * @param referenceLogits each reference's target logit, or null without references
     */
    public record Result(float[][][] maps, float[] logits, float[] referenceLogits) {
    }

    /**
     * Walks ECG {@code i} with logit {@code targets[i]} (and reference {@code references[i]} when references are
     * given); arguments are assumed checked.
     *
     * @param references one reference per input, or null
     */
    public Result run(EcgClassifier model, String methodId, float[][][] inputs, float[][][] references,
            int[] targets) {
        int n = inputs.length;
        float[][][] maps = new float[n][EcgFormat.LEADS][EcgFormat.SAMPLES];
        float[] logits = new float[n];
        float[] referenceLogits = references == null ? null : new float[n];
        run(model, methodId, n, new RowSource() {
            @Override
            public int target(int row) {
                return targets[row];
            }

            @Override
            public void fillInput(int row, float[] dest, int offset) {
                GradientComputer.copyIn(inputs[row], dest, offset);
            }

            @Override
            public boolean hasReferences() {
                return references != null;
            }

            @Override
            public void fillReference(int row, float[] dest, int offset) {
                GradientComputer.copyIn(references[row], dest, offset);
            }
        }, (row, v, offset, logit, referenceLogit) -> {
            GradientComputer.copyOut(v, offset, maps[row]);
            logits[row] = logit;
            if (referenceLogits != null) {
                referenceLogits[row] = referenceLogit;
            }
        });
        return new Result(maps, logits, referenceLogits);
    }

    private NDArray startVector(NDManager batch, float[] logits, int[] targets, int k) {
        float[] start0 = new float[targets.length * k];
        for (int r = 0; r < targets.length; r++) {
            start0[r * k + targets[r]] = start == Start.LOGIT ? logits[r * k + targets[r]] : 1f;
        }
        return batch.create(start0, new Shape(targets.length, k));
    }

    private static float[] logits(NDArray out, int n, int k, EcgClassifier model) {
        if (out.getShape().dimension() != 2 || out.getShape().get(0) != n || out.getShape().get(1) != k) {
            throw new IllegalStateException("model " + model.id() + " returned logits of shape " + out.getShape()
                    + " for " + n + " inputs; expected (" + n + ", " + k + ")");
        }
        return out.toFloatArray();
    }

    /** Layer {@code layer} on a leaf made of {@code in}, with autograd recording. */
    private static LayerStep.RecordedForward recordedForward(PropagationLayer layer, NDArray in) {
        NDArray leaf = in.stopGradient();
        leaf.setRequiresGradient(true);
        try (GradRecording recording = GradRecording.start()) {
            return new LayerStep.RecordedForward(leaf, layer.forward(leaf));
        }
    }

    /** One layer: the step's arrays live in a scope of their own; only the result survives it. */
    private static NDArray step(PropagationLayer layer, Rule rule, NDArray in, NDArray out,
            LayerStep.RecordedForward recorded, NDArray v, int b, boolean references, NDManager batch) {
        try (NDManager scope = batch.newSubManager()) {
            // Built rather than parsed: NDIndex's string form goes through regular expressions on every call.
            NDIndex rows = new NDIndex().addSliceDim(0, b);
            NDIndex refs = new NDIndex().addSliceDim(b, in.getShape().get(0));
            LayerStep step = new LayerStep(layer, in.get(scope, rows), out.get(scope, rows),
                    references ? in.get(scope, refs) : null, references ? out.get(scope, refs) : null, recorded);
            v.attach(scope);
            NDArray result = rule.backward(step, v);
            Shape expected = step.input().getShape();
            if (!result.getShape().equals(expected)) {
                throw new IllegalArgumentException("rule " + rule + " returned shape " + result.getShape()
                        + " at the input of layer " + layer + ", expected " + expected
                        + "; the rule does not fit this layer");
            }
            result.attach(batch);
            return result;
        }
    }
}
