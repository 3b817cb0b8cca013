package org.ecglab.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.nn.EcgClassifier;

/**
 * Runs attribution methods over many ECGs in chunks of {@code ecgsPerChunk}: each chunk is explained by every
 * method, handed on, and reported to a {@link ProgressListener} before the next one starts. Only one chunk's maps
 * are held at a time when the chunks are consumed as they come ({@link #forEachChunk}); {@link #run} joins them into
 * one {@link Attribution}. Methods still batch internally within a chunk (their {@code internal_batch_size}); the
 * chunks exist so that memory stays bounded and progress can be shown.
 *
 * <p>For deterministic methods the joined result equals one call over all ECGs. A method that samples with a seed
 * restarts its random stream with every call, so its maps depend on the chunk size; the joined result carries the
 * draws every chunk made, joined along the ECG axis, so a reference still reproduces each map from its own draws.
 */
public final class AttributionRunner {
    /** ECGs per chunk unless the caller chooses otherwise. */
    public static final int DEFAULT_ECGS_PER_CHUNK = 16;

    private final int ecgsPerChunk;
    private final ProgressListener progress;

    /**
     * @param ecgsPerChunk ECGs per call of a method, at least 1
     * @param progress     told the number of maps done after each chunk of each method
     * @throws IllegalArgumentException if {@code ecgsPerChunk < 1}
     */
    public AttributionRunner(int ecgsPerChunk, ProgressListener progress) {
        if (ecgsPerChunk < 1) {
            throw new IllegalArgumentException("ECGs per chunk must be >= 1, got " + ecgsPerChunk);
        }
        this.ecgsPerChunk = ecgsPerChunk;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Receives the maps of one chunk. */
    @FunctionalInterface
    public interface ChunkConsumer {
        /**
         * @param from index of the chunk's first ECG in the inputs
         * @param maps one attribution per method, in the order given, each over the chunk's ECGs
         */
        void accept(int from, List<Attribution> maps);
    }

    /** ECGs per chunk. */
    public int ecgsPerChunk() {
        return ecgsPerChunk;
    }

    /**
     * Explains every chunk of {@code inputs} with every method and hands each chunk's maps to {@code consumer}, in
     * input order.
     *
     * @param inputs    {@code [N][12][600]}, {@code N >= 1}
     * @param targets   one logit index per ECG
     * @param baselines for all inputs; per-input rows are sliced with the chunks
     * @throws IllegalArgumentException if there are no inputs or methods, the counts differ, or a method rejects its
     *                                  arguments
     */
    public void forEachChunk(List<AttributionMethod> methods, EcgClassifier model, float[][][] inputs, int[] targets,
            Baselines baselines, ChunkConsumer consumer) {
        forEachChunk(methods, model, inputs.length, (from, to) -> Arrays.copyOfRange(inputs, from, to), targets,
                baselines, consumer);
    }

    /** Reads the inputs of a range of ECGs, e.g. from a memory-mapped dataset. */
    @FunctionalInterface
    public interface Inputs {
        /** ECGs {@code [from, to)} as {@code [to - from][12][600]}. */
        float[][][] read(int from, int to);
    }

    /**
     * As {@link #forEachChunk(List, EcgClassifier, float[][][], int[], Baselines, ChunkConsumer)}, reading each
     * chunk's inputs only when it is explained, so that memory holds one chunk of inputs and maps whatever
     * {@code count} is (a million ECGs stream from a mapped dataset to a file).
     *
     * @param count  number of ECGs, {@code >= 1}
     * @param inputs reads the ECGs of a chunk
     */
    public void forEachChunk(List<AttributionMethod> methods, EcgClassifier model, int count, Inputs inputs,
            int[] targets, Baselines baselines, ChunkConsumer consumer) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("no attribution methods to run");
        }
        if (count == 0) {
            throw new IllegalArgumentException("no ECGs to explain");
        }
        if (targets.length != count) {
            throw new IllegalArgumentException(targets.length + " targets for " + count + " ECGs");
        }
        long total = (long) count * methods.size();
        long done = 0;
        for (int from = 0; from < count; from += ecgsPerChunk) {
            int to = Math.min(count, from + ecgsPerChunk);
            float[][][] x = inputs.read(from, to);
            int[] t = Arrays.copyOfRange(targets, from, to);
            List<Attribution> maps = new ArrayList<>(methods.size());
            Baselines b = baselines.slice(from, to);
            for (AttributionMethod m : methods) {
                maps.add(m.attribute(model, x, t, b));
                done += to - from;
                progress.progressed(done, total);
            }
            consumer.accept(from, maps);
        }
    }

    /**
     * One method over all inputs, the chunks' maps (and convergence deltas) joined in input order.
     *
     * @throws IllegalArgumentException as {@link #forEachChunk}
     */
    public Attribution run(AttributionMethod method, EcgClassifier model, float[][][] inputs, int[] targets,
            Baselines baselines) {
        int n = inputs.length;
        float[][][] values = new float[n][][];
        double[][] delta = {null};
        List<Attribution> parts = new ArrayList<>();
        forEachChunk(List.of(method), model, inputs, targets, baselines, (from, maps) -> {
            Attribution part = maps.get(0);
            System.arraycopy(part.values(), 0, values, from, part.size());
            if (part.convergenceDelta() != null) {
                delta[0] = delta[0] == null ? new double[n] : delta[0];
                System.arraycopy(part.convergenceDelta(), 0, delta[0], from, part.size());
            }
            parts.add(part);
        });
        Attribution first = parts.get(0);
        // The baselines the method computed against: a method that ignores them reports zero, and so does the join.
        Baselines used = first.baselines().kind().equals(Baselines.zero().kind()) ? Baselines.zero() : baselines;
        Attribution.Builder joined = Attribution.of(method, model, inputs, values).baselines(used)
                .signed(first.signed()).seed(first.seed()).convergenceDelta(delta[0]);
        for (String name : first.samples().keySet()) {
            joined.sample(name, NpyArray.concatenate(parts.stream().map(p -> p.samples().get(name)).toList()));
        }
        return joined.build();
    }

    @Override
    public String toString() {
        return "AttributionRunner[" + ecgsPerChunk + " ECGs per chunk]";
    }
}
