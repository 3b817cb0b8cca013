package org.ecglab.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecglab.LibraryVersion;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.attribution.ProgressListener;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.npy.Npy;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.nn.EcgClassifier;

/**
 * Attribution maps on disk, one {@code .npy} file per method × model × chunk of {@value #CHUNK} ECGs, named by a hash
 * of what determines them: the method's canonical spec, the model's weight fingerprint, the chunk's signals, the
 * explained logits, the baselines ({@link BaselinePolicy}) and the library version. The experiments ask this store for their maps, so
 * <ul>
 *   <li>a killed run resumes at the first chunk that was not finished (a chunk is written whole, through a temporary
 *       file and a rename, or not at all);</li>
 *   <li>experiments that explain the same model on the same ECGs share the work: similarity, localisation and
 *       perturbation all read the seed-1 model's maps of the same positives, self-consistency reads them too for
 *       its first seed.</li>
 * </ul>
 * With a null folder nothing is stored.
 */
public final class MapStore {
    /** ECGs per stored chunk (and per call of a method). */
    public static final int CHUNK = 16;

    private final Path dir;
    private int computed;
    private int loaded;

    /**
     * @param dir folder of the map files (created on first write), or null to keep nothing
     */
    public MapStore(Path dir) {
        this.dir = dir;
    }

    /** Receives one chunk's maps of every method. */
    @FunctionalInterface
    public interface ChunkConsumer {
        /**
         * @param from index of the chunk's first ECG in the inputs
         * @param maps per method (in the order given), {@code [ECGs in chunk][rows][600]}
         */
        void accept(int from, List<float[][][]> maps);
    }

    /**
     * Maps of every method for every ECG, chunk by chunk in input order, loaded where stored and computed (then
     * stored) where not.
     *
     * @param progress told maps done (ECGs × methods) after each method's chunk, loaded or computed
     * @throws IllegalArgumentException if there are no methods or ECGs, or the targets do not match the inputs
     */
    public void forEachChunk(List<MethodSpec> methods, EcgClassifier model, float[][][] inputs, int[] targets,
            BaselinePolicy baselines, ProgressListener progress, ChunkConsumer consumer) {
        if (methods.isEmpty() || inputs.length == 0) {
            throw new IllegalArgumentException("need at least one method and one ECG, got " + methods.size() + " and "
                    + inputs.length);
        }
        if (targets.length != inputs.length) {
            throw new IllegalArgumentException(targets.length + " targets for " + inputs.length + " ECGs");
        }
        String fingerprint = model.parameterFingerprint();
        long total = (long) inputs.length * methods.size();
        long done = 0;
        for (int from = 0; from < inputs.length; from += CHUNK) {
            int to = Math.min(inputs.length, from + CHUNK);
            float[][][] x = Arrays.copyOfRange(inputs, from, to);
            int[] t = Arrays.copyOfRange(targets, from, to);
            String chunkKey = "; model=" + fingerprint + "; inputs=" + DatasetHash.ofSignals(x) + "; targets="
                    + Arrays.toString(t) + "; library=" + LibraryVersion.get();
            List<float[][][]> maps = new ArrayList<>(methods.size());
            for (MethodSpec spec : methods) {
                maps.add(chunk(spec, model, x, t, baselines.forMethod(spec), "maps v3; method=" + spec.canonical()
                        + "; baselines=" + baselines.key(spec) + chunkKey));
                done += to - from;
                progress.progressed(done, total);
            }
            consumer.accept(from, maps);
        }
    }

    /** All maps of one method, joined in input order. */
    public float[][][] maps(MethodSpec method, EcgClassifier model, float[][][] inputs, int[] targets,
            BaselinePolicy baselines, ProgressListener progress) {
        float[][][] out = new float[inputs.length][][];
        forEachChunk(List.of(method), model, inputs, targets, baselines, progress,
                (from, maps) -> System.arraycopy(maps.get(0), 0, out, from, maps.get(0).length));
        return out;
    }

    /** Chunks computed (not loaded) by this store since it was created. */
    public int computedChunks() {
        return computed;
    }

    /** Chunks loaded from disk by this store since it was created. */
    public int loadedChunks() {
        return loaded;
    }

    private float[][][] chunk(MethodSpec spec, EcgClassifier model, float[][][] x, int[] t, Baselines baselines,
            String key) {
        Path file = dir == null ? null : dir.resolve(spec.label() + "-" + ResultCache.hash(key) + ".npy");
        if (file != null && Files.isRegularFile(file)) {
            try {
                float[][][] maps = Npy.read(file).toFloats3d();
                if (maps.length != x.length) {
                    throw new IOException("holds " + maps.length + " maps for " + x.length + " ECGs");
                }
                loaded++;
                return maps;
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot read stored maps " + file + " (" + e.getMessage()
                        + "; delete it to recompute)", e);
            }
        }
        AttributionMethod method = spec.create();
        float[][][] maps = method.attribute(model, x, t, baselines).values();
        computed++;
        if (file != null) {
            try {
                Files.createDirectories(dir);
                Npy.write(file, NpyArray.ofFloats(maps));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store maps in " + file, e);
            }
        }
        return maps;
    }

    @Override
    public String toString() {
        return "MapStore[" + (dir == null ? "not stored" : dir) + ", " + computed + " chunks computed, " + loaded
                + " loaded]";
    }

    /** The store of maps under an experiment cache folder ({@code <cacheDir>/maps}), or a non-storing one. */
    static MapStore under(Path cacheDir) {
        return new MapStore(cacheDir == null ? null : Objects.requireNonNull(cacheDir).resolve("maps"));
    }
}
