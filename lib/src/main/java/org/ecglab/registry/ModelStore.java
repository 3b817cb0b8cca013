package org.ecglab.registry;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.io.AtomicFiles;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.ParameterLayout;

/**
 * One registry entry on disk, binary and multi-label models alike: a folder holding DJL's
 * {@code <model id>-0000.params} (every parameter array, batch-norm running statistics included) and
 * {@value #PROVENANCE} ({@link ProvenanceJson}: the architecture, settings, data hash, scores, and the weights
 * file's SHA-256). An entry is written complete into a temporary sibling folder and renamed into place, so an
 * interrupted save leaves the old entry or the new one, never half of one; an existing folder is replaced only if it
 * is an entry (new or earlier layout), never a folder of the user's. Loading verifies the weights' checksum and
 * every array's shape against the stored architecture.
 */
final class ModelStore {
    /** The provenance file that makes a folder a registry entry. */
    static final String PROVENANCE = "provenance.json";
    /** Files of the lab's earlier layout (before one store), recognised only to say so. */
    static final List<String> LEGACY = List.of("provenance.properties", "task-model.properties");
    /** DJL numbers params files by epoch; a fresh save is epoch 0. */
    private static final int EPOCH = 0;

    private ModelStore() {
    }

    /** Whether {@code folder} is a registry entry in the current layout. */
    static boolean isEntry(Path folder) {
        return Files.isRegularFile(folder.resolve(PROVENANCE));
    }

    /** Whether {@code folder} is an entry of the lab's earlier layout, which this version does not read. */
    static boolean isLegacyEntry(Path folder) {
        return !isEntry(folder) && LEGACY.stream().anyMatch(f -> Files.isRegularFile(folder.resolve(f)));
    }

    /**
     * Writes {@code classifier}'s weights and {@code provenance} as the entry {@code folder}, replacing an earlier
     * entry there.
     *
     * @throws IOException if writing fails, or {@code folder} exists and is not an entry
     */
    static void save(Path folder, EcgClassifier classifier, ModelProvenance provenance) throws IOException {
        String file = paramsFile(provenance.modelId());
        List<String> markers = new ArrayList<>(LEGACY);
        markers.add(0, PROVENANCE);
        AtomicFiles.writeFolder(folder, markers, "a model registry entry", tmp -> {
            classifier.model().save(tmp, provenance.modelId());
            if (!Files.isRegularFile(tmp.resolve(file))) {
                throw new IOException("DJL did not write " + file + " into " + tmp);
            }
            String json = ProvenanceJson.write(provenance, new ProvenanceJson.Weights(file, sha256(tmp.resolve(file))));
            Files.writeString(tmp.resolve(PROVENANCE), json, StandardCharsets.UTF_8);
        });
    }

    /**
     * The provenance of entry {@code folder}, without loading its weights.
     *
     * @throws NoSuchFileException if the folder is not an entry (named as such)
     * @throws IOException         naming the file and field if the provenance is corrupt, or the entry is of the
     *                             lab's earlier layout
     */
    static ProvenanceJson.Entry readProvenance(Path folder) throws IOException {
        Path file = folder.resolve(PROVENANCE);
        requireReadable(folder);
        if (!Files.isRegularFile(file)) {
            if (isLegacyEntry(folder)) {
                throw new IOException(folder + " is a registry entry of an earlier version of the lab ("
                        + LEGACY.stream().filter(f -> Files.isRegularFile(folder.resolve(f))).findFirst().orElseThrow()
                        + "), which this version no longer reads; retrain it (ecglab train --retrain-on-mismatch "
                        + "replaces it) or delete the folder");
            }
            if (!Files.isDirectory(folder)) {
                throw new NoSuchFileException(folder.toString(), null, "no model registry entry");
            }
            throw new NoSuchFileException(file.toString(), null, "not a model registry entry (no " + PROVENANCE
                    + " in the folder)");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw unreadable(folder, e);
        }
        try {
            return ProvenanceJson.read(text, file.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(corrupt(folder, e.getMessage()), e);
        }
    }

    /**
     * Fails if {@code folder} exists but this user may not list or enter it, which would otherwise look like a
     * folder without provenance.
     *
     * @throws IOException saying "permission denied", with the folder's owner and permissions
     */
    static void requireReadable(Path folder) throws IOException {
        if (Files.isDirectory(folder) && !(Files.isReadable(folder) && Files.isExecutable(folder))) {
            throw unreadable(folder, new AccessDeniedException(folder.toString()));
        }
    }

    /**
     * The error for an entry this user may not read, saying so (rather than that the entry is missing) with the
     * folder's owner and permissions.
     */
    static IOException unreadable(Path folder, AccessDeniedException e) {
        String who;
        try {
            who = " (the folder belongs to " + Files.getOwner(folder).getName() + " and has permissions "
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)) + ")";
        } catch (IOException | UnsupportedOperationException ignored) {
            who = "";
        }
        return new IOException("cannot read registry entry " + folder + ": permission denied on " + e.getFile()
                + who + "; ask its owner to make it readable (chmod -R a+rX)", e);
    }

    /**
     * Loads entry {@code folder}: rebuilds the stored architecture and loads the weights after checking their
     * SHA-256 and shapes.
     *
     * @throws NoSuchFileException if the folder, its provenance or its weights file is missing
     * @throws IOException         naming the file if the provenance or the weights are corrupt or do not fit
     */
    static StoredModel load(Path folder) throws IOException {
        ProvenanceJson.Entry entry = readProvenance(folder);
        ModelProvenance p = entry.provenance();
        String expected = paramsFile(p.modelId());
        if (!expected.equals(entry.weights().file())) {
            throw new IOException(corrupt(folder, PROVENANCE + ": weights.file is " + entry.weights().file()
                    + ", expected " + expected));
        }
        Path params = folder.resolve(expected);
        if (!Files.isRegularFile(params)) {
            throw new NoSuchFileException(params.toString(), null, "weights file of registry entry missing");
        }
        String actual;
        try {
            actual = sha256(params);
        } catch (AccessDeniedException e) {
            throw unreadable(folder, e);
        }
        if (!actual.equals(entry.weights().sha256())) {
            throw new IOException(corrupt(folder, params.getFileName() + " was damaged or changed: its SHA-256 is "
                    + actual + ", " + PROVENANCE + " records " + entry.weights().sha256()));
        }
        Architecture architecture = p.spec().architecture();
        Model djl = Model.newInstance(p.modelId(), Device.cpu());
        try {
            djl.setBlock(architecture.toBlock());
            djl.load(folder, p.modelId(), Map.of("epoch", EPOCH));
            // DJL loads arrays of any shape; a params file of another network would silently run as that one.
            ParameterLayout.check(architecture, djl.getBlock());
        } catch (MalformedModelException | IOException | RuntimeException e) {
            djl.close();
            // DJL's exceptions for a truncated file carry no message: say what kind of failure it was.
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    + " while reading " + params.getFileName() : e.getMessage();
            throw new IOException(corrupt(folder, "parameters do not fit " + p.modelId() + " ("
                    + architecture.name() + "): " + why), e);
        }
        return new StoredModel(p, EcgClassifier.of(djl, architecture, p.outputs().stream().map(DiagnosticClass::id).toList()),
                folder);
    }

    private static String corrupt(Path folder, String problem) {
        return "registry entry " + folder + " is corrupt (" + problem + "); delete the folder to retrain it";
    }

    private static String paramsFile(String modelId) {
        return String.format(Locale.ROOT, "%s-%04d.params", modelId, EPOCH);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
