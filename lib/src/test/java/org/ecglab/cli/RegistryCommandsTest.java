package org.ecglab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ecglab.ExternalTools;
import org.ecglab.attribution.Attribution;
import org.ecglab.TestTrees;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.EcgDatasetFiles;
import org.ecglab.data.Split;
import org.ecglab.data.npy.Npy;
import org.ecglab.interop.InteropBundle;
import org.ecglab.interop.LoadedBundle;
import org.ecglab.registry.ModelProvenance;
import org.ecglab.registry.ModelRegistry;
import org.ecglab.train.TrainedMultiLabelModel;
import org.ecglab.train.TrainedTaskModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code train} through the model registry (two tasks x two seeds, one epoch each, on 5 synthetic ECGs per class),
 * then again: the second run loads all four. Mismatches, explaining and exporting registry entries, multi-label.
 */
class RegistryCommandsTest {
    private static final List<String> COLUMNS = List.of("model", "task", "seed", "epochs", "best_epoch", "val_auroc",
            "test_auroc", "test_auroc_low", "test_auroc_high", "test_auprc", "test_auprc_low", "test_auprc_high",
            "n_test_pos", "n_test_neg", "loaded");

    @TempDir
    static Path dir;
    static Path data;
    static Path models;
    static CliRun first;
    static Table firstCsv;
    static CliRun second;

