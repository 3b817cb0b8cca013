package org.ecglab.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.ecglab.model.TaskModelStore;
import org.ecglab.model.TrainedTaskModel;

/**
 * Where the CLI keeps task models: one folder {@code <out>/<TASK>-seed<S>} per model, written and read by
 * {@link TaskModelStore}. The only place the commands touch model storage, so a model registry can replace it.
 */
final class ModelFolders {
    private ModelFolders() {
    }

    /** The folder of {@code model} under {@code outDir}, named by its id (e.g. {@code models/LBBB-seed1}). */
    static Path folderFor(Path outDir, TrainedTaskModel model) {
        return outDir.resolve(model.id());
    }

    /**
     * Saves {@code model} under {@code outDir}, replacing an earlier save of the same model.
     *
     * @return the model's folder
     * @throws IOException if writing fails or the folder exists and holds something else
     */
    static Path save(TrainedTaskModel model, Path outDir) throws IOException {
        Path folder = folderFor(outDir, model);
        TaskModelStore.save(model, folder);
        return folder;
    }

    /**
     * Loads the task model saved in {@code folder}.
     *
     * @throws IOException naming the folder if it is missing, not a task model folder, or corrupt
     */
    static TrainedTaskModel load(Path folder) throws IOException {
        return TaskModelStore.load(folder);
    }
}
