package org.ecglab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.EcgDatasetFiles;
import org.ecglab.data.io.AtomicFiles;

/** Loads and saves dataset files for the commands, with errors that say which file and what is wrong. */
final class DatasetIo {
    private DatasetIo() {
    }

    /**
     * Loads a dataset written by {@link EcgDatasetFiles#save}.
     *
     * @throws IOException naming the file if it is missing, a folder, not an .npz archive, or has a bad entry
     */
    static EcgDataset load(Path npz) throws IOException {
        if (!Files.exists(npz)) {
            throw new NoSuchFileException(npz.toString(), null, "dataset file does not exist");
        }
        if (Files.isDirectory(npz)) {
            throw new IOException(npz + ": is a folder; expected a dataset .npz file (made by 'ecglab generate' or "
                    + "'ecglab import-ptbxl')");
        }
        return EcgDatasetFiles.load(npz);
    }

    /**
     * Saves {@code data} to {@code npz} (atomically), creating missing parent folders.
     *
     * @throws IOException if {@code npz} is a folder or cannot be written
     */
    static void save(EcgDataset data, Path npz) throws IOException {
        checkWritable(npz);
        EcgDatasetFiles.save(data, npz.toAbsolutePath());
    }

    /**
     * Checks, before any work, that a dataset can be written to {@code npz}.
     *
     * @throws IOException naming the file if it is a folder, a special file, or its folder cannot be written
     */
    static void checkWritable(Path npz) throws IOException {
        if (Files.isDirectory(npz)) {
            throw new IOException(npz + ": is a folder; give a file name such as data.npz");
        }
        AtomicFiles.checkWritable(npz);
    }
}
