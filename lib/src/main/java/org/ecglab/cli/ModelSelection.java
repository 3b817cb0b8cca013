package org.ecglab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.registry.ModelRegistry;
import org.ecglab.registry.StoredModel;
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
            StoredModel m = ModelRegistry.loadEntry(folder);
            if (!m.isBinary()) {
                m.close();
                throw new IllegalArgumentException(folder + " holds a multi-label model; select it with --registry "
                        + "DIR --multilabel --seed S --task TASK");
            }
            return select(m, m.provenance().outputs().get(0));
        }
        DiagnosticClass task = Tasks.parseOne(key.task);
        OptionChecks.atLeast("--seed", key.seed, 0);
        ModelRegistry registry = new ModelRegistry(key.registry);
        if (!Files.isDirectory(registry.root())) {
            throw new NoSuchFileException(registry.root().toString(), null, "no model registry folder");
        }
        Path entry = key.multilabel ? registry.multiLabelFolder(key.seed) : registry.folder(task, key.seed);
        return select(ModelRegistry.loadEntry(entry), task);
    }

    /** Closes {@code stored} if selecting fails (e.g. the task is not an output), so no native memory leaks. */
    private static SelectedModel select(StoredModel stored, DiagnosticClass task) {
        try {
            return new SelectedModel(stored, task);
        } catch (RuntimeException e) {
            stored.close();
            throw e;
        }
    }
}
