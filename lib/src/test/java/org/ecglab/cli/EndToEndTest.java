package org.ecglab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.EcgDatasetFiles;
import org.ecglab.data.Split;
import org.ecglab.data.npy.Npy;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.data.npy.NpyDType;
import org.ecglab.model.ModelProvenance;
import org.ecglab.model.ModelRegistry;
import org.ecglab.model.TaskModelStore;
import org.ecglab.model.TrainedTaskModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate -> info -> train -> explain in process, on a tiny synthetic dataset (5 ECGs per class, so the LBBB task
 * has 3/1/1 positives in train/validation/test) and a 2-epoch model in a registry. The maps written by
 * {@code explain} are checked against the library's methods run directly on the stored model. Registry reuse,
 * mismatches, multi-label models and {@code export}: {@link RegistryCommandsTest}.
 */
class EndToEndTest {
    private static final int PER_CLASS = 5;

    @TempDir
    static Path dir;
    static Path data;
    static Path models;
    static Path lbbb;
    static CliRun generate;
    static CliRun train;

    @BeforeAll
    static void generateAndTrain() {
        data = dir.resolve("data.npz");
        models = dir.resolve("models");
        lbbb = models.resolve("LBBB/seed-1");
        generate = CliRun.run("generate", "--per-class", "" + PER_CLASS, "--seed", "3", "--out", data.toString());
        train = CliRun.run("train", "--data", data.toString(), "--task", "lbbb", "--seeds", "1", "--epochs", "2",
                "--patience", "2", "--batch-size", "8", "--quiet", "--registry", models.toString());
    }

    private static float[][][] testSignals(EcgDataset d, int[] indices) {
        return d.subset(indices).signals();
    }

