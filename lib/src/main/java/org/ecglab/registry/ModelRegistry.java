package org.ecglab.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.train.TrainedMultiLabelModel;
import org.ecglab.train.TrainedTaskModel;

/**
 * Trained models on disk, one entry folder per (task, seed): {@code root/<TASK>/seed-<k>/} for binary task models
 * and {@code root/multilabel/seed-<k>/} for multi-label models, each holding the weights and their
 * {@link ModelProvenance} in one format ({@value ModelStore#PROVENANCE}, see {@link ModelStore}). The registry is
 * filled by {@link TaskModelSuite}, which writes each entry complete into a temporary sibling folder and renames it
 * into place, so a rerun after an interruption finds every finished model and never half of one; this class finds,
 * checks and loads entries.
 *
 * <p>A stored model is reused only for the same {@link TrainingSpec} (architecture, settings, data hash);
 * {@link #contains} says whether it is there and fails with a {@link RegistryMismatchException} naming the
 * differences if a model for that task and seed was made otherwise, or by an earlier version of the lab whose layout
 * this one does not read. A folder at an entry's place that is not an entry is never replaced, and the lab writes
 * only into a folder that is a registry ({@link RegistryFolder}: marked, or new, or holding nothing but what the
 * lab writes). A run that trains an entry holds its lock ({@link RegistryLock}); a second run that wants the same
 * entry at the same time is told so and changes nothing.
 */
public final class ModelRegistry {
    /** Name of the provenance file that every entry holds. */
    public static final String PROVENANCE_FILE = ModelStore.PROVENANCE;

    private final Path root;

    /**
     * @param root the registry folder (created on the first save)
     */
    public ModelRegistry(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The registry folder. */
    public Path root() {
        return root;
    }

    /** Folder of the binary task model for ({@code task}, {@code seed}). */
    public Path folder(DiagnosticClass task, long seed) {
        return root.resolve(task.id()).resolve("seed-" + seed);
    }

    /** Folder of the multi-label model of {@code seed}. */
    public Path multiLabelFolder(long seed) {
        return root.resolve(ModelProvenance.MULTILABEL).resolve("seed-" + seed);
    }

    /** Whether {@code folder} is a registry entry (holds a provenance file in the current layout). */
    public static boolean isEntry(Path folder) {
        return ModelStore.isEntry(folder);
    }

    /**
     * Loads the entry {@code folder} (e.g. {@code models/LBBB/seed-1}), whatever its key: binary or multi-label.
     *
     * @throws NoSuchFileException if the folder is missing or not an entry
     * @throws IOException         naming the file if the entry is corrupt, of an earlier layout, or its weights
     *                             were changed
     */
    public static StoredModel loadEntry(Path folder) throws IOException {
        return ModelStore.load(folder.toAbsolutePath().normalize());
    }

    /**
     * Whether a binary task model for ({@code task}, {@code seed}) made by {@code expected} is stored.
     *
     * @return false if there is no entry
     * @throws RegistryMismatchException if there is one made with other data, architecture or settings, or by an
     *                                   earlier version of the lab
     * @throws IOException               if the entry's provenance is corrupt, or a folder that is not an entry is in
     *                                   its place
     */
    public boolean contains(DiagnosticClass task, long seed, TrainingSpec expected) throws IOException {
        return matches(folder(task, seed), "registry model " + task.id() + " seed " + seed, List.of(task),
                expected);
    }

    /** The stored provenance of ({@code task}, {@code seed}). */
    public ModelProvenance provenance(DiagnosticClass task, long seed) throws IOException {
        return ModelStore.readProvenance(folder(task, seed)).provenance();
    }

    /**
     * Loads the binary task model of ({@code task}, {@code seed}) without checking how it was made.
     *
     * @throws IOException naming the entry if it is missing or corrupt
     */
    public TrainedTaskModel load(DiagnosticClass task, long seed) throws IOException {
        StoredModel stored = ModelStore.load(folder(task, seed));
        return as(stored, () -> stored.asTaskModel());
    }

    /**
     * Loads the multi-label model of {@code seed}.
     *
     * @throws IOException naming the entry if it is missing or corrupt
     */
    public TrainedMultiLabelModel loadMultiLabel(long seed) throws IOException {
        StoredModel stored = ModelStore.load(multiLabelFolder(seed));
        return as(stored, () -> stored.asMultiLabelModel());
    }

    /**
     * Whether entry {@code folder} holds a model of {@code outputs} made by {@code expected} ({@link #contains}).
     */
    boolean matches(Path folder, String what, List<DiagnosticClass> outputs, TrainingSpec expected)
            throws IOException {
        ModelStore.requireReadable(folder);
        if (ModelStore.isLegacyEntry(folder)) {
            throw new RegistryMismatchException(what + " (" + folder + ") was written by an earlier version of the "
                    + "lab, whose layout this version does not read. Retrain to replace it, or use another registry "
                    + "folder.");
        }
        if (!ModelStore.isEntry(folder)) {
            if (Files.exists(folder)) {
                throw new IOException(folder + " exists and is not a model registry entry (no "
                        + ModelStore.PROVENANCE + "); move it away, or use another registry folder");
            }
            return false;
        }
        ModelProvenance stored = ModelStore.readProvenance(folder).provenance();
        List<String> differences = new ArrayList<>(expected.differencesFrom(stored.spec()));
        if (!stored.outputs().equals(outputs)) {
            differences.add("has outputs " + stored.outputs() + " but " + outputs + " were requested");
        }
        if (!differences.isEmpty()) {
            throw new RegistryMismatchException(what + " (" + folder + ") " + String.join("; and it ", differences)
                    + ". Retrain to replace it, or use another registry folder.");
        }
        return true;
    }

    /** Converts a loaded entry, closing it if it is of the other kind. */
    private static <T> T as(StoredModel stored, Supplier<T> conversion) throws IOException {
        try {
            return conversion.get();
        } catch (IllegalStateException e) {
            stored.close();
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ModelRegistry[" + root + "]";
    }
}
