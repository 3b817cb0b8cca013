package org.ecglab.data.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the hidden siblings a write goes through, and clean-up after a process that was killed while it wrote.
 * A sibling of {@code dir/NAME} is {@code dir/.NAME.KIND-PID-N}: {@value #TMP} for new content on its way in,
 * {@value #OLD} for an earlier copy moved aside during a replacement. The writer's process id in the name tells a
 * sibling of a running write (left alone) from one a kill left behind ({@link #recover}).
 */
final class Temporaries {
    /** Kind of a sibling holding new content. */
    static final String TMP = "tmp";
    /** Kind of a sibling holding the earlier copy of a target being replaced. */
    static final String OLD = "old";
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong COUNTER = new AtomicLong();

    private Temporaries() {
    }

    /** A fresh sibling name of {@code target} of this kind, unique in this process. */
    static Path sibling(Path target, String kind) {
        return target.resolveSibling("." + target.getFileName() + "." + kind + "-" + PID + "-"
                + Long.toHexString(System.nanoTime()) + Long.toHexString(COUNTER.incrementAndGet()));
    }

    /**
     * Cleans up after writers of {@code target} that are no longer running: their temporaries are deleted, and an
     * earlier copy they had moved aside is put back if {@code target} is missing (a kill between the two renames of a
     * replacement), else deleted. Siblings of running processes, this one included, are left alone. On a file
     * system shared by several machines a process id may be running elsewhere; such siblings are deleted only when
     * the id is not running here, so run one writer per target at a time there.
     *
     * @throws IOException if the folder cannot be listed or a sibling cannot be deleted or put back
     */
    static void recover(Path target) throws IOException {
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        Pattern own = Pattern.compile(Pattern.quote("." + target.getFileName() + ".") + "(" + TMP + "|" + OLD
                + ")-(\\d{1,19})-[0-9a-f]+");
        List<Path> stale = new ArrayList<>();
        List<Path> olds = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "." + globEscape(target.getFileName().toString())
                + ".*")) {
            for (Path p : s) {
                Matcher m = own.matcher(p.getFileName().toString());
                if (m.matches() && !running(Long.parseLong(m.group(2)))) {
                    (m.group(1).equals(OLD) ? olds : stale).add(p);
                }
            }
        }
        for (Path p : stale) {
            AtomicFiles.deleteRecursively(p);
        }
        for (Path old : olds) {
            if (Files.notExists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                AtomicFiles.deleteRecursively(old);
            }
        }
    }

    private static boolean running(long pid) {
        return pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String globEscape(String name) {
        return name.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }
}
