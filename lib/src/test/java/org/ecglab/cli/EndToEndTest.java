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
import org.ecglab.attribution.TinyModels;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.EcgDatasetFiles;
import org.ecglab.data.Split;
import org.ecglab.data.io.Json;
import org.ecglab.data.npy.Npy;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.data.npy.NpyDType;
import org.ecglab.registry.ModelProvenance;
import org.ecglab.registry.ModelRegistry;
import org.ecglab.registry.StoredModel;
import org.ecglab.train.TrainedTaskModel;
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
        assertTrue(ModelRegistry.isEntry(lbbb), train.toString());
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
        try (StoredModel m = ModelRegistry.loadEntry(lbbb)) {
            float[][][] expected = AttributionMethods.create("saliency")
                    .attribute(m.classifier(), testSignals(d, first3), new int[3]).values();
            assertTrue(TinyModels.maxAbsDiff(maps, expected) <= 1e-6, "CLI maps differ from the library's");
        }
        assertTrue(Arrays.stream(maps).flatMap(Arrays::stream).allMatch(lead -> {
            for (float v : lead) {
                if (v < 0) {
                    return false;
                }
            }
            return true;
        }), "saliency defaults to |gradient|");
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("attr/saliency.json")));
        // The bundle's keys come first, so a reader of attributions/<method-id>.json reads the sidecar too.
        assertEquals(List.of("method", "parameters"), List.copyOf(json.keySet()).subList(0, 2));
        assertEquals("saliency", json.get("method"));
        assertEquals(true, ((Map<?, ?>) json.get("parameters")).get("abs"));
        assertEquals("LBBB-seed1", json.get("model_id"));
        assertEquals(List.of(3L, 12L, 600L), json.get("shape"));
        assertEquals(d.subset(first3).ids(), json.get("ecg_ids"));
        assertTrue(json.containsKey("convergence_delta") && json.get("convergence_delta") == null, json.toString());
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
        try (StoredModel m = ModelRegistry.loadEntry(lbbb)) {
            float[][][] expected = AttributionMethods.create("integrated_gradients", Map.of("n_steps", 8))
                    .attribute(m.classifier(), testSignals(d, positives), new int[positives.length]).values();
            assertTrue(TinyModels.maxAbsDiff(maps, expected) <= 1e-6, "CLI maps differ from the library's");
        }
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("ig.json")));
        assertEquals(8L, ((Map<?, ?>) json.get("parameters")).get("n_steps"));
        assertEquals(true, json.get("positives_only"));
        assertEquals(List.of(true, true, true), json.get("ecg_has_task_label"));
        assertEquals(positives.length, ((List<?>) json.get("convergence_delta")).size());
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
    void explainPerturbationMethodsTakeTheirFeatureMaskAsAParameter() throws IOException {
        EcgDataset d = EcgDatasetFiles.load(data);
        int[] first3 = Arrays.copyOf(d.indices(Split.TEST), 3);
        List<String[]> runs = List.of(
                new String[] {"feature_ablation", "feature_mask=waves:per_lead"},
                new String[] {"occlusion", "sliding_window_shapes=12,50", "strides=12,25"},
                new String[] {"kernel_shap", "feature_mask=segments:50", "n_samples=20", "seed=4"});
        for (String[] run : runs) {
            Path out = dir.resolve("perturbation/" + run[0] + ".npy");
            List<String> args = new java.util.ArrayList<>(List.of("explain", "--data", data.toString(), "--model",
                    lbbb.toString(), "--method", run[0], "--split", "test", "--limit", "3", "--ecgs-per-call", "2",
                    "--quiet", "--out", out.toString()));
            Map<String, Object> params = new java.util.LinkedHashMap<>();
            for (int k = 1; k < run.length; k++) {
                args.add("--param");
                args.add(run[k]);
                params.put(run[k].substring(0, run[k].indexOf('=')), run[k].substring(run[k].indexOf('=') + 1));
            }
            CliRun r = CliRun.run(args.toArray(new String[0]));
            assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
            org.ecglab.attribution.AttributionMethod method = AttributionMethods.create(run[0], params);
            if (run[1].startsWith("feature_mask=waves")) {
                // The file carries the generator's designed fiducial points: waves come from them, not a delineation.
                org.ecglab.attribution.FiducialSource designed = org.ecglab.attribution.FiducialSource.given(
                        testSignals(d, first3), Arrays.stream(first3).mapToObj(d::beatFiducials).toList());
                method = ((org.ecglab.attribution.MaskedAttributionMethod) method).withFiducials(designed);
                Map<?, ?> sidecar = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("perturbation/" + run[0]
                        + ".json")));
                assertTrue(String.valueOf(sidecar.get("fiducials")).startsWith("given for 3 of 3 ECGs"),
                        String.valueOf(sidecar.get("fiducials")));
            }
            try (StoredModel m = ModelRegistry.loadEntry(lbbb)) {
                float[][][] expected = method.attribute(m.classifier(), testSignals(d, first3), new int[3]).values();
                assertTrue(TinyModels.maxAbsDiff(Npy.read(out).toFloats3d(), expected) <= 1e-5,
                        run[0] + ": CLI maps (in calls of 2 ECGs) differ from the library's (one call)");
            }
        }
        CliRun bad = CliRun.run("explain", "--data", data.toString(), "--model", lbbb.toString(), "--method",
                "lime", "--param", "feature_mask=beats", "--out", dir.resolve("bad.npy").toString());
        assertEquals(ExitCodes.DATA_ERROR, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("parameter 'feature_mask' of method lime is 'beats'"), bad.err());
    }

    @Test
    void explainGradCamWritesMapsWithoutLeadAxisAndDrawsThem() throws IOException {
        Path out = dir.resolve("cam.npy");
        Path png = dir.resolve("cam-png");
        CliRun r = CliRun.run("explain", "--data", data.toString(), "--model", lbbb.toString(), "--method", "grad_cam",
                "--param", "layer=12", "--split", "test", "--limit", "2", "--quiet", "--out", out.toString(),
                "--png", png.toString(), "--png-count", "1");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        NpyArray npy = Npy.read(out);
        assertArrayEquals(new int[] {2, 1, 600}, npy.shape());
        EcgDataset d = EcgDatasetFiles.load(data);
        int[] first2 = Arrays.copyOf(d.indices(Split.TEST), 2);
        try (StoredModel m = ModelRegistry.loadEntry(lbbb)) {
            float[][][] expected = AttributionMethods.create("grad_cam", Map.of("layer", 12))
                    .attribute(m.classifier(), testSignals(d, first2), new int[2]).values();
            assertTrue(TinyModels.maxAbsDiff(npy.toFloats3d(), expected) <= 1e-6, "CLI maps differ from the library's");
        }
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("cam.json")));
        assertEquals(List.of(2L, 1L, 600L), json.get("shape"));
        assertEquals(12L, ((Map<?, ?>) json.get("parameters")).get("layer"));
        try (Stream<Path> s = Files.list(png)) {
            assertEquals(1, s.count());
        }
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
        List<String> err = r.err().strip().lines().toList();
        assertEquals(2, err.size(), r.toString());
        assertTrue(err.get(0).startsWith("warning: model LBBB-seed1 was trained on data "), r.toString());
        assertEquals("error: " + subset + ": the test split has no positives for LBBB; nothing to explain",
                err.get(1));
        assertFalse(Files.exists(out));
    }

    @Test
    void explainWithAMissingModelIsAUserError() {
        Path missing = models.resolve("RBBB/seed-1");
        CliRun r = CliRun.run("explain", "--data", data.toString(), "--model", missing.toString(), "--method",
                "saliency", "--out", dir.resolve("x.npy").toString());
        assertEquals(ExitCodes.DATA_ERROR, r.exitCode(), r.toString());
        assertEquals("error: " + missing + ": no model registry entry", r.err().strip());
        CliRun byKey = CliRun.run("explain", "--data", data.toString(), "--registry", models.toString(), "--task",
                "RBBB", "--method", "saliency", "--out", dir.resolve("x.npy").toString());
        assertEquals(ExitCodes.DATA_ERROR, byKey.exitCode(), byKey.toString());
        assertEquals("error: " + models.toAbsolutePath().resolve("RBBB/seed-1") + ": no model registry entry",
                byKey.err().strip());
        assertFalse(Files.exists(dir.resolve("x.npy")));
    }
}
