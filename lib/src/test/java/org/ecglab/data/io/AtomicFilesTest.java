package org.ecglab.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecglab.TestTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        return TestTrees.names(dir);
    }

    @Test
    void writesAndReplacesAFileLeavingNoTemporary() throws IOException {
        Path f = dir.resolve("sub/a.txt");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertEquals(List.of("a.txt"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNothing() throws IOException {
        Path f = dir.resolve("a.txt");
        AtomicFiles.writeString(f, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(1);
            throw new IOException("disk full");
        }));
        assertEquals("cannot write " + f + ": disk full", e.getMessage());
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("a.txt"), names());
    }

    @Test
    void aFailingCleanupDoesNotHideTheWriteFailure() throws IOException {
        Path f = dir.resolve("a.txt");
        AtomicFiles.writeString(f, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            // Put a non-empty folder where the temporary file is, so that deleting the temporary fails too.
            Path tmp;
            try (Stream<Path> s = Files.list(dir)) {
                tmp = s.filter(p -> p.getFileName().toString().startsWith(".a.txt.")).findFirst().orElseThrow();
            }
            Files.delete(tmp);
            Files.writeString(Files.createDirectory(tmp).resolve("blocker"), "x");
            throw new IOException("disk full");
        }));
        assertEquals("cannot write " + f + ": disk full", e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertInstanceOf(DirectoryNotEmptyException.class, e.getSuppressed()[0]);
        assertEquals("old", Files.readString(f));
    }

    @Test
    void cleanupFailuresAreSuppressedOnlyWhenThereIsAPrimaryFailure() {
        IOException cleanupFailure = new IOException("cannot delete temporary");
        IOException primary = new IOException("write failed");
        assertDoesNotThrow(() -> AtomicFiles.cleanUp(primary, () -> {
            throw cleanupFailure;
        }));
        assertArrayEquals(new Throwable[] {cleanupFailure}, primary.getSuppressed());

        IOException alone = assertThrows(IOException.class, () -> AtomicFiles.cleanUp(null, () -> {
            throw cleanupFailure;
        }));
        assertSame(cleanupFailure, alone);
    }

    private static Map<Path, byte[]> pair(Path a, String aText, Path b, String bText) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(a, aText.getBytes(StandardCharsets.UTF_8));
        files.put(b, bText.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    @Test
    void writeAllCreatesAndReplacesEveryFileLeavingNoTemporary() throws IOException {
        Path a = dir.resolve("r.dat");
        Path b = dir.resolve("r.hea");
        AtomicFiles.writeAll(pair(a, "dat1", b, "hea1"));
        AtomicFiles.writeAll(pair(a, "dat2", b, "hea2"));
        assertEquals("dat2", Files.readString(a));
        assertEquals("hea2", Files.readString(b));
        assertEquals(List.of("r.dat", "r.hea"), names());
    }

    @Test
    void writeAllPutsTheOldFilesBackWhenTheSecondRenameFails() throws IOException {
        Path a = dir.resolve("r.dat");
        Path b = dir.resolve("r.hea");
        AtomicFiles.writeAll(pair(a, "old dat", b, "old hea"));
        // Renames: r.dat aside, r.hea aside, new r.dat in, new r.hea in (fails), then the restores.
        int[] calls = {0};
        AtomicFiles.Mover failOnFourth = (from, to) -> {
            if (++calls[0] == 4) {
                throw new IOException("rename failed");
            }
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        };
        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.writeAll(pair(a, "new dat", b, "new hea"), failOnFourth));
        assertEquals("cannot write " + b + ": rename failed", e.getMessage());
        assertEquals(0, e.getSuppressed().length);
        assertEquals("old dat", Files.readString(a));
        assertEquals("old hea", Files.readString(b));
        assertEquals(List.of("r.dat", "r.hea"), names());
    }

    @Test
    void writeAllRemovesNewFilesThatHadNoOldCopy() throws IOException {
        Path a = dir.resolve("r.dat");
        Path b = dir.resolve("r.hea");
        int[] calls = {0};
        AtomicFiles.Mover failOnSecond = (from, to) -> {
            if (++calls[0] == 2) {
                throw new IOException("rename failed");
            }
            Files.move(from, to);
        };
        assertThrows(IOException.class, () -> AtomicFiles.writeAll(pair(a, "dat", b, "hea"), failOnSecond));
        assertEquals(List.of(), names());
    }

    @Test
    void writeAllRefusesToReplaceAFolder() throws IOException {
        Path a = dir.resolve("r.dat");
        Files.writeString(a, "old");
        Files.writeString(Files.createDirectory(dir.resolve("r.hea")).resolve("keep"), "mine");
        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.writeAll(pair(a, "new", dir.resolve("r.hea"), "hea")));
        assertTrue(e.getMessage().endsWith("r.hea is a folder; refusing to replace it"), e.getMessage());
        assertEquals("old", Files.readString(a));
        assertEquals(List.of("r.dat", "r.hea"), names());
    }

    @Test
    void foldersAreReplacedOnlyWhenTheyCarryTheMarker() throws IOException {
        Path bundle = dir.resolve("bundle");
        AtomicFiles.writeFolder(bundle, "model.json", "a bundle", d -> Files.writeString(d.resolve("model.json"), "1"));
        AtomicFiles.writeFolder(bundle, "model.json", "a bundle", d -> Files.writeString(d.resolve("model.json"), "2"));
        assertEquals("2", Files.readString(bundle.resolve("model.json")));
        assertEquals(List.of("bundle"), names());

        // An empty folder holds nothing to lose: it is replaced.
        Path empty = Files.createDirectories(dir.resolve("empty"));
        AtomicFiles.writeFolder(empty, "model.json", "a bundle", d -> Files.writeString(d.resolve("model.json"), "3"));
        assertEquals("3", Files.readString(empty.resolve("model.json")));
        Files.delete(empty.resolve("model.json"));
        Files.delete(empty);

        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("keep.txt"), "mine");
        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.writeFolder(notes, "model.json", "a bundle", d -> { }));
        assertTrue(e.getMessage().contains("is not a bundle (no model.json)"), e.getMessage());
        assertEquals("mine", Files.readString(notes.resolve("keep.txt")));
    }

    @Test
    void aFailedFolderWriteKeepsTheOldFolder() throws IOException {
        Path bundle = dir.resolve("bundle");
        AtomicFiles.writeFolder(bundle, "m", "a bundle", d -> Files.writeString(d.resolve("m"), "old"));
        assertThrows(IOException.class, () -> AtomicFiles.writeFolder(bundle, "m", "a bundle", d -> {
            Files.writeString(d.resolve("m"), "new");
            throw new IOException("interrupted");
        }));
        assertEquals("old", Files.readString(bundle.resolve("m")));
        assertEquals(List.of("bundle"), names());
    }

    @Test
    void deleteRecursivelyRemovesATreeAndIgnoresAbsentPaths() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("t/u/v"));
        Files.writeString(tree.resolve("x"), "x");
        AtomicFiles.deleteRecursively(dir.resolve("t"));
        assertFalse(Files.exists(dir.resolve("t")));
        AtomicFiles.deleteRecursively(dir.resolve("absent"));
    }
}
