package org.ecglab.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.io.AtomicFiles;

/**
 * Saves and loads {@link TrainedTaskModel}s, one folder each: DJL's {@code <id>-0000.params} (all parameter
 * arrays, batch-norm running statistics included) and {@value #METADATA} (format version, task, seed, dataset,
 * architecture as {@link LayerSpecs} lines, training settings, epochs and scores). A save is written to a temporary
 * sibling folder and renamed into place, so a crash never leaves a half-written model under the target name.
 */
public final class TaskModelStore {
    /** Name of the metadata file inside a model folder. */
    public static final String METADATA = "task-model.properties";
    /** Version of the folder layout, stored as {@code format}. */
    public static final String FORMAT = "ecglab-task-model-1";

    private TaskModelStore() {
    }

    /**
     * Writes {@code model} to {@code folder}, replacing an earlier task model there.
     *
     * @throws IOException if writing fails, or {@code folder} exists and is not a task model folder (nothing of the
     *                     user's is overwritten)
     */
    public static void save(TrainedTaskModel model, Path folder) throws IOException {
        AtomicFiles.writeFolder(folder, METADATA, "a task model folder", tmp -> {
            model.classifier().model().save(tmp, model.id());
            try (Writer w = Files.newBufferedWriter(tmp.resolve(METADATA), StandardCharsets.UTF_8)) {
                TaskModelMetadata.toProperties(model).store(w, "ECG Attribution Lab task model " + model.id());
            }
        });
    }

    /**
     * Loads a task model saved by {@link #save}: rebuilds the network from the stored architecture and loads its
     * parameters ({@code Model.load} takes the highest-numbered params file of the model id).
     *
     * @throws NoSuchFileException if the folder, its metadata or its params file is missing
     * @throws IOException         naming the file if the metadata or the parameters are corrupt or do not fit
     */
    public static TrainedTaskModel load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no task model folder");
        }
        Path metaFile = folder.resolve(METADATA);
        if (!Files.isRegularFile(metaFile)) {
            throw new NoSuchFileException(metaFile.toString(), null, "not a task model folder: metadata missing");
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(metaFile, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IllegalArgumentException e) {
            throw new IOException(metaFile + ": malformed properties file: " + e.getMessage(), e);
        }
        TaskModelMetadata meta = TaskModelMetadata.fromProperties(props, metaFile);
        if (!hasParams(folder, meta.id())) {
            throw new NoSuchFileException(folder.resolve(meta.id() + "-0000.params").toString(), null,
                    "params file missing");
        }
        Model djl = Model.newInstance(meta.id(), Device.cpu());
        try {
            djl.setBlock(meta.architecture().toBlock());
            djl.load(folder, meta.id());
            checkParameterShapes(djl, meta.architecture());
        } catch (MalformedModelException | IOException | RuntimeException e) {
            djl.close();
            throw new IOException(folder + ": corrupt or mismatched parameters for " + meta.id() + " ("
                    + meta.architecture().name() + "): " + e.getMessage(), e);
        }
        return meta.toModel(EcgClassifier.of(djl, List.of(meta.task().id())));
    }

    /** Whether {@code folder} holds a saved task model (its metadata file). */
    public static boolean isTaskModelFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(METADATA));
    }

    private static boolean hasParams(Path folder, String id) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .anyMatch(n -> n.startsWith(id + "-") && n.endsWith(".params"));
        }
    }

    /**
     * DJL loads arrays of whatever shape the file holds, so a params file from another architecture would load and
     * silently run as that other network; compare every array with a freshly initialised block of the stored
     * architecture instead.
     */
    static void checkParameterShapes(Model djl, Architecture architecture) {
        List<Pair<String, Parameter>> loaded = djl.getBlock().getParameters().stream().toList();
        try (NDManager scratch = NDManager.newBaseManager(Device.cpu())) {
            Block reference = architecture.toBlock();
            // Zeros rather than random weights: only shapes matter, and the engine's random stream stays untouched.
            reference.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            reference.initialize(scratch, DataType.FLOAT32, new Shape(1, EcgFormat.LEADS, EcgFormat.SAMPLES));
            List<Pair<String, Parameter>> expected = reference.getParameters().stream().toList();
            if (loaded.size() != expected.size()) {
                throw new IllegalStateException("params file holds " + loaded.size() + " arrays, architecture needs "
                        + expected.size());
            }
            for (int i = 0; i < expected.size(); i++) {
                Shape want = expected.get(i).getValue().getArray().getShape();
                Shape got = loaded.get(i).getValue().getArray().getShape();
                if (!want.equals(got)) {
                    throw new IllegalStateException("parameter " + expected.get(i).getKey() + " has shape " + got
                            + ", architecture needs " + want);
                }
            }
        }
    }
}
