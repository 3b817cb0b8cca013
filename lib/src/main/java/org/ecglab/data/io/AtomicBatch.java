package org.ecglab.data.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Several files written as one unit, each through a stream or a channel into a hidden temporary sibling, then placed
 * together by {@link #commit()}: afterwards all targets are new, or (if anything failed, or the batch is closed
 * without commit) all are as before and no temporary is left. An attribution map and its sidecar, a WFDB header and
 * its signal file. Obtain one from {@link AtomicFiles#batch}; use it from one thread, in a try-with-resources.
 *
 * <p>Commit renames the existing targets aside, the temporaries onto the targets, and deletes the old copies; if a
 * step fails, every target is put back. A batch of one file is a single atomic rename. The files are not swapped at
 * one instant: a reader at that moment may briefly miss some of them. A kill during commit leaves old copies aside,
 * which the next write of the same target puts back or deletes ({@link AtomicFiles#recover}).
 */
public final class AtomicBatch implements AutoCloseable {
    private final List<Path> targets;
    private final List<Path> temps = new ArrayList<>();
    private final boolean[] written;
    private final AtomicFiles.Mover mover;
    private boolean finished;

    AtomicBatch(List<Path> files, AtomicFiles.Mover mover) throws IOException {
        this.mover = mover;
        List<Path> resolved = new ArrayList<>();
        for (Path f : files) {
            Path target = OutputTargets.resolve(f);
            if (resolved.contains(target)) {
                throw new IllegalArgumentException(target + " is given twice");
            }
            if (Files.isDirectory(target)) {
                throw new IOException(target + " is a folder; refusing to replace it");
            }
            OutputTargets.refuseSpecial(f, target);
            resolved.add(target);
        }
        for (int i = 0; i < resolved.size(); i++) {
            Path target = resolved.get(i);
            try {
                // Folders the caller named are created; a link's target must be in a folder that exists.
                Files.createDirectories(files.get(i).toAbsolutePath().normalize().getParent());
                Temporaries.recover(target);
            } catch (IOException e) {
                throw OutputTargets.named(target, e);
            }
            temps.add(Temporaries.sibling(target, Temporaries.TMP));
        }
        this.targets = List.copyOf(resolved);
        this.written = new boolean[targets.size()];
    }

    /** The content of {@code file}, one of this batch's, as a buffered stream; errors name the file. */
    public OutputStream stream(Path file) throws IOException {
        int i = index(file);
        Path target = targets.get(i);
        OutputStream raw = open(i);
        return new FilterOutputStream(new BufferedOutputStream(raw, 1 << 16)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw OutputTargets.named(target, e);
                }
            }

            @Override
            public void write(int b) throws IOException {
                try {
                    out.write(b);
                } catch (IOException e) {
                    throw OutputTargets.named(target, e);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw OutputTargets.named(target, e);
                }
            }
        };
    }

    /** The content of {@code file} as a channel that can also seek back (e.g. to fill in a header last). */
    public FileChannel channel(Path file) throws IOException {
        int i = index(file);
        try {
            FileChannel ch = FileChannel.open(temps.get(i), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            written[i] = true;
            return ch;
        } catch (IOException e) {
            throw OutputTargets.named(targets.get(i), e);
        }
    }

    /** Writes {@code file} through a channel that can seek back; an error names the file. */
    public void writeChannel(Path file, AtomicFiles.ChannelWriter writer) throws IOException {
        try (FileChannel ch = channel(file)) {
            writer.writeTo(ch);
        } catch (IOException e) {
            throw OutputTargets.named(targets.get(index(file)), e);
        }
    }

    /**
     * A fresh, empty scratch file beside the first target, for content on its way into a target (e.g. one array of
     * several written record by record). It is deleted when the batch closes, and by the next write of the target if
     * this process is killed.
     */
    public Path scratch() throws IOException {
        if (finished) {
            throw new IllegalStateException("the batch is already committed or closed");
        }
        Path p = Temporaries.sibling(targets.get(0), Temporaries.TMP);
        try {
            Files.createFile(p);
        } catch (IOException e) {
            throw OutputTargets.named(targets.get(0), e);
        }
        temps.add(p);
        return p;
    }

    /** Writes {@code file} through {@code writer}; an error names the file. */
    public void write(Path file, AtomicFiles.StreamWriter writer) throws IOException {
        try (OutputStream out = stream(file)) {
            writer.writeTo(out);
        } catch (IOException e) {
            throw OutputTargets.named(targets.get(index(file)), e);
        }
    }

    private OutputStream open(int i) throws IOException {
        try {
            OutputStream out = Files.newOutputStream(temps.get(i), StandardOpenOption.CREATE_NEW);
            written[i] = true;
            return out;
        } catch (IOException e) {
            throw OutputTargets.named(targets.get(i), e);
        }
    }

    private int index(Path file) throws IOException {
        int i = targets.indexOf(OutputTargets.resolve(file));
        if (i < 0) {
            throw new IllegalArgumentException(file + " is not one of this batch's files " + targets);
        }
        if (finished) {
            throw new IllegalStateException("the batch is already committed or closed");
        }
        return i;
    }

    /**
     * Places every file. All must have been written (their streams and channels closed).
     *
     * @throws IOException naming the file if one was not written or a rename failed (the targets are then as
     *                     before), or if only deleting an old copy failed, which the message says
     */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException("the batch is already committed or closed");
        }
        for (int i = 0; i < targets.size(); i++) {
            if (!written[i]) {
                throw new IOException(targets.get(i) + " was not written; nothing was replaced");
            }
        }
        if (targets.size() == 1) {
            // One file needs no aside: the rename replaces it atomically.
            try {
                mover.move(temps.get(0), targets.get(0));
            } catch (IOException e) {
                throw OutputTargets.named(targets.get(0), e);
            }
            finished = true;
            return;
        }
        Path[] asides = new Path[targets.size()];
        boolean[] placed = new boolean[targets.size()];
        int step = 0;
        try {
            for (step = 0; step < targets.size(); step++) {
                if (Files.exists(targets.get(step), LinkOption.NOFOLLOW_LINKS)) {
                    Path aside = Temporaries.sibling(targets.get(step), Temporaries.OLD);
                    mover.move(targets.get(step), aside);
                    asides[step] = aside;
                }
            }
            for (step = 0; step < targets.size(); step++) {
                mover.move(temps.get(step), targets.get(step));
                placed[step] = true;
            }
        } catch (IOException | RuntimeException | Error e) {
            Throwable failure = e instanceof IOException io ? OutputTargets.named(targets.get(step), io) : e;
            putBack(asides, placed, failure);
            rethrow(failure);
        }
        finished = true;
        for (Path aside : asides) {
            if (aside != null) {
                try {
                    AtomicFiles.deleteRecursively(aside);
                } catch (IOException e) {
                    throw new IOException("the new files are in place, but the old copy " + aside
                            + " could not be deleted", e);
                }
            }
        }
    }

    /** Undoes the renames of a failed commit; what cannot be undone is added to {@code failure}. */
    private void putBack(Path[] asides, boolean[] placed, Throwable failure) {
        for (int i = targets.size() - 1; i >= 0; i--) {
            Path target = targets.get(i);
            try {
                if (asides[i] != null) {
                    mover.move(asides[i], target);
                } else if (placed[i]) {
                    Files.deleteIfExists(target);
                }
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(new IOException("could not restore " + target
                        + (asides[i] == null ? "" : " from " + asides[i]), e));
            }
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        throw (Error) t;
    }

    /** Deletes the temporaries unless the batch was committed. */
    @Override
    public void close() throws IOException {
        finished = true;
        IOException failure = null;
        for (Path tmp : temps) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The temporaries, for {@link AtomicFiles} to clean up after a failure without hiding it. */
    List<Path> temporaries() {
        return temps;
    }
}
