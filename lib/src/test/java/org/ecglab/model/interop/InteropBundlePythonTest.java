package org.ecglab.model.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ecglab.CiRequirement;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.IntegratedGradients;
import org.ecglab.attribution.Saliency;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.npy.Npy;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.model.Architecture;
import org.ecglab.model.EcgClassifier;
import org.ecglab.model.LayerSpec;
import org.ecglab.model.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyTorch rebuilds our bundles and agrees on logits, saliency and integrated gradients
 * ({@code lib/src/test/python/check_bundle.py}). On a developer machine it is skipped when {@code /usr/bin/python3}
 * cannot import numpy and torch (Debian: {@code apt-get install python3-torch python3-numpy}); under CI
 * ({@code CI=true}, set by {@code .ci/run}, which installs those packages) it fails instead, so a broken install
 * cannot pass silently. {@code -Decglab.python=PATH} picks another interpreter. This test reaches up into
 * {@code org.ecglab.attribution} to produce real maps; the main code of {@code model.interop} does not.
 */
class InteropBundlePythonTest {
    private static final String PYTHON = System.getProperty("ecglab.python", "/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src/test/python/check_bundle.py");
    /** check_bundle.py's exit status when numpy or torch cannot be imported. */
    private static final int NO_TORCH = 3;

    @TempDir
    Path dir;

    /** Every layer type with non-default arguments: strides, padding, dilation, biases, eps, dropout. */
    private static Architecture allLayerTypes() {
        return new Architecture("all-types", List.of(
                new LayerSpec.Conv1d(12, 8, 5, 2, 2, 1, true),
                new LayerSpec.BatchNorm1d(8, 1e-3),
                new LayerSpec.Relu(),
                new LayerSpec.AvgPool1d(4, 2, 1),
                new LayerSpec.Conv1d(8, 8, 3, 1, 2, 2, true),
                new LayerSpec.BatchNorm1d(8),
                new LayerSpec.Relu(),
                new LayerSpec.MaxPool1d(3, 2, 1),
                new LayerSpec.Dropout(0.2),
                new LayerSpec.AdaptiveAvgPool1d(),
                new LayerSpec.Flatten(),
                new LayerSpec.Linear(8, 3, true)));
    }

    private static BundleAttribution forBundle(Attribution a) {
        return new BundleAttribution(a.methodId(), a.parameters(), a.values());
    }

