package org.ecglab.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecglab.ChildJvm;
import org.ecglab.TestTrees;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.stats.PercentileBootstrap;
import org.ecglab.train.ToyEcgData;
import org.ecglab.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Issue 8, items 2, 5, 8 and 10 at the library level: the lab writes only into a folder that is a registry, one run
 * at a time per entry, checks that it can write before it trains, and merges results instead of replacing them.
 */
class RegistrySafetyTest {
    private static final EcgDataset DATA = ToyEcgData.make(100, 1 / 3.0, 0.5, 0.05, 21);
    private static final DiagnosticClass TASK = ToyEcgData.TASK;
    private static final TrainingConfig CONFIG = TrainingConfig.defaults().withMaxEpochs(1).withPatience(1)
            .withShowProgress(false);

    @TempDir
    Path dir;

    static TaskModelSuite suite(Path root) {
        return new TaskModelSuite(new ModelRegistry(root), CONFIG).withProgress(false)
                .withBootstrap(new PercentileBootstrap(50, 0.95, 3));
    }

    @Test
    void aFolderOfTheUsersIsRefusedAndLeftExactlyAsItWas() throws IOException {
        Path root = dir.resolve("mine");
        Files.writeString(Files.createDirectories(root.resolve("LBBB/seed-1")).resolve("precious.txt"), "keep");
        Files.writeString(root.resolve("results.csv"), "my,own\n1,2\n");
        List<String> before = TestTrees.tree(root);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> suite(root).trainOrLoad(DATA, List.of(TASK), List.of(1L)));
        assertTrue(e.getMessage().contains(root + " is not a model registry") && e.getMessage().contains(
                "LBBB/seed-1/precious.txt") && e.getMessage().contains("results.csv"), e.getMessage());
        assertEquals(before, TestTrees.tree(root));
        assertEquals("keep", Files.readString(root.resolve("LBBB/seed-1/precious.txt")));
    }

    @Test
    void aNewFolderIsMarkedAndAnUnmarkedFolderOfTheLabsOwnIsAdopted() throws IOException {
        Path root = dir.resolve("models");
        suite(root).trainOrLoad(DATA, List.of(TASK), List.of(1L)).close();
        assertTrue(Files.isRegularFile(root.resolve(RegistryFolder.MARKER)));
        // A registry of a version before the marker: entries and the lab's results table only.
        Files.delete(root.resolve(RegistryFolder.MARKER));
        Files.writeString(root.resolve(ResultsFile.NAME), String.join(",", ResultsFile.columns()) + "\n");
        try (SuiteResult r = suite(root).trainOrLoad(DATA, List.of(TASK), List.of(1L, 2L))) {
            assertEquals(1, r.trainedCount());
        }
        assertTrue(Files.isRegularFile(root.resolve(RegistryFolder.MARKER)));
        // A file of the user's inside an entry makes it the user's too.
        Files.delete(root.resolve(RegistryFolder.MARKER));
        Files.writeString(root.resolve("ASTE/seed-1/notes.txt"), "mine");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> suite(root).trainOrLoad(DATA, List.of(TASK), List.of(3L)));
        assertTrue(e.getMessage().contains("ASTE/seed-1/notes.txt"), e.getMessage());
    }

    @Test
    void aRegistryThatCannotBeWrittenFailsBeforeAnyTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        // LBBB has no positives in the toy data, so training it would fail with the trainer's error: getting the
        // registry's error shows the registry was checked first.
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> suite(file.resolve("models")).trainOrLoad(DATA, List.of(DiagnosticClass.LBBB), List.of(1L)));
        assertTrue(e.getMessage().contains(file + " is a file, not a folder"), e.getMessage());
    }

    @Test
    void aSecondRunOfAnEntryBeingTrainedIsToldAndChangesNothing() throws Exception {
        Path root = dir.resolve("shared");
        Process holder = new ProcessBuilder(ChildJvm.command(List.of("-Xmx64m"), LockHolder.class, root.toString(),
                TASK.id(), "1")).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> suite(root).trainOrLoad(DATA, List.of(TASK), List.of(1L)));
            assertInstanceOf(RegistryBusyException.class, e.getCause());
            assertTrue(e.getMessage().contains("registry model ASTE seed 1") && e.getMessage().contains(
                    "being trained and written by another run (process " + holder.pid()), e.getMessage());
            assertFalse(Files.exists(root.resolve("ASTE/seed-1")));
            // Another entry of the same registry is free.
            try (SuiteResult r = suite(root).trainOrLoad(DATA, List.of(TASK), List.of(2L))) {
                assertEquals(1, r.trainedCount());
            }
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        // The lock went with the process.
        try (SuiteResult r = suite(root).trainOrLoad(DATA, List.of(TASK), List.of(1L))) {
            assertEquals(1, r.trainedCount());
        }
    }

    @Test
    void resultsOfASubsetAreMergedAndAForeignTableIsNeverReplaced() throws IOException {
        Path root = dir.resolve("models");
        Path csv = root.resolve(ResultsFile.NAME);
        try (SuiteResult both = suite(root).trainOrLoad(DATA, List.of(DiagnosticClass.NORM, TASK), List.of(1L))) {
            assertEquals(2, ResultsFile.merge(csv, both.table(), root).rowCount());
        }
        try (SuiteResult one = suite(root).trainOrLoad(DATA, List.of(TASK), List.of(1L, 2L))) {
            Table merged = ResultsFile.merge(csv, one.table(), root);
            assertEquals(List.of("NORM", "ASTE", "ASTE"), merged.stringColumn("task").asList());
            assertEquals(List.of(1L, 1L, 2L), merged.longColumn("seed").asList());
            assertEquals(List.of(false, true, false), merged.booleanColumn("loaded").asList());
        }
        Table read = Table.read().csv(csv.toFile());
        assertEquals(3, read.rowCount());
        Path foreign = Files.writeString(dir.resolve("mine.csv"), "my,own\n1,2\n");
        IOException e = assertThrows(IOException.class, () -> ResultsFile.checkWritable(foreign));
        assertTrue(e.getMessage().contains(foreign + " exists and is not a results table of the lab"), e.getMessage());
        try (SuiteResult again = suite(root).trainOrLoad(DATA, List.of(TASK), List.of(1L))) {
            assertThrows(IOException.class, () -> ResultsFile.merge(foreign, again.table(), root));
        }
        assertEquals("my,own\n1,2\n", Files.readString(foreign));
    }
}
