package org.ecglab.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes files and folders so that they appear whole or not at all: content goes to a hidden temporary sibling,
 * which is then renamed onto the target (atomically where the file system allows). If anything fails, the temporary
 * is deleted and an existing target is left as it was; errors name the target, not the temporary.
 *
 * <p>What a target may be: a symbolic link is written through (the file it points to gets the content, the link
 * stays); a device, named pipe or socket is refused, and so is a folder where a file is to be written. Temporaries
 * and new files get the permissions the process's umask gives, like any file the user creates. Temporaries left by
 * a process that was killed are cleaned up by the next write of the same target ({@link #recover}).
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

    /** Writes a file's content through a channel that can seek. */
    @FunctionalInterface
    public interface ChannelWriter {
        /** Writes the whole content to {@code channel}, which starts empty. */
        void writeTo(FileChannel channel) throws IOException;
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
     * @throws IOException naming {@code file} if it is a folder or a special file, or writing or renaming fails;
     *                     {@code file} is then unchanged
     */
    public static void write(Path file, StreamWriter writer) throws IOException {
        Objects.requireNonNull(writer, "writer");
        try (AtomicBatch batch = new AtomicBatch(List.of(file), AtomicFiles::move)) {
            batch.write(file, writer);
            batch.commit();
        }
    }

    /** As {@link #write(Path, StreamWriter)}, through a channel that can seek back (e.g. to fill in a header). */
    public static void writeChannel(Path file, ChannelWriter writer) throws IOException {
        Objects.requireNonNull(writer, "writer");
        try (AtomicBatch batch = new AtomicBatch(List.of(file), AtomicFiles::move)) {
            try (FileChannel ch = batch.channel(file)) {
                writer.writeTo(ch);
            } catch (IOException e) {
                throw OutputTargets.named(OutputTargets.resolve(file), e);
            }
            batch.commit();
        }
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
     * A batch of files written as streams and placed together ({@link AtomicBatch}), e.g. attribution maps and their
     * sidecar. Close it; without {@link AtomicBatch#commit()} nothing is replaced.
     *
     * @throws IOException              naming a target that is a folder or a special file
     * @throws IllegalArgumentException if two paths name the same file
     */
    public static AtomicBatch batch(List<Path> files) throws IOException {
        return new AtomicBatch(files, AtomicFiles::move);
    }

    /**
     * Writes several files as one unit, e.g. a WFDB record's header and signal file: afterwards they are either all
     * new or all as before ({@link AtomicBatch}).
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
        List<Path> paths = new ArrayList<>(files.keySet());
        try (AtomicBatch batch = new AtomicBatch(paths, mover)) {
            for (Path p : paths) {
                byte[] content = files.get(p);
                batch.write(p, out -> out.write(content));
            }
            batch.commit();
        }
    }

    /**
     * Writes a whole folder: {@code contents} fills a temporary sibling, which then replaces {@code folder}. An
     * existing {@code folder} is replaced only if it holds {@code marker}, the file every folder of this kind has, so
     * a user's unrelated folder is never deleted by mistake; an empty folder is replaced too.
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
     * several markers (e.g. the current and an earlier layout of the same kind). A symbolic link to a folder is
     * written through: the folder it points to is replaced, the link stays.
     *
     * @throws IOException if writing fails, or the target exists and holds none of {@code markers}
     */
    public static void writeFolder(Path folder, List<String> markers, String kind, FolderWriter contents)
            throws IOException {
        Path target = OutputTargets.resolve(folder);
        Files.createDirectories(folder.toAbsolutePath().normalize().getParent());
        recover(target);
        if (Files.exists(target) && markers.stream().noneMatch(m -> Files.isRegularFile(target.resolve(m)))
                && !isEmptyFolder(target)) {
            throw new IOException(target + " exists and is not " + kind + " (no " + String.join(" or ", markers)
                    + "); refusing to replace it");
        }
        // createDirectory, not createTempDirectory: a temporary folder is owner-only, and the rename would keep that.
        Path tmp = Temporaries.sibling(target, Temporaries.TMP);
        try {
            Files.createDirectory(tmp);
        } catch (IOException e) {
            throw OutputTargets.named(target, e);
        }
        Throwable failure = null;
        try {
            contents.writeInto(tmp);
            replaceFolder(tmp, target);
        } catch (IOException e) {
            IOException named = OutputTargets.named(target, e);
            failure = named;
            throw named;
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            cleanUp(failure, () -> deleteRecursively(tmp));
        }
    }

    /** Whether {@code path} is a folder with nothing in it (replacing it loses nothing). */
    public static boolean isEmptyFolder(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.findAny().isEmpty();
        }
    }

    /**
     * Moves folder {@code source} onto {@code target}; an existing target is moved aside first and deleted only
     * after the move succeeded (and put back if it failed).
     */
    public static void replaceFolder(Path source, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = Temporaries.sibling(target, Temporaries.OLD);
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

    /**
     * Cleans up after a process that was killed while writing {@code target}: its temporaries are deleted, and a
     * target it had moved aside to replace it is put back if the replacement never arrived. Every write calls this;
     * call it before reading a target another process may have been writing (e.g. a registry entry). Siblings of
     * processes that are still running are left alone.
     *
     * @throws IOException naming the target if the folder cannot be listed or a sibling cannot be moved or deleted
     */
    public static void recover(Path target) throws IOException {
        Path t = OutputTargets.resolve(target);
        try {
            Temporaries.recover(t);
        } catch (IOException e) {
            throw new IOException("cannot clean up earlier temporaries of " + t + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks, before any work, that {@code file} can be written: it is not a folder or a special file, the nearest
     * existing folder on its path is a folder in which a file can be created (tried with a hidden probe, deleted at
     * once). Nothing else is created.
     *
     * @throws IOException naming the file and what is in the way
     */
    public static void checkWritable(Path file) throws IOException {
        Path target = OutputTargets.resolve(file);
        if (Files.isDirectory(target)) {
            throw new IOException(file + " is a folder; give a file name");
        }
        OutputTargets.refuseSpecial(file, target);
        probe(nearestFolder(target.getParent(), file), file);
    }

    /**
     * Checks, before any work, that files can be written into {@code folder}: it is a folder or can be created as
     * one, and a file can be created in it (or in the nearest existing folder above it).
     *
     * @throws IOException naming the folder and what is in the way
     */
    public static void checkWritableFolder(Path folder) throws IOException {
        Path target = OutputTargets.resolve(folder);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(folder + " is a file, not a folder");
        }
        probe(nearestFolder(target, folder), folder);
    }

    private static Path nearestFolder(Path start, Path given) throws IOException {
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.isDirectory(d)) {
                return d;
            }
            if (Files.exists(d)) {
                throw new IOException(d + " is a file, not a folder, so " + given + " cannot be written");
            }
        }
        throw new IOException(given + ": no existing folder on its path");
    }

    private static void probe(Path dir, Path given) throws IOException {
        Path probe = Temporaries.sibling(dir.resolve("write-check"), Temporaries.TMP);
        try {
            Files.createFile(probe);
        } catch (IOException e) {
            throw new IOException("cannot write " + given + ": cannot create files in " + dir + " ("
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage())
                    + ")", e);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** Deletes a file or a folder with everything in it; nothing happens if it does not exist. */
    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
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