    /** Writes a bundle with saliency and IG maps from our implementations. */
    private Path bundle(String name, Architecture arch, long seed, AttributionMethod saliency,
            AttributionMethod ig) throws IOException {
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < arch.outputs(); k++) {
            classes.add("class" + k);
        }
        float[][][] x = TestModels.inputs(3, seed);
        int[] targets = new int[x.length];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = i % arch.outputs();
        }
        Path folder = dir.resolve(name);
        try (EcgClassifier model = TestModels.nonTrivial(arch, seed, classes)) {
            Map<String, BundleAttribution> maps = new LinkedHashMap<>();
            maps.put("saliency", forBundle(saliency.attribute(model, x, targets, null)));
            maps.put("integrated_gradients", forBundle(ig.attribute(model, x, targets, null)));
            InteropBundle.write(folder, arch, model, classes, x, targets, maps);
        }
        return folder;
    }

    private record Run(int exit, String output, long millis) {
    }

    private static Run check(Path... bundles) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, SCRIPT.toString()));
        for (Path b : bundles) {
            cmd.add(b.toString());
        }
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw unavailable(PYTHON + " cannot be started (" + e.getMessage() + ")");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("check_bundle.py timed out; output so far:\n" + out);
        }
        Run run = new Run(p.exitValue(), out, (System.nanoTime() - start) / 1_000_000);
        if (run.exit == NO_TORCH) {
            throw unavailable(PYTHON + " cannot import numpy and torch (" + out.strip() + ")");
        }
        System.out.println("check_bundle.py took " + run.millis + " ms:\n" + out);
        return run;
    }

    private static RuntimeException unavailable(String why) {
        return CiRequirement.unavailable(why + " (PyTorch cross-check)", "apt-get install python3-torch python3-numpy");
    }

    @Test
    void pytorchAgreesOnLogitsSaliencyAndIntegratedGradients() throws Exception {
        Path cnn = bundle("default-cnn", Architecture.defaultCnn(2), 21, new Saliency(),
                new IntegratedGradients());
        Path all = bundle("all-types", allLayerTypes(), 22, Saliency.fromParameters(Map.of("abs", false)),
                IntegratedGradients.fromParameters(Map.of("n_steps", 16, "method", "riemann_trapezoid")));
        Run run = check(cnn, all);
        assertEquals(0, run.exit, run.output);
        assertTrue(run.output.contains("all checks passed"), run.output);
        assertEquals(2, count(run.output, "logits: 3 inputs"), run.output);
        assertEquals(2, count(run.output, "saliency: saliency"), run.output);
        assertEquals(2, count(run.output, "integrated_gradients: integrated_gradients"), run.output);
        assertEquals(0, count(run.output, "MISMATCH"), run.output);
    }

    @Test
    void pytorchDetectsWrongLogitsAndWrongMaps() throws Exception {
        // signed gradients labelled as Captum's default |gradient|, and logits off by 1e-3
        Path bad = bundle("bad", Architecture.defaultCnn(1), 23, Saliency.fromParameters(Map.of("abs", false)),
                IntegratedGradients.fromParameters(Map.of("n_steps", 4)));
        Path json = bad.resolve("attributions/saliency.json");
        Files.writeString(json, Files.readString(json).replace("\"abs\": false", "\"abs\": true"));
        float[] logits = Npy.read(bad.resolve(InteropBundle.LOGITS)).toFloats();
        logits[1] += 1e-3f;
        Npy.write(bad.resolve(InteropBundle.LOGITS), NpyArray.ofFloats(logits, logits.length, 1));
        Path missingKey = bundle("missing-key", Architecture.defaultCnn(1), 24, new Saliency(),
                IntegratedGradients.fromParameters(Map.of("n_steps", 4)));
        Map<String, NpyArray> w = new LinkedHashMap<>(org.ecglab.data.npy.Npz.read(missingKey.resolve("weights.npz")));
        w.remove("1.num_batches_tracked");
        org.ecglab.data.npy.Npz.write(missingKey.resolve("weights.npz"), w, false);

        // A 2% scale error (what Captum's trapezoid weights, (n-1)/n, would cause at n = 50) on a ReLU/max-pool
        // model: the smallest real error must fail even under the kink tolerance of piecewise-linear models.
        Path scaled = bundle("scaled", Architecture.defaultCnn(1), 25, new Saliency(), new IntegratedGradients());
        float[] ig = Npy.read(scaled.resolve("attributions/integrated_gradients.npy")).toFloats();
        for (int i = 0; i < ig.length; i++) {
            ig[i] *= 1.02f;
        }
        Npy.write(scaled.resolve("attributions/integrated_gradients.npy"),
                NpyArray.ofFloats(ig, 3, EcgFormat.LEADS, EcgFormat.SAMPLES));

        Run run = check(bad, missingKey, scaled);
        assertEquals(2, run.exit, run.output); // the worst status: a malformed bundle
        assertTrue(run.output.contains("logits: 3 inputs x 1 outputs (class0), max abs diff 0.001"), run.output);
        assertEquals(3, count(run.output, "MISMATCH"), run.output); // logits, saliency, scaled IG
        assertTrue(run.output.matches("(?s).*integrated_gradients: .*max \\|map\\| 0\\.02 .*kink tolerance.*MISMATCH.*"),
                run.output);
        assertTrue(run.output.contains("integrated_gradients") && run.output.contains("OK"), run.output);
        assertTrue(run.output.contains("keys differ from state_dict(): missing ['1.num_batches_tracked']"), run.output);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
