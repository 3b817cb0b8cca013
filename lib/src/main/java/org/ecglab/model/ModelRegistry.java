package org.ecglab.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.io.AtomicFiles;

/**
 * Trained models on disk, one folder per (task, seed): {@code root/<TASK>/seed-<k>/} for binary task models (a
 * {@link TaskModelStore} folder) and {@code root/multilabel/seed-<k>/} for multi-label models (params file), each
 * with its {@link ModelProvenance} in {@value ModelProvenance#FILE}. An entry is written complete into a temporary
 * sibling folder and renamed into place, so an interrupted save leaves either the old entry or the new one, never a
 * half-written one; a rerun after an interruption finds every finished model.
 *
 * <p>A stored model is reused only for the same {@link TrainingSpec} (architecture, settings, data hash);
 * {@link #contains} says whether it is there and fails with a {@link RegistryMismatchException} naming the
 * differences if a model for that task and seed was made otherwise. Not safe for concurrent writers to one entry.
 */
public final class ModelRegistry {
    private static final String MULTILABEL_FOLDER = ModelProvenance.MULTILABEL;
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
        return root.resolve(MULTILABEL_FOLDER).resolve("seed-" + seed);
    }

    /**
     * Whether a binary task model for ({@code task}, {@code seed}) made by {@code expected} is stored.
     *
     * @return false if there is no entry
     * @throws RegistryMismatchException if there is one made with other data, architecture or settings
     * @throws IOException               if the entry's provenance is corrupt
     */
    public boolean contains(DiagnosticClass task, long seed, TrainingSpec expected) throws IOException {
        return matches(folder(task, seed), "registry model " + task.id() + " seed " + seed, List.of(task),
                expected);
    }

    /**
     * As {@link #contains}, for the multi-label model of {@code seed} whose logits detect {@code outputs}, in order.
     */
    public boolean containsMultiLabel(long seed, List<DiagnosticClass> outputs, TrainingSpec expected)
            throws IOException {
        return matches(multiLabelFolder(seed), "registry multi-label model seed " + seed, outputs, expected);
    }

    /** Whether any complete entry exists for ({@code task}, {@code seed}), whatever made it. */
    public boolean exists(DiagnosticClass task, long seed) {
        return Files.isRegularFile(folder(task, seed).resolve(ModelProvenance.FILE));
    }

    /** The stored provenance of ({@code task}, {@code seed}). */
    public ModelProvenance provenance(DiagnosticClass task, long seed) throws IOException {
        return readProvenance(folder(task, seed));
    }

    /** The stored provenance of the multi-label model of {@code seed}. */
    public ModelProvenance multiLabelProvenance(long seed) throws IOException {
        return readProvenance(multiLabelFolder(seed));
    }

    /**
     * Stores a binary task model with its provenance, replacing an earlier entry for its task and seed.
     *
     * @throws IllegalArgumentException if the provenance is not the model's
     */
    public void save(TrainedTaskModel model, ModelProvenance provenance) throws IOException {
        if (!provenance.modelId().equals(model.id()) || !ModelProvenance.BINARY.equals(provenance.kind())) {
            throw new IllegalArgumentException("provenance of " + provenance.modelId() + " (" + provenance.kind()
                    + ") does not belong to binary model " + model.id());
        }
        Path target = folder(model.task(), model.seed());
        Path tmp = newTemporary(target);
        try {
            Path entry = tmp.resolve("entry");
            TaskModelStore.save(model, entry);
            writeProvenance(provenance, entry);
            AtomicFiles.replaceFolder(entry, target);
        } finally {
            AtomicFiles.deleteRecursively(tmp);
        }
    }

    /** Stores a multi-label model with its provenance, replacing an earlier entry for its seed. */
    public void save(TrainedMultiLabelModel model, ModelProvenance provenance) throws IOException {
        if (!provenance.modelId().equals(model.id()) || !ModelProvenance.MULTILABEL.equals(provenance.kind())) {
            throw new IllegalArgumentException("provenance of " + provenance.modelId() + " (" + provenance.kind()
                    + ") does not belong to multi-label model " + model.id());
        }
        Path target = multiLabelFolder(model.seed());
        Path tmp = newTemporary(target);
        try {
            Path entry = Files.createDirectory(tmp.resolve("entry"));
            model.classifier().model().save(entry, model.id());
            writeProvenance(provenance, entry);
            AtomicFiles.replaceFolder(entry, target);
        } finally {
            AtomicFiles.deleteRecursively(tmp);
        }
    }

    /**
     * Loads the binary task model of ({@code task}, {@code seed}) without checking how it was made.
     *
     * @throws IOException naming the entry if it is missing or corrupt
     */
    public TrainedTaskModel load(DiagnosticClass task, long seed) throws IOException {
        Path folder = folder(task, seed);
        readProvenance(folder); // an entry without provenance is incomplete
        try {
            return TaskModelStore.load(folder);
        } catch (IOException e) {
            throw new IOException(corrupt(folder, e), e);
        }
    }

    /**
     * Loads the binary task model of ({@code task}, {@code seed}) after checking it was made by {@code expected}.
     *
     * @throws RegistryMismatchException if it was made otherwise
     * @throws IOException               if it is missing or corrupt
     */
    public TrainedTaskModel load(DiagnosticClass task, long seed, TrainingSpec expected) throws IOException {
        if (!contains(task, seed, expected)) {
            throw new java.nio.file.NoSuchFileException(folder(task, seed).toString(), null,
                    "no registry model " + task.id() + " seed " + seed);
        }
        return load(task, seed);
    }

    /**
     * Loads the multi-label model of {@code seed}: rebuilds the stored architecture and loads its parameters.
     *
     * @throws IOException naming the entry if it is missing or corrupt
     */
    public TrainedMultiLabelModel loadMultiLabel(long seed) throws IOException {
        Path folder = multiLabelFolder(seed);
        ModelProvenance p = readProvenance(folder);
        Architecture architecture = p.spec().architecture();
        Model djl = Model.newInstance(p.modelId(), Device.cpu());
        try {
            djl.setBlock(architecture.toBlock());
            djl.load(folder, p.modelId());
            TaskModelStore.checkParameterShapes(djl, architecture);
            EcgClassifier classifier = EcgClassifier.of(djl, p.outputs().stream().map(DiagnosticClass::id).toList());
            return new TrainedMultiLabelModel(p.outputs(), p.seed(), architecture, p.spec().config().withSeed(seed),
                    p.datasetName(), classifier, p.epochsRun(), p.bestEpoch(), p.validationAuroc(),
                    p.validationAurocHistory(), p.trainingLossHistory());
        } catch (MalformedModelException | IOException | RuntimeException e) {
            djl.close();
            throw new IOException(corrupt(folder, e), e);
        }
    }

    private boolean matches(Path folder, String what, List<DiagnosticClass> outputs, TrainingSpec expected)
            throws IOException {
        if (!Files.isRegularFile(folder.resolve(ModelProvenance.FILE))) {
            return false;
        }
        ModelProvenance stored = readProvenance(folder);
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

    private static ModelProvenance readProvenance(Path folder) throws IOException {
        Path file = folder.resolve(ModelProvenance.FILE);
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null,
                    "no complete registry entry (provenance missing)");
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IllegalArgumentException e) {
            throw new IOException(corrupt(folder, e), e);
        }
        try {
            return ModelProvenance.fromProperties(props, file);
        } catch (IOException e) {
            throw new IOException(corrupt(folder, e), e);
        }
    }

    private static void writeProvenance(ModelProvenance provenance, Path entry) throws IOException {
        try (Writer w = Files.newBufferedWriter(entry.resolve(ModelProvenance.FILE), StandardCharsets.UTF_8)) {
            provenance.toProperties().store(w, "ECG Attribution Lab model provenance " + provenance.modelId());
        }
    }

    private static Path newTemporary(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
    }

    private static String corrupt(Path folder, Exception e) {
        return "registry entry " + folder + " is corrupt (" + e.getMessage() + "); delete the folder to retrain it";
    }

    @Override
    public String toString() {
        return "ModelRegistry[" + root + "]";
    }
}
