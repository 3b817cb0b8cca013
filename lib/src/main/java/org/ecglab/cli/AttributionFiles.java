package org.ecglab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.io.AtomicBatch;
import org.ecglab.data.io.AtomicFiles;
import org.ecglab.data.io.Json;
import org.ecglab.data.npy.Npy;
import org.ecglab.data.npy.NpyDType;

/**
 * Writes attribution maps as a float32 {@code .npy} {@code [N, 12, 600]} (or {@code [N, 1, 600]} for maps without a
 * lead axis) plus a {@code .json} sidecar with their provenance, as one unit: both files are new, or both are as
 * before ({@link AtomicBatch}), so values never sit beside a sidecar that describes other values. Maps are written
 * chunk by chunk as they are computed, so memory holds one chunk whatever N is. The sidecar starts with the interop
 * bundle's keys ({@code "method"}, {@code "parameters"}), so a Python reader of {@code attributions/<method-id>.json}
 * reads it too, followed by the model id, seed, shape, baselines and whatever context the caller adds (dataset, ECG
 * ids, ...).
 */
final class AttributionFiles implements AutoCloseable {
    private final Path npy;
    private final Path sidecar;
    private final int count;
    private final AtomicBatch batch;
    private OutputStream values;
    private Attribution first;
    private int written;
    private double[] delta;

    private AttributionFiles(Path npy, int count) throws IOException {
        this.npy = npy;
        this.sidecar = sidecarOf(npy);
        this.count = count;
        this.batch = AtomicFiles.batch(List.of(npy, sidecar));
    }

    /** The sidecar of {@code npy}: the same name with {@code .json} in place of {@code .npy} (or appended). */
    static Path sidecarOf(Path npy) {
        String name = npy.getFileName().toString();
        String base = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        return npy.resolveSibling(base + ".json");
    }

    /**
     * Checks, before any work, that maps and sidecar can be written to {@code npy} and its sidecar.
     *
     * @throws IOException naming the file that is a folder or special file, or cannot be created
     */
    static void checkWritable(Path npy) throws IOException {
        for (Path p : List.of(npy, sidecarOf(npy))) {
            if (Files.isDirectory(p)) {
                throw new IOException(p + ": is a folder; give --out a file name such as attributions.npy");
            }
            AtomicFiles.checkWritable(p);
        }
    }

    /**
     * Starts writing {@code count} maps to {@code npy}. Close it; unless {@link #finish} succeeded, nothing is
     * replaced.
     */
    static AttributionFiles open(Path npy, int count) throws IOException {
        if (Files.isDirectory(npy)) {
            throw new IOException(npy + ": is a folder; give a file name such as attributions.npy");
        }
        return new AttributionFiles(npy, count);
    }

    /** Appends the maps of the next chunk (the first chunk fixes the method, model and shape). */
    void append(Attribution chunk) throws IOException {
        if (first == null) {
            first = chunk;
            values = batch.stream(npy);
            values.write(Npy.header(NpyDType.FLOAT32, count, chunk.hasLeadAxis() ? EcgFormat.LEADS : 1,
                    EcgFormat.SAMPLES));
        } else if (chunk.hasLeadAxis() != first.hasLeadAxis() || !chunk.methodId().equals(first.methodId())) {
            throw new IllegalStateException("chunk of " + chunk.methodId() + " after " + first.methodId());
        }
        if (written + chunk.size() > count) {
            throw new IllegalStateException("more than " + count + " maps");
        }
        int rows = chunk.hasLeadAxis() ? EcgFormat.LEADS : 1;
        ByteBuffer b = ByteBuffer.allocate(4 * rows * EcgFormat.SAMPLES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < chunk.size(); i++) {
            b.clear();
            for (float[] row : chunk.map(i)) {
                for (float v : row) {
                    b.putFloat(v);
                }
            }
            values.write(b.array());
        }
        if (chunk.convergenceDelta() != null) {
            delta = delta == null ? new double[count] : delta;
            System.arraycopy(chunk.convergenceDelta(), 0, delta, written, chunk.size());
        }
        written += chunk.size();
    }

    /** Per-ECG completeness gaps of the maps written, or null if the method promises none. */
    double[] convergenceDelta() {
        return delta;
    }

    /**
     * Writes the sidecar and places both files.
     *
     * @param context extra provenance entries, written after the attribution's own
     * @return the sidecar path
     * @throws IOException if a file cannot be written (both are then as before)
     */
    Path finish(Map<String, ?> context) throws IOException {
        if (written != count) {
            throw new IllegalStateException(written + " maps written, " + count + " announced");
        }
        values.close();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", first.methodId());
        json.put("parameters", first.parameters());
        json.put("model_id", first.modelId());
        json.put("model_fingerprint", first.modelFingerprint());
        json.put("seed", first.seed());
        json.put("signed", first.signed());
        // maps without a lead axis (Grad-CAM) have one row: [N, 1, 600]
        json.put("shape", new int[] {count, first.hasLeadAxis() ? EcgFormat.LEADS : 1, EcgFormat.SAMPLES});
        json.put("dtype", "float32");
        json.put("values_file", npy.getFileName().toString());
        json.putAll(context);
        json.put("convergence_delta", delta);
        json.put("library_version", VersionProvider.libraryVersion());
        byte[] text = Json.write(json).getBytes(StandardCharsets.UTF_8);
        batch.write(sidecar, out -> out.write(text));
        batch.commit();
        return sidecar;
    }

    /** Deletes the temporaries unless {@link #finish} placed the files. */
    @Override
    public void close() throws IOException {
        try {
            if (values != null) {
                values.close();
            }
        } finally {
            batch.close();
        }
    }
}
