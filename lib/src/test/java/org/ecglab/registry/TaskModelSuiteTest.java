package org.ecglab.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ecglab.LibraryVersion;
import org.ecglab.TestTrees;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.nn.Architecture;
import org.ecglab.stats.PercentileBootstrap;
import org.ecglab.train.ToyEcgData;
import org.ecglab.train.TrainedMultiLabelModel;
import org.ecglab.train.TrainedTaskModel;
import org.ecglab.train.TrainingConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tasks (NORM and ASTE, complementary on the toy data) x two seeds, two epochs each, trained once into a shared
 * registry; the other tests load, mismatch or damage copies of it.
 */
class TaskModelSuiteTest {
    private static final EcgDataset DATA = ToyEcgData.make(100, 1 / 3.0, 0.5, 0.05, 21);
    private static final List<DiagnosticClass> TASKS = List.of(DiagnosticClass.NORM, ToyEcgData.TASK);
    private static final List<Long> SEEDS = List.of(1L, 2L);
    private static final TrainingConfig CONFIG = TrainingConfig.defaults().withMaxEpochs(2).withPatience(2)
            .withShowProgress(false);
    private static final List<String> COLUMNS = List.of("model", "task", "seed", "epochs", "best_epoch", "val_auroc",
            "test_auroc", "test_auroc_low", "test_auroc_high", "test_auprc", "test_auprc_low", "test_auprc_high",
            "n_test_pos", "n_test_neg", "loaded");

    @TempDir
    static Path shared;
    @TempDir
    Path dir;
    private static SuiteResult first;

    private static TaskModelSuite suite(Path root) {
        return new TaskModelSuite(new ModelRegistry(root), CONFIG).withProgress(false)
                .withBootstrap(new PercentileBootstrap(200, 0.95, 3));
    }

    @BeforeAll
    static void trainOnce() {
        first = suite(shared).trainOrLoad(DATA, TASKS, SEEDS);
    }

    @AfterAll
    static void close() {
        first.close();
    }

    /** A copy of the shared registry, for tests that change it. */
    private Path copyOfRegistry() throws IOException {
        TestTrees.copy(shared, dir);
        return dir;
    }

    @Test
    void firstRunTrainsEveryModelAndReportsOneRowPerTaskAndSeed() {
        assertEquals(4, first.trainedCount());
        assertEquals(0, first.loadedCount());
        assertEquals(List.of("NORM-seed1", "NORM-seed2", "ASTE-seed1", "ASTE-seed2"),
                first.models().stream().map(TrainedTaskModel::id).toList());
        assertEquals(List.of("ASTE-seed1", "ASTE-seed2"), first.models(ToyEcgData.TASK).stream()
                .map(m -> m.classifier().id()).toList());
        var t = first.table();
        assertEquals(COLUMNS, t.columnNames());
        assertEquals(4, t.rowCount());
        int testSize = DATA.indices(Split.TEST).length;
        for (int r = 0; r < t.rowCount(); r++) {
            var row = t.row(r);
            assertEquals("binary", row.getString("model"));
            assertFalse(row.getBoolean("loaded"));
            assertEquals(testSize, row.getInt("n_test_pos") + row.getInt("n_test_neg"));
            assertTrue(row.getDouble("test_auroc_low") <= row.getDouble("test_auroc")
                    && row.getDouble("test_auroc") <= row.getDouble("test_auroc_high"), row.toString());
            assertTrue(row.getDouble("test_auprc_low") <= row.getDouble("test_auprc")
                    && row.getDouble("test_auprc") <= row.getDouble("test_auprc_high"), row.toString());
            TrainedTaskModel m = first.model(DiagnosticClass.parse(row.getString("task")), row.getLong("seed"));
            assertEquals(m.testAuroc(), row.getDouble("test_auroc"), 0); // the trainer's AUROC, same test set
            assertEquals(m.epochsRun(), row.getInt("epochs"));
        }
        // ASTE positives are every third cycle of five records: 7 of the 20 test records.
        assertEquals(7, t.where(t.stringColumn("task").isEqualTo("ASTE")).intColumn("n_test_pos").get(0));
        var s = first.summary();
        assertEquals(2, s.rowCount());
        assertEquals(List.of(2, 2), s.intColumn("seeds").asList());
        double mean = (t.doubleColumn("test_auroc").get(0) + t.doubleColumn("test_auroc").get(1)) / 2;
        assertEquals(mean, s.doubleColumn("mean_test_auroc").get(0), 1e-12);
    }

