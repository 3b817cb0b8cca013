package org.ecglab.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An operating-system file lock ({@link FileChannel#tryLock()}) on a file in the registry's {@value
 * RegistryFolder#LOCKS} folder: one per entry, held from "is it stored?" through training to saving, so two runs
 * never both train one entry and the second never silently replaces the first's model; one for the results table,
 * held while it is merged. The holder writes its process id into the file, so a refused run can say who holds it.
 * Lock files stay (deleting them would let two runs lock two different files of one name); they are a few bytes.
 * The operating system releases a lock when its process dies, so a killed run never leaves an entry locked.
 */
final class RegistryLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RegistryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks entry {@code folder} of registry {@code root} for writing, or fails at once if another run holds it.
     *
     * @param what names the entry in messages, e.g. "registry model LBBB seed 1"
     * @throws RegistryBusyException naming the entry and the run that holds it
     * @throws IOException           if the lock file cannot be created
     */
    static RegistryLock entry(Path root, Path folder, String what) throws IOException {
        String key = root.relativize(folder).toString().replace(folder.getFileSystem().getSeparator(), ".");
        Path file = Files.createDirectories(root.resolve(RegistryFolder.LOCKS)).resolve(key + ".lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        String holder;
        try {
            lock = ch.tryLock();
            holder = lock == null ? holder(ch) : null;
        } catch (OverlappingFileLockException e) {
            lock = null;
            holder = "another run in this process";
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            ch.close();
            throw new RegistryBusyException(what + " (" + folder + ") is being trained and written by another run ("
                    + holder + "); this run left it alone. Wait for that run to finish and run again (its model is "
                    + "then loaded, or reported if it was made otherwise), or use another registry folder.");
        }
        return stamped(ch, lock);
    }

    /**
     * Locks the registry's results table, waiting for another run that is merging into it (a short wait).
     *
     * @throws IOException if the lock file cannot be created
     */
    static RegistryLock results(Path root) throws IOException {
        Path file = Files.createDirectories(root.resolve(RegistryFolder.LOCKS)).resolve(ResultsFile.NAME + ".lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            return stamped(ch, ch.lock());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static RegistryLock stamped(FileChannel ch, FileLock lock) throws IOException {
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + ", since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return new RegistryLock(ch, lock);
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(200);
        ch.read(b, 0);
        String text = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "process unknown" : text;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
