package org.ecglab.model.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Writes a folder through a temporary sibling and a rename, so readers never see it half-written. */
final class BundleFolder {
    private BundleFolder() {
    }

    /** Fills a folder. */
    @FunctionalInterface
    interface Contents {
        void writeInto(Path folder) throws IOException;
    }

    /**
     * @param marker a file every folder of this kind has; an existing target without it is not replaced
     * @throws IOException if writing fails or the target exists and lacks {@code marker}
     */
    static void writeAtomically(Path folder, String marker, Contents contents) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        if (Files.exists(target) && !Files.isRegularFile(target.resolve(marker))) {
            throw new IOException(target + " exists and is not an interop bundle (no " + marker
                    + "); refusing to replace it");
        }
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            contents.writeInto(tmp);
            replace(tmp, target);
        } finally {
            deleteRecursively(tmp);
        }
    }

    /** Moves {@code source} to {@code target}; an existing target is moved aside first and deleted afterwards. */
    private static void replace(Path source, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            deleteRecursively(old);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }
}