    private static String[] train(Path dataset, Path registry, String... more) {
        String[] base = {"train", "--data", dataset.toString(), "--epochs", "1", "--batch-size", "8", "--quiet",
            "--registry", registry.toString()};
        String[] out = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    @BeforeAll
    static void trainTwice() {
        data = dir.resolve("data.npz");
        models = dir.resolve("models");
        CliRun gen = CliRun.run("generate", "--per-class", "5", "--seed", "3", "--quiet", "--out", data.toString());
        assertEquals(ExitCodes.OK, gen.exitCode(), gen.toString());
        first = CliRun.run(train(data, models, "--task", "LBBB,RBBB", "--seeds", "1-2"));
        firstCsv = Table.read().csv(models.resolve(TrainCommand.RESULTS).toFile());
        second = CliRun.run(train(data, models, "--task", "LBBB,RBBB", "--seeds", "1-2"));
    }

    private static long countLines(String text, String... parts) {
        return text.lines().filter(l -> Arrays.stream(parts).allMatch(l::contains)).count();
    }

    @Test
    void secondRunLoadsEveryModelAndSaysSo() {
        assertEquals(ExitCodes.OK, first.exitCode(), first.toString());
        assertEquals(ExitCodes.OK, second.exitCode(), second.toString());
        assertTrue(first.out().contains("trained 4 model(s), loaded 0 already in the registry"), first.out());
        assertTrue(second.out().contains("trained 0 model(s), loaded 4 already in the registry"), second.out());
        // Printed rows end with the loaded column; the summary (two seeds) has one row per task.
        assertEquals(4, countLines(first.out(), "binary", "false"), first.out());
        assertEquals(4, countLines(second.out(), "binary", "true"), second.out());
        assertTrue(second.out().contains("task models by task"), second.out());
        for (String id : List.of("LBBB/seed-1", "LBBB/seed-2", "RBBB/seed-1", "RBBB/seed-2")) {
            assertTrue(Files.isRegularFile(models.resolve(id).resolve(ModelRegistry.PROVENANCE_FILE)), id);
        }
    }

    @Test
    void resultsCsvHoldsTheProvenanceScoresAtFullPrecision() throws IOException {
        Table csv = Table.read().csv(models.resolve(TrainCommand.RESULTS).toFile());
        assertEquals(COLUMNS, csv.columnNames());
        assertEquals(4, csv.rowCount());
        assertEquals(List.of("LBBB", "LBBB", "RBBB", "RBBB"), csv.stringColumn("task").asList());
        assertEquals(List.of(true, true, true, true), csv.booleanColumn("loaded").asList());
        assertEquals(List.of(false, false, false, false), firstCsv.booleanColumn("loaded").asList());
        ModelRegistry registry = new ModelRegistry(models);
        for (int row = 0; row < 4; row++) {
            DiagnosticClass task = DiagnosticClass.parse(csv.stringColumn("task").get(row));
            long seed = ((Number) csv.column("seed").get(row)).longValue();
            ModelProvenance p = registry.provenance(task, seed);
            assertEquals(p.validationAuroc(), number(csv, "val_auroc", row), 0.0);
            assertEquals(p.test(task).auroc().lower(), number(csv, "test_auroc_low", row), 0.0);
            assertEquals(p.test(task).auprc().upper(), number(csv, "test_auprc_high", row), 0.0);
            // Loading must not change a model's scores: the first run's CSV has the same numbers.
            assertEquals(number(firstCsv, "test_auroc", row), number(csv, "test_auroc", row), 0.0);
        }
        try (Stream<Path> files = Files.list(models)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary left");
        }
    }

    @Test
    void otherDataIsAMismatchNamingBothHashesUnlessRetrainingIsAsked() throws IOException {
        Path other = dir.resolve("other.npz");
        assertEquals(ExitCodes.OK, CliRun.run("generate", "--per-class", "5", "--seed", "4", "--quiet", "--out",
                other.toString()).exitCode());
        String before = Files.readString(models.resolve("LBBB/seed-1").resolve(ModelRegistry.PROVENANCE_FILE));
        CliRun r = CliRun.run(train(other, models, "--task", "LBBB"));
        assertEquals(ExitCodes.DATA_ERROR, r.exitCode(), r.toString());
        List<String> err = r.err().lines().toList();
        assertEquals(1, err.size(), r.toString());
        String stored = DatasetHash.shortForm(DatasetHash.of(EcgDatasetFiles.load(data)));
        String current = DatasetHash.shortForm(DatasetHash.of(EcgDatasetFiles.load(other)));
        assertTrue(err.get(0).startsWith("error: registry model LBBB seed 1 ("), r.toString());
        assertTrue(err.get(0).contains("was trained on data hash " + stored + ".. but the current dataset is "
                + current + ".."), r.toString());
        assertTrue(err.get(0).endsWith("(--retrain-on-mismatch replaces it)"), r.toString());
        assertEquals(before, Files.readString(models.resolve("LBBB/seed-1").resolve(ModelRegistry.PROVENANCE_FILE)));

        CliRun settings = CliRun.run(train(data, models, "--task", "RBBB", "--seeds", "2", "--lr", "0.01"));
        assertEquals(ExitCodes.DATA_ERROR, settings.exitCode(), settings.toString());
        assertTrue(settings.err().contains("registry model RBBB seed 2") && settings.err().contains("was trained "
                + "with"), settings.toString());

        // Retraining replaces the entry: done on a copy, the shared registry stays as the other tests expect.
        Path copy = dir.resolve("copy");
        TestTrees.copy(models.resolve("LBBB/seed-1"), copy.resolve("LBBB/seed-1"));
        CliRun retrain = CliRun.run(train(other, copy, "--task", "LBBB", "--retrain-on-mismatch"));
        assertEquals(ExitCodes.OK, retrain.exitCode(), retrain.toString());
        assertTrue(retrain.out().contains("trained 1 model(s), loaded 0"), retrain.out());
        assertEquals(DatasetHash.of(EcgDatasetFiles.load(other)),
                new ModelRegistry(copy).provenance(DiagnosticClass.LBBB, 1).spec().datasetHash());
    }

    @Test
    void explainByRegistryKeyEqualsExplainByFolder() throws IOException {
        Path byKey = dir.resolve("key.npy");
        Path byFolder = dir.resolve("folder.npy");
        CliRun k = CliRun.run("explain", "--data", data.toString(), "--registry", models.toString(), "--task", "RBBB",
                "--seed", "2", "--method", "saliency", "--limit", "3", "--quiet", "--out", byKey.toString());
        CliRun f = CliRun.run("explain", "--data", data.toString(), "--model", models.resolve("RBBB/seed-2").toString(),
                "--method", "saliency", "--limit", "3", "--quiet", "--out", byFolder.toString());
        assertEquals(ExitCodes.OK, k.exitCode(), k.toString());
        assertEquals(ExitCodes.OK, f.exitCode(), f.toString());
        assertArrayEquals(Files.readAllBytes(byFolder), Files.readAllBytes(byKey));
        assertTrue(k.out().contains("model RBBB-seed2 logit 0 (RBBB)"), k.out());
        String json = Files.readString(dir.resolve("key.json"));
        assertTrue(json.contains("\"model_dataset_sha256\": \"" + DatasetHash.of(EcgDatasetFiles.load(data)) + "\""),
                json);
        assertTrue(json.contains("\"target_output\": 0"), json);
        assertTrue(json.contains("\"dataset_is_training_data\": true"), json);
        assertFalse(k.err().contains("warning"), k.err());
    }

    @Test
    void explainingOtherDataWarnsAndSaysSoInTheSidecar() throws IOException {
        Path other = dir.resolve("other-for-explain.npz");
        assertEquals(ExitCodes.OK, CliRun.run("generate", "--per-class", "5", "--seed", "9", "--quiet", "--out",
                other.toString()).exitCode());
        Path npy = dir.resolve("other.npy");
        CliRun r = CliRun.run("explain", "--data", other.toString(), "--registry", models.toString(), "--task",
                "LBBB", "--seed", "1", "--method", "saliency", "--limit", "2", "--quiet", "--out", npy.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.err().contains("warning: model LBBB-seed1 was trained on data "), r.err());
        assertTrue(Files.readString(dir.resolve("other.json")).contains("\"dataset_is_training_data\": false"));
    }

    @Test
    void exportWritesTheBundleFilesAndTheyReadBackWithIdenticalLogits() throws IOException {
        Path bundle = dir.resolve("bundle");
        CliRun r = CliRun.run("export", "--data", data.toString(), "--registry", models.toString(), "--task", "LBBB",
                "--seed", "1", "--limit", "4", "--quiet", "--out", bundle.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.out().contains("python3 lib/src/test/python/check_bundle.py " + bundle), r.out());
        assertEquals(new TreeSet<>(List.of("model.json", "weights.npz", "inputs.npy", "targets.npy", "logits.npy",
                "attributions/saliency.npy", "attributions/saliency.json", "attributions/integrated_gradients.npy",
                "attributions/integrated_gradients.json")), filesUnder(bundle));

        EcgDataset d = EcgDatasetFiles.load(data);
        float[][][] inputs = d.subset(Arrays.copyOf(d.indices(Split.TEST), 4)).signals();
        try (LoadedBundle b = InteropBundle.read(bundle);
                TrainedTaskModel m = new ModelRegistry(models).load(DiagnosticClass.LBBB, 1)) {
            assertTrue(Arrays.deepEquals(inputs, b.inputs()), "inputs are the first 4 test ECGs");
            assertArrayEquals(new int[4], b.targets());
            assertEquals(List.of("LBBB"), b.classNames());
            float[][] direct = m.classifier().predictLogits(inputs, 4);
            assertTrue(Arrays.deepEquals(direct, b.logits()), "stored logits are the registry model's");
            assertTrue(Arrays.deepEquals(direct, b.model().predictLogits(b.inputs(), 4)),
                    "the rebuilt model gives identical logits");
            float[][][] saliency = AttributionMethods.create("saliency").attribute(m.classifier(), inputs, new int[4])
                    .values();
            assertTrue(Arrays.deepEquals(saliency, b.attributions().get("saliency").values()));
            assertEquals("integrated_gradients", b.attributions().get("integrated_gradients").methodId());
        }
    }

    @Test
    void exportedSamplingAndCamMethodsCarryTheirDrawsAndPyTorchReproducesThem() throws Exception {
        Path bundle = dir.resolve("sampling-bundle");
        CliRun r = CliRun.run("export", "--data", data.toString(), "--registry", models.toString(), "--task", "LBBB",
                "--limit", "4", "--ecgs-per-call", "3", "--method", "smoothgrad", "--method", "gradient_shap",
                "--method", "grad_cam", "--quiet", "--out", bundle.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        EcgDataset d = EcgDatasetFiles.load(data);
        float[][][] inputs = d.subset(Arrays.copyOf(d.indices(Split.TEST), 4)).signals();
        try (LoadedBundle b = InteropBundle.read(bundle);
                TrainedTaskModel m = new ModelRegistry(models).load(DiagnosticClass.LBBB, 1)) {
            // calls of 3 and 1 ECGs: the draws of both calls are joined along the ECG axis
            float[] noise = b.attributions().get("smoothgrad").samples().get("noise").toFloats();
            assertEquals(4 * 5 * 12 * 600, noise.length);
            Attribution firstCall = AttributionMethods.create("smoothgrad").attribute(m.classifier(),
                    Arrays.copyOf(inputs, 3), new int[3]);
            assertArrayEquals(firstCall.samples().get("noise").toFloats(), Arrays.copyOf(noise, 3 * 5 * 12 * 600), 0f);
            assertArrayEquals(new int[] {4, 5}, b.attributions().get("gradient_shap").samples().get("alpha").shape());
            assertFalse(b.attributions().get("grad_cam").leadAxis());
        }
        ExternalTools.require("numpy, torch", "python3-torch python3-numpy");
        ExternalTools.Result check = ExternalTools.run(List.of(ExternalTools.PYTHON, "src/test/python/check_bundle.py",
                bundle.toString()), 120);
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("all checks passed"), check.output());
    }

    @Test
    void multiLabelModelsAreTrainedAndExplainedByOutput() throws IOException {
        Path registry = dir.resolve("multi");
        CliRun t = CliRun.run(train(data, registry, "--task", "all", "--multilabel"));
        assertEquals(ExitCodes.OK, t.exitCode(), t.toString());
        assertEquals(9, countLines(t.out(), "multilabel", "false"), t.out());
        Path out = dir.resolve("multi-rbbb.npy");
        CliRun e = CliRun.run("explain", "--data", data.toString(), "--registry", registry.toString(), "--multilabel",
                "--task", "RBBB", "--method", "saliency", "--limit", "2", "--quiet", "--out", out.toString());
        assertEquals(ExitCodes.OK, e.exitCode(), e.toString());
        assertTrue(e.out().contains("model multilabel-seed1 logit 3 (RBBB)"), e.out());
        EcgDataset d = EcgDatasetFiles.load(data);
        float[][][] inputs = d.subset(Arrays.copyOf(d.indices(Split.TEST), 2)).signals();
        try (TrainedMultiLabelModel m = new ModelRegistry(registry).loadMultiLabel(1)) {
            float[][][] expected = AttributionMethods.create("saliency")
                    .attribute(m.classifier(), inputs, new int[] {3, 3}).values();
            assertTrue(Arrays.deepEquals(expected, Npy.read(out).toFloats3d()), "RBBB is logit 3 of nine");
        }
        CliRun byFolder = CliRun.run("explain", "--data", data.toString(), "--model",
                registry.resolve("multilabel/seed-1").toString(), "--out", dir.resolve("x.npy").toString());
        assertEquals(ExitCodes.DATA_ERROR, byFolder.exitCode(), byFolder.toString());
        assertTrue(byFolder.err().contains("holds a multi-label model; select it with --registry DIR --multilabel"),
                byFolder.toString());
    }

    /** A CSV cell as double; Tablesaw reads a column whose values are all whole (e.g. 1.0) as integers. */
    private static double number(Table csv, String column, int row) {
        return ((Number) csv.column(column).get(row)).doubleValue();
    }

    private static Set<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
