package org.ecglab.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes files and folders so that they appear whole or not at all: content goes to a temporary sibling, which is
 * then renamed onto the target (atomically where the file system allows). If anything fails, the temporary is
 * deleted and an existing target is left as it was.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface StreamWriter {
        /** Writes the whole content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Fills a fresh, empty folder. */
    @FunctionalInterface
    public interface FolderWriter {
        /** Writes every file of the folder into {@code folder}. */
        void writeInto(Path folder) throws IOException;
    }

    /**
     * Writes {@code file} through {@code writer}, creating its parent folders.
     *
     * @throws IOException if writing or renaming fails; {@code file} is then unchanged
     */
    public static void write(Path file, StreamWriter writer) throws IOException {
        Objects.requireNonNull(writer, "writer");
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // A fresh sibling opened with CREATE_NEW rather than Files.createTempFile, whose owner-only permissions
        // would stick to the renamed file: the result gets the usual umask permissions.
        Path tmp = sibling(target, "tmp");
        Throwable failure = null;
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
                writer.writeTo(out);
            }
            move(tmp, target);
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            cleanUp(failure, () -> Files.deleteIfExists(tmp));
        }
    }

    /**
     * Writes several files as one unit, e.g. a WFDB record's header and signal file: afterwards they are either all
     * new or all as before. Each content first goes to a temporary sibling; then the existing targets are renamed
     * aside, the temporaries renamed onto the targets, and the old copies deleted. If a step fails, every target is
     * put back as it was (new targets that had no old copy are removed) and the temporaries are deleted. The files
     * are not swapped at one instant: a reader running at the same moment may briefly find some of them missing.
     *
     * @param files target to content, renamed into place in this map's iteration order
     * @throws IOException if a target is a folder or writing fails, and the targets are then unchanged; or if only
     *                     deleting an old copy failed, which the message says
     * @throws IllegalArgumentException if two keys name the same file
     */
    public static void writeAll(Map<Path, byte[]> files) throws IOException {
        writeAll(files, AtomicFiles::move);
    }

    /** Renames one file onto another, replacing it. */
    @FunctionalInterface
    interface Mover {
        /** Moves {@code from} to {@code to}. */
        void move(Path from, Path to) throws IOException;
    }

    /** {@link #writeAll(Map)} with the rename step given, so tests can make a chosen rename fail. */
    static void writeAll(Map<Path, byte[]> files, Mover mover) throws IOException {
        List<Path> targets = new ArrayList<>();
        for (Path f : files.keySet()) {
            Path target = f.toAbsolutePath().normalize();
            if (targets.contains(target)) {
                throw new IllegalArgumentException(target + " is given twice");
            }
            if (Files.isDirectory(target)) {
                throw new IOException(target + " is a folder; refusing to replace it");
            }
            targets.add(target);
        }
        List<byte[]> contents = List.copyOf(files.values());
        List<Path> temps = new ArrayList<>();
        Path[] asides = new Path[targets.size()];
        boolean[] placed = new boolean[targets.size()];
        Throwable failure = null;
        try {
            for (int i = 0; i < targets.size(); i++) {
                Path target = targets.get(i);
                Files.createDirectories(target.getParent());
                Path tmp = sibling(target, "tmp");
                temps.add(tmp);
                try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
                    out.write(contents.get(i));
                }
            }
            for (int i = 0; i < targets.size(); i++) {
                if (Files.exists(targets.get(i))) {
                    Path aside = sibling(targets.get(i), "old");
                    mover.move(targets.get(i), aside);
                    asides[i] = aside;
                }
            }
            for (int i = 0; i < targets.size(); i++) {
                mover.move(temps.get(i), targets.get(i));
                placed[i] = true;
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            putBack(targets, asides, placed, mover, e);
            throw e;
        } finally {
            for (Path tmp : temps) {
                cleanUp(failure, () -> Files.deleteIfExists(tmp));
            }
        }
        for (Path aside : asides) {
            if (aside != null) {
                try {
                    Files.delete(aside);
                } catch (IOException e) {
                    throw new IOException("the new files are in place, but the old copy " + aside
                            + " could not be deleted", e);
                }
            }
        }
    }

    /** Undoes the renames of a failed {@link #writeAll}; what cannot be undone is added to {@code failure}. */
    private static void putBack(List<Path> targets, Path[] asides, boolean[] placed, Mover mover, Throwable failure) {
        for (int i = targets.size() - 1; i >= 0; i--) {
            Path target = targets.get(i);
            Path aside = asides[i];
            try {
                if (aside != null) {
                    mover.move(aside, target);
                } else if (placed[i]) {
                    Files.deleteIfExists(target);
                }
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(new IOException("could not restore " + target
                        + (aside == null ? "" : " from " + aside), e));
            }
        }
    }

    /** A fresh hidden name beside {@code target}, ending in {@code .suffix}. */
    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + "."
                + suffix);
    }

    /** Writes {@code bytes} to {@code file}. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /** Writes {@code text} to {@code file} as UTF-8. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a whole folder: {@code contents} fills a temporary sibling, which then replaces {@code folder}. An
     * existing {@code folder} is replaced only if it holds {@code marker}, the file every folder of this kind has, so
     * a user's unrelated folder is never deleted by mistake.
     *
     * @param kind what such a folder is, with its article, for the error message (e.g. "an interop bundle")
     * @throws IOException if writing fails, or the target exists and lacks {@code marker}
     */
    public static void writeFolder(Path folder, String marker, String kind, FolderWriter contents)
            throws IOException {
        writeFolder(folder, List.of(marker), kind, contents);
    }

    /**
     * As {@link #writeFolder(Path, String, String, FolderWriter)}, for a kind of folder that may hold any one of
     * several markers (e.g. the current and an earlier layout of the same kind).
     *
     * @throws IOException if writing fails, or the target exists and holds none of {@code markers}
     */
    public static void writeFolder(Path folder, List<String> markers, String kind, FolderWriter contents)
            throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        if (Files.exists(target) && markers.stream().noneMatch(m -> Files.isRegularFile(target.resolve(m)))) {
            throw new IOException(target + " exists and is not " + kind + " (no " + String.join(" or ", markers)
                    + "); refusing to replace it");
        }
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        Throwable failure = null;
        try {
            contents.writeInto(tmp);
            replaceFolder(tmp, target);
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            cleanUp(failure, () -> deleteRecursively(tmp));
        }
    }

    /**
     * Moves folder {@code source} onto {@code target}; an existing target is moved aside first and deleted only
     * after the move succeeded (and put back if it failed).
     */
    public static void replaceFolder(Path source, Path target) throws IOException {
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

    /** Deletes a file or a folder with everything in it; nothing happens if it does not exist. */
    public static void deleteRecursively(Path root) throws IOException {
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

    /** One I/O step, such as deleting a temporary. */
    @FunctionalInterface
    interface IoAction {
        /** Performs the step. */
        void run() throws IOException;
    }

    /**
     * Runs {@code cleanup} after a write. When the write failed ({@code primary} is not null), a failing cleanup is
     * attached to {@code primary} as suppressed rather than thrown, which would replace the exception that says why
     * the write failed; after a successful write a failing cleanup is thrown, since it leaves a temporary behind.
     */
    static void cleanUp(Throwable primary, IoAction cleanup) throws IOException {
        try {
            cleanup.run();
        } catch (IOException e) {
            if (primary == null) {
                throw e;
            }
            primary.addSuppressed(e);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
