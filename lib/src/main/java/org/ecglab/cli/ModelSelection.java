package org.ecglab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.model.ModelProvenance;
import org.ecglab.model.ModelRegistry;
import org.ecglab.model.TaskModelStore;
import org.ecglab.model.TrainedMultiLabelModel;
import org.ecglab.model.TrainedTaskModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * How {@code explain} and {@code export} pick a model (a picocli argument group; exactly one of the two forms):
 * a registry entry by key, {@code --registry DIR --task T [--seed S] [--multilabel]}, or a binary task model folder
 * by path, {@code --model DIR}. Both read what {@code ecglab train} wrote: a binary entry of the registry,
 * {@code DIR/<TASK>/seed-<S>/}, is itself a task model folder, so {@code --model models/LBBB/seed-1} and
 * {@code --registry models --task LBBB --seed 1} load the same model. Multi-label entries are selected by key only,
 * as their folder alone does not say which output to explain.
 */
final class ModelSelection {
    @Option(names = "--model", paramLabel = "DIR", required = true,
            description = "A binary task model folder, e.g. models/LBBB/seed-1 (an entry of a registry written by "
                    + "'ecglab train').")
    Path folder;

    @ArgGroup(exclusive = false, multiplicity = "1")
    RegistryKey key;

    /** {@code --registry DIR --task T [--seed S] [--multilabel]}. */
    static final class RegistryKey {
        @Option(names = "--registry", paramLabel = "DIR", required = true,
                description = "Model registry folder written by 'ecglab train'.")
        Path registry;

        @Option(names = "--task", paramLabel = "TASK", required = true,
                description = "The class to explain, e.g. LBBB: the binary model of that task, or that output of "
                        + "the multi-label model.")
        String task;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The model's training seed.")
        long seed = 1;

        @Option(names = "--multilabel", description = "The multi-label model of the seed instead of the binary one.")
        boolean multilabel;
    }

    /**
     * Loads the selected model.
     *
     * @throws IllegalArgumentException if the task is unknown or not an output of the model
     * @throws IOException              naming the folder if the entry is missing or corrupt
     */
    SelectedModel load() throws IOException {
        if (key == null) {
            return fromFolder(folder);
        }
        DiagnosticClass task = Tasks.parseOne(key.task);
        ModelRegistry registry = new ModelRegistry(key.registry);
        if (!Files.isDirectory(registry.root())) {
            throw new NoSuchFileException(registry.root().toString(), null, "no model registry folder");
        }
        if (key.multilabel) {
            ModelProvenance p = registry.multiLabelProvenance(key.seed);
            TrainedMultiLabelModel m = registry.loadMultiLabel(key.seed);
            return close(m, () -> new SelectedModel(m.outputs(), task, m.seed(), m.architecture(), m.classifier(),
                    registry.multiLabelFolder(key.seed), p, m));
        }
        ModelProvenance p = registry.provenance(task, key.seed);
        TrainedTaskModel m = registry.load(task, key.seed);
        return close(m, () -> new SelectedModel(List.of(m.task()), task, m.seed(), m.architecture(),
                m.classifier(), registry.folder(task, key.seed), p, m));
    }

    private static SelectedModel fromFolder(Path folder) throws IOException {
        if (!TaskModelStore.isTaskModelFolder(folder) && Files.isRegularFile(folder.resolve(ModelProvenance.FILE))) {
            throw new IllegalArgumentException(folder + " holds a multi-label model; select it with --registry DIR "
                    + "--multilabel --seed S --task TASK");
        }
        TrainedTaskModel m = TaskModelStore.load(folder);
        return close(m, () -> new SelectedModel(List.of(m.task()), m.task(), m.seed(), m.architecture(),
                m.classifier(), folder, null, m));
    }

    /** Closes {@code owner} if wrapping it fails (e.g. the task is not an output), so no native memory leaks. */
    private static SelectedModel close(AutoCloseable owner, Supplier<SelectedModel> wrap) {
        try {
            return wrap.get();
        } catch (RuntimeException e) {
            try {
                owner.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
