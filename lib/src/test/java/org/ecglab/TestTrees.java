package org.ecglab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Folder listings and copies for tests that check what a run left on disk. */
public final class TestTrees {
    private TestTrees() {
    }

    /** The names in {@code dir}, sorted. */
    public static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every path below {@code root}, relative, folders with a trailing "/" and files with their size, sorted. */
    public static List<String> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root)).map(p -> {
                try {
                    return root.relativize(p) + (Files.isDirectory(p) ? "/" : " " + Files.size(p));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }

    /** Creates a named pipe (FIFO) at {@code p}, a special file that no output may replace. */
    public static void mkfifo(Path p) throws IOException, InterruptedException {
        Process proc = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        if (proc.waitFor() != 0) {
            throw new IOException("mkfifo " + p + " failed");
        }
    }

    /** Copies the folder {@code from} with everything in it to {@code to}. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
