package org.ecglab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ecglab.data.io.AtomicFiles;

/**
 * The {@code --out} folder of {@code ecglab experiment}: the lab writes its tables and figures there only if the folder
 * is new, empty, or carries the marker {@value #MARKER} that an earlier experiment run left. A folder of the user's
 * that holds anything else is refused with what is in it named, so that a file named like an output (say
 * {@code similarity-rows.csv}) is never replaced.
 */
final class ExperimentFolder {
    /** The file that makes a folder an experiment output folder of the lab. */
    static final String MARKER = "ecglab-experiment.json";
    private static final int SHOWN = 5;

    private ExperimentFolder() {
    }

    /**
     * Makes {@code out} this run's output folder before any work: creates it and its marker if it is missing or
     * empty; accepts a marked one.
     *
     * @throws IOException naming the folder and what is in it if it is not empty and not marked
     */
    static void claim(Path out) throws IOException {
        if (Files.isRegularFile(out.resolve(MARKER))) {
            return;
        }
        if (Files.isDirectory(out) && !AtomicFiles.isEmptyFolder(out)) {
            List<String> names;
            try (Stream<Path> s = Files.list(out)) {
                names = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            String shown = String.join(", ", names.subList(0, Math.min(SHOWN, names.size())))
                    + (names.size() > SHOWN ? " and " + (names.size() - SHOWN) + " more" : "");
            throw new IOException(out + " is not an experiment output folder of the lab (it has no " + MARKER
                    + ") and holds files the lab did not write: " + shown + ". Nothing was computed or changed; give "
                    + "a new or empty folder as --out.");
        }
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve(MARKER),
                "{\n  \"format\": \"ecglab experiment outputs\",\n  \"layout\": 1\n}\n");
    }
}