    @Test
    void registryHoldsEachModelWithItsProvenance() throws IOException {
        ModelRegistry registry = new ModelRegistry(shared);
        assertTrue(Files.isRegularFile(shared.resolve("ASTE/seed-2").resolve(ModelRegistry.PROVENANCE_FILE)));
        try (Stream<Path> s = Files.list(shared.resolve("ASTE"))) {
            assertEquals(List.of("seed-1", "seed-2"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        ModelProvenance p = registry.provenance(ToyEcgData.TASK, 2);
        assertEquals(first.provenance().get(3), p); // every field survives the properties file exactly
        assertEquals("ASTE-seed2", p.modelId());
        assertEquals(2, p.seed());
        assertEquals(DatasetHash.of(DATA), p.spec().datasetHash());
        assertEquals(DATA.name(), p.datasetName());
        assertEquals(Architecture.defaultCnn(1), p.spec().architecture());
        assertEquals(CONFIG.withSeed(0), p.spec().config());
        assertEquals(LibraryVersion.get(), p.libraryVersion());
        assertEquals(200, p.test(ToyEcgData.TASK).auroc().resamples());
        assertTrue(registry.contains(ToyEcgData.TASK, 2,
                new TrainingSpec(Architecture.defaultCnn(1), CONFIG, DatasetHash.of(DATA))));
        assertFalse(registry.contains(DiagnosticClass.LBBB, 2,
                new TrainingSpec(Architecture.defaultCnn(1), CONFIG, DatasetHash.of(DATA))));
        try (TrainedTaskModel loaded = registry.load(ToyEcgData.TASK, 2)) {
            assertArrayEquals(first.model(ToyEcgData.TASK, 2).classifier().predictLogits(DATA.signals(), 64),
                    loaded.classifier().predictLogits(DATA.signals(), 64));
        }
    }

    @Test
    void secondRunLoadsInsteadOfTraining() {
        try (SuiteResult again = suite(shared).trainOrLoad(DATA, TASKS, SEEDS)) {
            assertEquals(0, again.trainedCount());
            assertEquals(4, again.loadedCount());
            assertTrue(again.table().booleanColumn("loaded").asList().stream().allMatch(b -> b));
            for (String c : COLUMNS.subList(0, COLUMNS.size() - 1)) {
                assertEquals(first.table().column(c).asList(), again.table().column(c).asList(), c);
            }
            assertArrayEquals(first.model(DiagnosticClass.NORM, 1).classifier().predictLogits(DATA.signals(), 64),
                    again.model(DiagnosticClass.NORM, 1).classifier().predictLogits(DATA.signals(), 64));
        }
    }

    @Test
    void otherDataIsAnErrorNamingBothHashesUnlessRetrainingIsAsked() throws IOException {
        EcgDataset other = ToyEcgData.make(100, 1 / 3.0, 0.5, 0.05, 22);
        RegistryMismatchException e = assertThrows(RegistryMismatchException.class,
                () -> suite(shared).trainOrLoad(other, TASKS, SEEDS));
        String stored = DatasetHash.shortForm(DatasetHash.of(DATA));
        String current = DatasetHash.shortForm(DatasetHash.of(other));
        assertTrue(e.getMessage().contains("registry model NORM seed 1") && e.getMessage().contains(
                "was trained on data hash " + stored + ".. but the current dataset is " + current + ".."),
                e.getMessage());
        Path root = copyOfRegistry();
        try (SuiteResult retrained = suite(root).withRetrainOnMismatch(true).trainOrLoad(other,
                List.of(ToyEcgData.TASK), List.of(1L))) {
            assertEquals(1, retrained.trainedCount());
            assertEquals(DatasetHash.of(other), new ModelRegistry(root).provenance(ToyEcgData.TASK, 1)
                    .spec().datasetHash());
        }
    }

    @Test
    void otherSettingsAreAnErrorSayingWhatDiffers() {
        TaskModelSuite longer = new TaskModelSuite(new ModelRegistry(shared), CONFIG.withMaxEpochs(3))
                .withProgress(false);
        RegistryMismatchException e = assertThrows(RegistryMismatchException.class,
                () -> longer.trainOrLoad(DATA, List.of(ToyEcgData.TASK), List.of(1L)));
        assertTrue(e.getMessage().contains("registry model ASTE seed 1") && e.getMessage().contains("maxEpochs=2")
                && e.getMessage().contains("maxEpochs=3"), e.getMessage());
    }

    @Test
    void corruptEntriesAreNamed() throws IOException {
        Path root = copyOfRegistry();
        Path entry = root.resolve("ASTE/seed-1");
        Files.writeString(entry.resolve(ModelRegistry.PROVENANCE_FILE), "format=ecglab-provenance-1\nseed=x\n");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> suite(root).trainOrLoad(DATA, List.of(ToyEcgData.TASK), List.of(1L)));
        assertTrue(e.getMessage().contains(entry.toString()) && e.getMessage().contains("corrupt"), e.getMessage());
        Path params = root.resolve("NORM/seed-2/NORM-seed2-0000.params");
        Files.write(params, new byte[] {1, 2, 3});
        e = assertThrows(UncheckedIOException.class,
                () -> suite(root).trainOrLoad(DATA, List.of(DiagnosticClass.NORM), List.of(2L)));
        assertTrue(e.getMessage().contains("NORM/seed-2") && e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void aFolderThatIsNotAnEntryStopsTheRunBeforeAnyTraining() throws IOException {
        Path root = dir.resolve("registry");
        Path foreign = Files.createDirectories(root.resolve("ASTE/seed-1"));
        Files.writeString(foreign.resolve("precious.txt"), "the user's");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> suite(root).trainOrLoad(DATA, List.of(ToyEcgData.TASK), List.of(1L)));
        assertTrue(e.getMessage().contains(foreign + " exists and is not a model registry entry"), e.getMessage());
        assertEquals("the user's", Files.readString(foreign.resolve("precious.txt")));
        try (Stream<Path> files = Files.list(foreign)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void anEntryOfTheEarlierLayoutIsAMismatchThatRetrainingReplaces() throws IOException {
        Path root = dir.resolve("old-registry");
        Path old = Files.createDirectories(root.resolve("ASTE/seed-1"));
        Files.writeString(old.resolve("provenance.properties"), "format=ecglab-provenance-1\n");
        RegistryMismatchException e = assertThrows(RegistryMismatchException.class,
                () -> suite(root).trainOrLoad(DATA, List.of(ToyEcgData.TASK), List.of(1L)));
        assertTrue(e.getMessage().contains("written by an earlier version of the lab"), e.getMessage());
        try (SuiteResult r = suite(root).withRetrainOnMismatch(true).trainOrLoad(DATA, List.of(ToyEcgData.TASK),
                List.of(1L))) {
            assertEquals(1, r.trainedCount());
        }
        assertTrue(ModelRegistry.isEntry(old));
        assertFalse(Files.exists(old.resolve("provenance.properties")));
    }

    @Test
    void multiLabelModelHasOneRowPerOutputAndIsStoredToo() {
        List<DiagnosticClass> outputs = List.of(DiagnosticClass.NORM, ToyEcgData.TASK);
        try (SuiteResult multi = suite(dir).trainOrLoadMultiLabel(DATA, outputs, List.of(4L))) {
            assertEquals(1, multi.trainedCount());
            TrainedMultiLabelModel m = multi.multiLabelModels().get(0);
            assertEquals("multilabel-seed4", m.id());
            assertEquals(List.of("NORM", "ASTE"), m.classifier().outputNames());
            float[][] logits = m.classifier().predictLogits(DATA.signals(), 64);
            assertEquals(2, logits[0].length);
            var t = multi.table();
            assertEquals(COLUMNS, t.columnNames());
            assertEquals(List.of("multilabel", "multilabel"), t.stringColumn("model").asList());
            assertEquals(List.of("NORM", "ASTE"), t.stringColumn("task").asList());
            assertEquals(List.of(4L, 4L), t.longColumn("seed").asList());
            // NORM and ASTE are complementary: the positives of one are the negatives of the other.
            assertEquals(t.intColumn("n_test_pos").get(0), t.intColumn("n_test_neg").get(1));
            try (SuiteResult again = suite(dir).trainOrLoadMultiLabel(DATA, outputs, List.of(4L))) {
                assertEquals(0, again.trainedCount());
                assertEquals(List.of(true, true), again.table().booleanColumn("loaded").asList());
                assertArrayEquals(logits, again.multiLabelModels().get(0).classifier()
                        .predictLogits(DATA.signals(), 64));
                assertEquals(t.doubleColumn("test_auroc_low").asList(),
                        again.table().doubleColumn("test_auroc_low").asList());
            }
            RegistryMismatchException e = assertThrows(RegistryMismatchException.class,
                    () -> suite(dir).trainOrLoadMultiLabel(DATA, List.of(ToyEcgData.TASK, DiagnosticClass.NORM),
                            List.of(4L)));
            assertTrue(e.getMessage().contains("has outputs [NORM, ASTE]"), e.getMessage());
        }
    }

    @Test
    void badRequestsAreRejected() {
        TaskModelSuite s = suite(dir);
        assertThrows(IllegalArgumentException.class, () -> s.trainOrLoad(DATA, List.of(), SEEDS));
        assertThrows(IllegalArgumentException.class, () -> s.trainOrLoad(DATA, TASKS, List.of(1L, 1L)));
        // LBBB has no positive in the toy data: the trainer names the split, nothing is stored.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.trainOrLoad(DATA, List.of(DiagnosticClass.LBBB), SEEDS));
        assertTrue(e.getMessage().contains("LBBB"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("LBBB")));
    }
}
