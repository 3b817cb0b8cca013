package org.ecglab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ecglab.attribution.AttributionMethods;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code ecglab experiment NAME} end to end on a small registry (two tasks × two seeds, one epoch, 5 ECGs per
 * class): each experiment writes its tables and figures, a rerun loads everything from the cache, and bad options
 * give one-line errors.
 */
class ExperimentCommandsTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path models;

    @BeforeAll
    static void trainModels() {
        data = dir.resolve("data.npz");
        models = dir.resolve("models");
        CliRun gen = CliRun.run("generate", "--per-class", "5", "--seed", "3", "--quiet", "--out", data.toString());
        assertEquals(ExitCodes.OK, gen.exitCode(), gen.toString());
        CliRun train = CliRun.run("train", "--data", data.toString(), "--epochs", "1", "--batch-size", "8", "--quiet",
                "--registry", models.toString(), "--task", "LBBB,RBBB", "--seeds", "1-2");
        assertEquals(ExitCodes.OK, train.exitCode(), train.toString());
    }

    private static CliRun experiment(String name, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("experiment", name, "--data", data.toString(), "--registry",
                models.toString(), "--tasks", "LBBB,RBBB", "--methods", "saliency,integrated_gradients", "--param",
                "integrated_gradients.n_steps=2", "--ecgs", "2", "--resamples", "20", "--quiet", "--out",
                out.toString()));
        args.addAll(Arrays.asList(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void everyExperimentWritesItsTablesAndFigures() {
        String[][] expected = {
            {"similarity", "similarity-rows.csv", "similarity-summary.csv", "similarity-pooled-spearman_absolute.png"},
            {"consistency", "consistency-rows.csv", "consistency-summary.csv", "consistency-spearman_signed.png"},
            {"randomization", "randomization-rows.csv", "randomization-residual.csv",
                "randomization-cascading-spearman_absolute.png", "randomization-independent-spearman_signed.png"},
            {"perturbation", "perturbation-rows.csv", "perturbation-aopc.csv", "perturbation-vs-random.csv",
                "perturbation-morf-auroc.png"},
            {"localization", "localization-rows.csv", "localization-summary.csv", "localization-comparisons.csv",
                "localization-mask_auroc.png"}};
        for (String[] e : expected) {
            Path out = dir.resolve("out-" + e[0]);
            String[] more = e[0].equals("consistency") ? new String[] {"--seeds", "1-2"}
                    : e[0].equals("perturbation") ? new String[] {"--step", "25", "--random-orders", "1"}
                    : new String[0];
            CliRun run = experiment(e[0], out, more);
            assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
            for (int i = 1; i < e.length; i++) {
                assertTrue(Files.isRegularFile(out.resolve(e[i])), e[0] + " wrote no " + e[i] + "\n" + run);
            }
            assertTrue(run.out().contains("computed, the others loaded from"), run.out());
            CliRun again = experiment(e[0], out, more);
            assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
            assertTrue(again.out().lines().anyMatch(l -> l.startsWith("0 ") && l.contains("computed")),
                    e[0] + " rerun recomputed something:\n" + again.out());
        }
        Table rows = Table.read().csv(dir.resolve("out-similarity/similarity-rows.csv").toFile());
        // 5 ECGs per class split 3/1/1: 2 tasks × 1 test positive × 1 method pair × 2 measures
        assertEquals(4, rows.rowCount());
    }

    /**
     * The default method list is every registered method, so every one must run in every experiment: maps without a
     * lead axis (Grad-CAM), modified backward passes on randomised copies, the perturbation family's recorded samples.
     * The perturbation family gets coarse features here only to keep the test short.
     */
    @Test
    void everyRegisteredMethodRunsInEveryExperiment() {
        String[] cheap = {"--param", "integrated_gradients.n_steps=2", "--param", "smoothgrad.nt_samples=2",
            "--param", "occlusion.sliding_window_shapes=12,150", "--param", "occlusion.strides=12,150",
            "--param", "feature_ablation.feature_mask=leads", "--param", "shapley_sampling.feature_mask=leads",
            "--param", "shapley_sampling.n_samples=1", "--param", "lime.feature_mask=leads",
            "--param", "kernel_shap.feature_mask=leads"};
        Set<String> registered = new TreeSet<>(AttributionMethods.ids());
        for (String name : List.of("similarity", "consistency", "randomization", "perturbation", "localization")) {
            Path out = dir.resolve("all-" + name);
            List<String> args = new ArrayList<>(List.of("experiment", name, "--data", data.toString(), "--registry",
                    models.toString(), "--tasks", "LBBB", "--ecgs", "1", "--resamples", "10", "--quiet", "--out",
                    out.toString()));
            args.addAll(List.of(cheap));
            args.addAll(switch (name) {
                case "consistency" -> List.of("--seeds", "1-2");
                case "randomization" -> List.of("--modes", "cascading");
                case "perturbation" -> List.of("--step", "50", "--random-orders", "1", "--no-lerf");
                default -> List.<String>of();
            });
            CliRun run = CliRun.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.OK, run.exitCode(), name + ": " + run);
            Table rows = Table.read().csv(out.resolve(name + "-rows.csv").toFile());
            Set<String> seen = new TreeSet<>();
            for (String column : name.equals("similarity") ? List.of("method_a", "method_b") : List.of("method")) {
                seen.addAll(rows.stringColumn(column).asSet());
            }
            seen.remove("random");
            assertEquals(registered, seen, name + " rows lack or add methods");
        }
    }

    @Test
    void outputsAndRangesAreCheckedBeforeAnyWork() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "mine");
        CliRun outIsFile = experiment("similarity", file);
        assertEquals(ExitCodes.DATA_ERROR, outIsFile.exitCode(), outIsFile.toString());
        assertTrue(outIsFile.err().contains(file + " is a file, not a folder"), outIsFile.err());
        assertEquals(1, outIsFile.err().strip().lines().count(), outIsFile.err());
        assertEquals("mine", Files.readString(file));

        Path out = dir.resolve("ranges");
        CliRun cacheIsFile = experiment("localization", out, "--cache", file.toString());
        assertEquals(ExitCodes.DATA_ERROR, cacheIsFile.exitCode(), cacheIsFile.toString());
        assertTrue(cacheIsFile.err().contains(file + " is a file, not a folder"), cacheIsFile.err());

        List<String> zeroEcgs = new ArrayList<>(List.of("experiment", "similarity", "--data", data.toString(),
                "--registry", models.toString(), "--ecgs", "0", "--out", out.toString()));
        CliRun noEcgs = CliRun.run(zeroEcgs.toArray(String[]::new));
        assertEquals(ExitCodes.DATA_ERROR, noEcgs.exitCode(), noEcgs.toString());
        assertTrue(noEcgs.err().contains("--ecgs must be at least 1, got 0"), noEcgs.err());
        assertTrue(Files.notExists(out), "nothing is written when an option is out of range");
    }

    @Test
    void badOptionsGiveOneLineErrors() {
        Path out = dir.resolve("bad");
        CliRun unknownMethod = CliRun.run("experiment", "similarity", "--data", data.toString(), "--registry",
                models.toString(), "--methods", "saliency,nope", "--out", out.toString());
        assertEquals(ExitCodes.DATA_ERROR, unknownMethod.exitCode(), unknownMethod.toString());
        assertTrue(unknownMethod.err().contains("unknown attribution method 'nope'"), unknownMethod.err());
        assertEquals(1, unknownMethod.err().strip().lines().count(), unknownMethod.err());

        CliRun oneSeed = experiment("consistency", out, "--seeds", "1");
        assertEquals(ExitCodes.DATA_ERROR, oneSeed.exitCode(), oneSeed.toString());
        assertTrue(oneSeed.err().contains("at least two seeds"), oneSeed.err());

        CliRun missingSeed = experiment("similarity", out, "--seed", "9");
        assertEquals(ExitCodes.DATA_ERROR, missingSeed.exitCode(), missingSeed.toString());
        assertTrue(missingSeed.err().contains("seed-9"), missingSeed.err());

        CliRun badParam = experiment("similarity", out, "--param", "deeplift.eps=1");
        assertEquals(ExitCodes.DATA_ERROR, badParam.exitCode(), badParam.toString());
        assertTrue(badParam.err().contains("not among --methods"), badParam.err());

        CliRun badMeasure = experiment("similarity", out, "--measures", "kendall_absolute");
        assertEquals(ExitCodes.DATA_ERROR, badMeasure.exitCode(), badMeasure.toString());
        assertTrue(badMeasure.err().contains("unknown map measure 'kendall_absolute'"), badMeasure.err());

        CliRun badReplacement = experiment("perturbation", out, "--replacement", "blur");
        assertEquals(ExitCodes.DATA_ERROR, badReplacement.exitCode(), badReplacement.toString());
        assertTrue(badReplacement.err().contains("unknown replacement 'blur'"), badReplacement.err());

        CliRun noName = CliRun.run("experiment");
        assertEquals(ExitCodes.USAGE, noName.exitCode(), noName.toString());
        assertTrue(noName.err().contains("similarity"), noName.err());
    }
}
