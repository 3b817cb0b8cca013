package org.ecglab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.io.AtomicFiles;
import org.ecglab.data.io.Json;
import org.ecglab.data.npy.Npy;
import org.ecglab.data.npy.NpyArray;

/**
 * Writes attribution maps as a float32 {@code .npy} {@code [N, 12, 600]} plus a {@code .json} sidecar with their
 * provenance. The sidecar starts with the interop bundle's keys ({@code "method"}, {@code "parameters"}), so a
 * Python reader of {@code attributions/<method-id>.json} reads it too, followed by the model id, seed, shape and
 * whatever context the caller adds (dataset, ECG ids, ...).
 */
final class AttributionFiles {
    private AttributionFiles() {
    }

    /** The sidecar of {@code npy}: the same name with {@code .json} in place of {@code .npy} (or appended). */
    static Path sidecarOf(Path npy) {
        String name = npy.getFileName().toString();
        String base = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        return npy.resolveSibling(base + ".json");
    }

    /**
     * Writes {@code a} to {@code npy} and its provenance to {@link #sidecarOf}, each atomically. Both contents are
     * built before either file is written, so an unwritable value (e.g. a NaN delta) leaves no map without sidecar.
     *
     * @param context extra provenance entries, written after the attribution's own
     * @return the sidecar path
     * @throws IOException if {@code npy} is a folder or a file cannot be written
     */
    static Path write(Path npy, Attribution a, Map<String, ?> context) throws IOException {
        if (Files.isDirectory(npy)) {
            throw new IOException(npy + ": is a folder; give a file name such as attributions.npy");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", a.methodId());
        json.put("parameters", a.parameters());
        json.put("model_id", a.modelId());
        json.put("seed", a.seed());
        // maps without a lead axis (Grad-CAM) have one row: [N, 1, 600]
        json.put("shape", new int[] {a.size(), a.hasLeadAxis() ? EcgFormat.LEADS : 1, EcgFormat.SAMPLES});
        json.put("dtype", "float32");
        json.put("values_file", npy.getFileName().toString());
        json.putAll(context);
        json.put("convergence_delta", a.convergenceDelta());
        json.put("library_version", VersionProvider.libraryVersion());
        String sidecarText = Json.write(json);
        Path sidecar = sidecarOf(npy);
        Npy.write(npy, NpyArray.ofFloats(a.values()));
        AtomicFiles.writeString(sidecar, sidecarText);
        return sidecar;
    }
}