    private static double maxAbsDifference(float[][][] a, float[][][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int l = 0; l < a[i].length; l++) {
                for (int t = 0; t < a[i][l].length; t++) {
                    max = Math.max(max, Math.abs(a[i][l][t] - b[i][l][t]));
                }
            }
        }
        return max;
    }

    @Test
    void generateWritesADeterministicSyntheticDatasetWithMasks() throws IOException {
        assertEquals(ExitCodes.OK, generate.exitCode(), generate.toString());
        EcgDataset d = EcgDatasetFiles.load(data);
        assertEquals(9 * PER_CLASS, d.size());
        assertTrue(d.hasMasks());
        Path again = dir.resolve("again.npz");
        assertEquals(ExitCodes.OK, CliRun.run("generate", "--per-class", "" + PER_CLASS, "--seed", "3", "--quiet",
                "--out", again.toString()).exitCode());
        EcgDataset e = EcgDatasetFiles.load(again);
        assertEquals(d.ids(), e.ids());
        assertTrue(Arrays.deepEquals(d.signals(), e.signals()));
    }

    @Test
    void infoSummarisesSplitsClassesAndMasks() throws IOException {
        CliRun r = CliRun.run("info", data.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        // 5 per class, 60/20/20 within each class: 3/1/1 of each of the nine classes.
        assertTrue(r.out().contains("records:  45 (train 27, validation 9, test 9)"), r.out());
        assertTrue(r.out().contains("masks:    present for "), r.out());
        EcgDataset d = EcgDatasetFiles.load(data);
        var counts = d.classCounts();
        int tr = counts.get(Split.TRAIN).get(DiagnosticClass.LBBB);
        int va = counts.get(Split.VALIDATION).get(DiagnosticClass.LBBB);
        int te = counts.get(Split.TEST).get(DiagnosticClass.LBBB);
        assertTrue(tr >= 3 && va >= 1 && te >= 1, counts.toString());
        assertTrue(r.out().contains(String.format("%-6s %7d %7d %7d %7d  %s", "LBBB", tr, va, te, tr + va + te,
                DiagnosticClass.LBBB.displayName())), r.out());
        assertTrue(r.out().contains("timing:   all four fiducial points for 45 of 45 records, RR for 45"), r.out());
        assertTrue(r.out().contains(" labels differ from the labels before label noise"), r.out());
    }

    @Test
    void trainStoresTheTaskModelInTheRegistryAndPrintsItsScores() throws IOException {
        assertEquals(ExitCodes.OK, train.exitCode(), train.toString());
        assertTrue(TaskModelStore.isTaskModelFolder(lbbb), train.toString());
        ModelRegistry registry = new ModelRegistry(models);
        ModelProvenance p = registry.provenance(DiagnosticClass.LBBB, 1);
        try (TrainedTaskModel m = registry.load(DiagnosticClass.LBBB, 1)) {
            assertEquals(DiagnosticClass.LBBB, m.task());
            assertEquals(1, m.seed());
            assertTrue(m.epochsRun() <= 2);
            assertEquals(m.epochsRun(), p.epochsRun());
            assertEquals(m.validationAuroc(), p.validationAuroc());
        }
        // Tables.rounded(.., 4): the printed row carries the provenance's scores to 4 decimals.
        String row = train.out().lines().filter(l -> l.contains("LBBB")).findFirst().orElseThrow();
        assertTrue(row.contains(String.format(Locale.ROOT, "%.4f", p.validationAuroc())), row);
        assertTrue(row.contains(String.format(Locale.ROOT, "%.4f", p.test(DiagnosticClass.LBBB).auroc().lower())),
                row);
        assertTrue(row.replaceAll("[|\\s]+$", "").endsWith("false"), "freshly trained, so loaded = false: " + row);
        assertTrue(train.out().contains("trained 1 model(s), loaded 0 already in the registry"), train.out());
        assertTrue(Files.isRegularFile(models.resolve(TrainCommand.RESULTS)), train.out());
    }

    @Test
    void explainSaliencyWritesTheLibrarysMapsAndASidecar() throws IOException {
        Path out = dir.resolve("attr/saliency.npy");
        // 3 ECGs in calls of 2: the joined result must equal one call over all three.
        CliRun r = CliRun.run("explain", "--data", data.toString(), "--model", lbbb.toString(),
                "--method", "saliency", "--split", "test", "--limit", "3", "--ecgs-per-call", "2", "--quiet",
                "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        NpyArray npy = Npy.read(out);
        assertEquals(NpyDType.FLOAT32, npy.dtype());
        assertArrayEquals(new int[] {3, 12, 600}, npy.shape());
        float[][][] maps = npy.toFloats3d();

        EcgDataset d = EcgDatasetFiles.load(data);
        int[] first3 = Arrays.copyOf(d.indices(Split.TEST), 3);
        try (TrainedTaskModel m = TaskModelStore.load(lbbb)) {
            float[][][] expected = AttributionMethods.create("saliency")
                    .attribute(m.classifier(), testSignals(d, first3), new int[3]).values();
            assertTrue(maxAbsDifference(maps, expected) <= 1e-6, "CLI maps differ from the library's");
        }
        assertTrue(Arrays.stream(maps).flatMap(Arrays::stream).allMatch(lead -> {
            for (float v : lead) {
                if (v < 0) {
                    return false;
                }
            }
            return true;
        }), "saliency defaults to |gradient|");
        String json = Files.readString(dir.resolve("attr/saliency.json"));
        assertTrue(json.startsWith("{\n  \"method\": \"saliency\",\n  \"parameters\": {\n    \"abs\": true,"), json);
        assertTrue(json.contains("\"model_id\": \"LBBB-seed1\""), json);
        assertTrue(json.contains("\"shape\": [3, 12, 600]"), json);
        String ids = d.subset(first3).ids().stream().map(s -> "\"" + s + "\"").reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        assertTrue(json.contains("\"ecg_ids\": [" + ids + "]"), json);
        assertTrue(json.contains("\"convergence_delta\": null"), json);
    }

    @Test
    void explainIntegratedGradientsPassesParametersAndDrawsPngs() throws IOException {
        Path out = dir.resolve("ig.npy");
        Path png = dir.resolve("png");
        CliRun r = CliRun.run("explain", "--data", data.toString(), "--model", lbbb.toString(),
                "--method", "integrated_gradients", "--param", "n_steps=8", "--split", "train", "--positives-only",
                "--quiet", "--out", out.toString(), "--png", png.toString(), "--png-count", "2");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.out().contains("max |convergence delta|"), r.out());
        EcgDataset d = EcgDatasetFiles.load(data);
        int[] positives = d.positives(Split.TRAIN, DiagnosticClass.LBBB);
        float[][][] maps = Npy.read(out).toFloats3d();
        assertEquals(positives.length, maps.length);
        try (TrainedTaskModel m = TaskModelStore.load(lbbb)) {
            float[][][] expected = AttributionMethods.create("integrated_gradients", Map.of("n_steps", 8))
                    .attribute(m.classifier(), testSignals(d, positives), new int[positives.length]).values();
            assertTrue(maxAbsDifference(maps, expected) <= 1e-6, "CLI maps differ from the library's");
        }
        String json = Files.readString(dir.resolve("ig.json"));
        assertTrue(json.contains("\"n_steps\": 8"), json);
        assertTrue(json.contains("\"positives_only\": true"), json);
        assertTrue(json.contains("\"ecg_has_task_label\": [true, true, true]"), json);
        assertFalse(json.contains("\"convergence_delta\": null"), json);
        List<Path> pngs;
        try (Stream<Path> s = Files.list(png)) {
            pngs = s.sorted().toList();
        }
        assertEquals(2, pngs.size(), pngs.toString());
        assertTrue(pngs.get(0).getFileName().toString().matches("000-syn-\\d+-integrated_gradients\\.png"),
                pngs.toString());
        BufferedImage image = ImageIO.read(pngs.get(0).toFile());
        assertEquals(1400, image.getWidth());
    }

    @Test
    void trainingATaskWithoutPositivesFailsBeforeTrainingAnything() throws IOException {
        // Only NORM and LBBB records without AVB1: LBBB could be trained, AVB1 has no positives anywhere.
        EcgDataset d = EcgDatasetFiles.load(data);
        int[] keep = java.util.stream.IntStream.range(0, d.size())
                .filter(i -> (d.hasLabel(i, DiagnosticClass.NORM) || d.hasLabel(i, DiagnosticClass.LBBB))
                        && !d.hasLabel(i, DiagnosticClass.AVB1)).toArray();
        Path two = dir.resolve("two-classes.npz");
        EcgDatasetFiles.save(d.subset(keep), two);
        Path out = dir.resolve("models-two");
        CliRun r = CliRun.run("train", "--data", two.toString(), "--task", "AVB1,LBBB", "--epochs", "1", "--quiet",
                "--registry", out.toString());
        assertEquals(ExitCodes.DATA_ERROR, r.exitCode(), r.toString());
        long train = java.util.Arrays.stream(keep).filter(i -> d.split(i) == Split.TRAIN).count();
        assertEquals("error: " + d.subset(keep).name() + ": cannot train AVB1 (the train split has 0 positive and "
                + train + " negative records); every split needs positives and negatives. Leave it out of --task. "
                + "Nothing was trained.", r.err().strip());
        assertFalse(Files.exists(out), "nothing may be trained or written");
    }

    @Test
    void explainWithoutSelectedRecordsIsAUserErrorAndWritesNothing() throws IOException {
        EcgDataset d = EcgDatasetFiles.load(data);
        int[] noTestLbbb = java.util.stream.IntStream.range(0, d.size())
                .filter(i -> !(d.split(i) == Split.TEST && d.hasLabel(i, DiagnosticClass.LBBB))).toArray();
        Path subset = dir.resolve("no-test-lbbb.npz");
        EcgDatasetFiles.save(d.subset(noTestLbbb), subset);
        Path out = dir.resolve("none.npy");
        CliRun r = CliRun.run("explain", "--data", subset.toString(), "--model", lbbb.toString(),
                "--method", "saliency", "--positives-only", "--out", out.toString());
        assertEquals(ExitCodes.DATA_ERROR, r.exitCode(), r.toString());
        assertEquals("error: " + subset + ": the test split has no positives for LBBB; nothing to explain",
                r.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void explainWithAMissingModelIsAUserError() {
        Path missing = models.resolve("RBBB/seed-1");
        CliRun r = CliRun.run("explain", "--data", data.toString(), "--model", missing.toString(), "--method",
                "saliency", "--out", dir.resolve("x.npy").toString());
        assertEquals(ExitCodes.DATA_ERROR, r.exitCode(), r.toString());
        assertEquals("error: " + missing + ": no task model folder", r.err().strip());
        CliRun byKey = CliRun.run("explain", "--data", data.toString(), "--registry", models.toString(), "--task",
                "RBBB", "--method", "saliency", "--out", dir.resolve("x.npy").toString());
        assertEquals(ExitCodes.DATA_ERROR, byKey.exitCode(), byKey.toString());
        assertEquals("error: " + missing.toAbsolutePath().resolve(ModelProvenance.FILE)
                + ": no complete registry entry (provenance missing)", byKey.err().strip());
        assertFalse(Files.exists(dir.resolve("x.npy")));
    }
}
