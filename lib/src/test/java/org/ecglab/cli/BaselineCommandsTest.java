package org.ecglab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.MethodDescriptor;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.EcgDatasetFiles;
import org.ecglab.data.Split;
import org.ecglab.data.io.Json;
import org.ecglab.data.npy.Npy;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.interop.InteropBundle;
import org.ecglab.registry.ModelRegistry;
import org.ecglab.registry.StoredModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 on the command line: baselines from files (one for all, one per ECG, a distribution) reach the method and
 * are recorded; every method's parameters are listed; {@code export --method all} includes every method. The maps
 * are checked against the library's method run directly on the stored model with the same baselines.
 */
class BaselineCommandsTest {
    private static final int N = 4;

    @TempDir
    static Path dir;
    static Path data;
    static Path models;
    static float[][][] selected;

    @BeforeAll
    static void dataAndModel() throws IOException {
        data = dir.resolve("data.npz");
        models = dir.resolve("models");
        assertEquals(ExitCodes.OK, CliRun.run("generate", "--per-class", "5", "--seed", "3", "--quiet", "--out",
                data.toString()).exitCode());
        CliRun t = CliRun.run("train", "--data", data.toString(), "--task", "LBBB", "--epochs", "1", "--batch-size",
                "8", "--quiet", "--registry", models.toString());
        assertEquals(ExitCodes.OK, t.exitCode(), t.toString());
        EcgDataset d = EcgDatasetFiles.load(data);
        int[] test = d.indices(Split.TEST);
        selected = d.subset(java.util.Arrays.copyOf(test, N)).signals();
    }

    /** Baseline rows: each selected ECG scaled by a different factor, so every row differs from the others. */
    private static float[][][] rows(int k) {
        float[][][] r = new float[k][12][600];
        for (int i = 0; i < k; i++) {
            for (int l = 0; l < 12; l++) {
                for (int t = 0; t < 600; t++) {
                    r[i][l][t] = selected[i % N][l][t] * (0.2f + 0.1f * i);
                }
            }
        }
        return r;
    }

    private static Path npy(String name, float[][][] r) throws IOException {
        Path p = dir.resolve(name);
        Npy.write(p, NpyArray.ofFloats(r));
        return p;
    }

