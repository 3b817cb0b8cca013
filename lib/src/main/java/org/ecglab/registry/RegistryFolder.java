package org.ecglab.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ecglab.LibraryVersion;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.io.AtomicFiles;

/**
 * The registry folder as a whole: a folder becomes a registry, and the lab writes into it, only if it carries the
 * marker file {@value #MARKER} or is new, empty, or holds nothing but what the lab writes (entries, their
 * temporaries, {@code results.csv} with the lab's columns: a registry of a version before the marker, which is then
 * marked). A folder that holds anything else is the user's and is refused, with what is in the way named, so that
 * training never replaces or deletes a file the lab did not write.
 */
final class RegistryFolder {
    /** The file that makes a folder a model registry. */
    static final String MARKER = "ecglab-registry.json";
    /** Where the lock files of entries and of the results table live. */
    static final String LOCKS = ".locks";
    /** Most foreign paths listed in a message. */
    private static final int SHOWN = 5;
    private static final Pattern SEED = Pattern.compile("seed-\\d+");
    /** Hidden siblings of AtomicFiles' writes ({@code .NAME.tmp-PID-N}, {@code .NAME.old-PID-N}). */
    private static final Pattern SIBLING = Pattern.compile("\\..+\\.(tmp|old)-\\d+-[0-9a-f]+");

    private RegistryFolder() {
    }

    /**
     * Makes {@code root} ready for this run's writes, before any model is trained: creates it (and the marker) if it
     * is missing or empty, marks a registry of the lab's earlier versions, and checks that files can be created in
     * it.
     *
     * @throws IOException naming the folder if it is a file, cannot be written, or holds files the lab did not write
     */
    static void prepareForWriting(Path root) throws IOException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IOException("model registry " + root + " is a file, not a folder");
        }
        AtomicFiles.checkWritableFolder(root);
        if (Files.isRegularFile(root.resolve(MARKER))) {
            return;
        }
        if (Files.isDirectory(root)) {
            List<String> foreign = foreignContent(root);
            if (!foreign.isEmpty()) {
                throw new IOException(root + " is not a model registry (it has no " + MARKER + ") and holds files "
                        + "the lab did not write: " + shown(foreign) + ". Nothing was trained or changed; give an "
                        + "empty or new folder as the registry, or move these files away.");
            }
        }
        Files.createDirectories(root);
        AtomicFiles.writeString(root.resolve(MARKER), "{\n  \"format\": \"ecglab model registry\",\n  \"layout\": 1,\n"
                + "  \"created_by\": \"ecglab " + LibraryVersion.get() + "\"\n}\n");
    }

    /** Paths under {@code root} (relative, {@code /}-separated) that are not what the lab writes into a registry. */
    static List<String> foreignContent(Path root) throws IOException {
        Set<String> tasks = DiagnosticClass.ALL.stream().map(DiagnosticClass::id).collect(Collectors.toSet());
        tasks.add(ModelProvenance.MULTILABEL);
        List<String> foreign = new ArrayList<>();
        for (Path child : list(root)) {
            String name = child.getFileName().toString();
            if (name.equals(MARKER) || SIBLING.matcher(name).matches()
                    || (name.equals(LOCKS) && Files.isDirectory(child))
                    || (name.equals(ResultsFile.NAME) && ResultsFile.isResultsTable(child))) {
                continue;
            }
            if (Files.isDirectory(child) && tasks.contains(name)) {
                for (Path seed : list(child)) {
                    foreign.addAll(foreignInEntry(root, seed));
                }
            } else {
                foreign.add(name + (Files.isDirectory(child) ? "/" : ""));
            }
        }
        return foreign;
    }

    /** What in {@code path} (a child of a task folder) the lab did not write. */
    private static List<String> foreignInEntry(Path root, Path path) throws IOException {
        String name = path.getFileName().toString();
        if (SIBLING.matcher(name).matches()) {
            return List.of();
        }
        if (!Files.isDirectory(path) || !SEED.matcher(name).matches()
                || !(ModelStore.isEntry(path) || ModelStore.isLegacyEntry(path))) {
            return Files.isDirectory(path) ? files(root, path) : List.of(relative(root, path));
        }
        List<String> foreign = new ArrayList<>();
        for (Path f : list(path)) {
            String n = f.getFileName().toString();
            boolean lab = Files.isRegularFile(f) && (n.equals(ModelStore.PROVENANCE) || ModelStore.LEGACY.contains(n)
                    || n.endsWith(".params"));
            if (!lab) {
                foreign.add(relative(root, f));
            }
        }
        return foreign;
    }

    private static List<String> files(Path root, Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<String> files = walk.filter(p -> !Files.isDirectory(p)).map(p -> relative(root, p)).limit(SHOWN)
                    .toList();
            return files.isEmpty() ? List.of(relative(root, dir) + "/") : files;
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    private static String shown(List<String> paths) {
        String head = String.join(", ", paths.subList(0, Math.min(SHOWN, paths.size())));
        return paths.size() > SHOWN ? head + " and " + (paths.size() - SHOWN) + " more" : head;
    }
}