    private static CliRun explain(String method, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("explain", "--data", data.toString(), "--registry", models.toString(),
                "--task", "LBBB", "--limit", "" + N, "--method", method, "--quiet", "--out", out.toString()));
        a.addAll(List.of(more));
        return CliRun.run(a.toArray(String[]::new));
    }

    /** The library's integrated gradients (8 steps) on the selected ECGs with these baselines. */
    private static float[][][] library(Baselines b) throws IOException {
        try (StoredModel m = ModelRegistry.loadEntry(models.resolve("LBBB/seed-1"))) {
            return AttributionMethods.create("integrated_gradients", Map.of("n_steps", 8))
                    .attribute(m.classifier(), selected, new int[N], b).values();
        }
    }

    @Test
    void baselinesFromAFileReachTheMethodAndAreRecorded() throws IOException {
        Path perEcg = npy("per-ecg.npy", rows(N));
        Path out = dir.resolve("ig-rows.npy");
        CliRun r = explain("integrated_gradients", out, "--param", "n_steps=8", "--baseline", perEcg.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertArrayEquals(library(Baselines.of(rows(N))), Npy.read(out).toFloats3d());
        String sidecar = Files.readString(dir.resolve("ig-rows.json"));
        assertTrue(sidecar.contains("\"kind\": \"rows\"") && sidecar.contains(perEcg.toString())
                && sidecar.contains("\"ecgs\": " + N), sidecar);

        // One ECG for all, stored as [12, 600].
        Path one = dir.resolve("one.npy");
        Npy.write(one, NpyArray.ofFloats(flatten(rows(1)[0]), 12, 600));
        Path outOne = dir.resolve("ig-one.npy");
        CliRun r1 = explain("integrated_gradients", outOne, "--param", "n_steps=8", "--baseline", one.toString());
        assertEquals(ExitCodes.OK, r1.exitCode(), r1.toString());
        assertArrayEquals(library(Baselines.of(rows(1))), Npy.read(outOne).toFloats3d());
        // Explicit zero is the default.
        Path outZero = dir.resolve("ig-zero.npy");
        assertEquals(ExitCodes.OK, explain("integrated_gradients", outZero, "--param", "n_steps=8", "--baseline",
                "zero").exitCode());
        assertArrayEquals(library(Baselines.zero()), Npy.read(outZero).toFloats3d());
    }

    private static float[] flatten(float[][] m) {
        float[] f = new float[12 * 600];
        for (int l = 0; l < 12; l++) {
            System.arraycopy(m[l], 0, f, l * 600, 600);
        }
        return f;
    }

    private static void assertError(CliRun r, String expected) {
        assertEquals(ExitCodes.DATA_ERROR, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(expected), "expected '" + expected + "' in " + r);
    }

    @Test
    void baselinesThatDoNotFitAreClearErrors() throws IOException {
        Path out = dir.resolve("bad.npy");
        Path three = npy("three.npy", rows(3));
        assertError(explain("integrated_gradients", out, "--baseline", three.toString()),
                "--baseline " + three + " has 3 ECGs for 4 selected ECGs; give 1 (for all) or 4");
        assertError(explain("saliency", out, "--baseline", three.toString()),
                "method saliency does not use a baseline; leave out --baseline and --baseline-distribution");
        assertError(explain("integrated_gradients", out, "--baseline-distribution", three.toString()),
                "method integrated_gradients takes one baseline for all inputs or one per input, not a distribution");
        assertError(explain("integrated_gradients", out, "--baseline", three.toString(), "--baseline-distribution",
                three.toString()), "give either --baseline or --baseline-distribution, not both");
        Path doubles = dir.resolve("doubles.npy");
        Npy.write(doubles, NpyArray.ofDoubles(new double[12 * 600], 1, 12, 600));
        assertError(explain("integrated_gradients", out, "--baseline", doubles.toString()),
                "--baseline " + doubles + " holds <f8 [1, 12, 600]; expected float32 [K, 12, 600]");
        float[][][] nan = rows(1);
        nan[0][3][7] = Float.NaN;
        Path withNan = npy("nan.npy", nan);
        assertError(explain("integrated_gradients", out, "--baseline", withNan.toString()),
                "--baseline " + withNan + ": ");
        assertFalse(Files.exists(out), "maps were written despite the error");
    }

    @Test
    void methodsListsEveryParameterAndExportAllIncludesEveryMethodWithItsBaselines() throws IOException {
        CliRun list = CliRun.run("methods");
        for (MethodDescriptor<?> d : AttributionMethods.descriptors()) {
            assertTrue(list.out().contains(d.id() + " (" + d.family() + ")"), list.out());
            for (String p : d.schema().describe()) {
                assertTrue(list.out().contains("    " + p), p + " missing in\n" + list.out());
            }
        }
        Path bundle = dir.resolve("bundle-all");
        Path perEcg = npy("bundle-rows.npy", rows(N));
        CliRun r = CliRun.run("export", "--data", data.toString(), "--registry", models.toString(), "--task", "LBBB",
                "--limit", "" + N, "--method", "all", "--baseline", perEcg.toString(), "--quiet", "--out",
                bundle.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        for (String id : AttributionMethods.ids()) {
            assertTrue(Files.isRegularFile(bundle.resolve("attributions/" + id + ".npy")), id);
        }
        Map<?, ?> ig = (Map<?, ?>) Json.parse(Files.readString(bundle.resolve(
                "attributions/integrated_gradients.json")));
        assertEquals("rows", ig.get("baselines"));
        assertArrayEquals(rows(N), Npy.read(bundle.resolve("attributions/integrated_gradients"
                + InteropBundle.BASELINES_SUFFIX)).toFloats3d());
        assertEquals("zero", ((Map<?, ?>) Json.parse(Files.readString(bundle.resolve("attributions/saliency.json"))))
                .get("baselines"));
        CliRun none = CliRun.run("export", "--data", data.toString(), "--registry", models.toString(), "--task",
                "LBBB", "--method", "saliency", "--baseline", perEcg.toString(), "--quiet", "--out",
                dir.resolve("b2").toString());
        assertError(none, "none of the methods [saliency] uses a baseline");
    }
}
