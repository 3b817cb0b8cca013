package org.ecglab.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.ExternalTools;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.FiducialSource;
import org.ecglab.attribution.MaskedAttributionMethod;
import org.ecglab.attribution.gradient.Saliency;
import org.ecglab.attribution.path.IntegratedGradients;
import org.ecglab.data.BeatFiducials;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.npy.Npy;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.data.npy.Npz;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.LayerSpec;
import org.ecglab.nn.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyTorch rebuilds our bundles and agrees on logits, saliency and integrated gradients
 * ({@code lib/src/test/python/check_bundle.py}). Skipped on a developer machine whose {@code /usr/bin/python3}
 * cannot import numpy and torch (Debian: {@code apt-get install python3-torch python3-numpy}); under CI it fails
 * instead ({@link ExternalTools}). This test reaches over into {@code org.ecglab.attribution} to produce real maps;
 * the main code of {@code org.ecglab.interop} does not.
 */
class InteropBundlePythonTest {
    private static final Path SCRIPT = Path.of("src/test/python/check_bundle.py");

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


    /** Writes a bundle with saliency and IG maps from our implementations. */
    private Path bundle(String name, Architecture arch, long seed, AttributionMethod saliency,
            AttributionMethod ig) throws IOException {
        return bundle(name, arch, seed, saliency, ig, Baselines.zero());
    }

    /** As above, integrated gradients against {@code baselines}. */
    private Path bundle(String name, Architecture arch, long seed, AttributionMethod saliency,
            AttributionMethod ig, Baselines baselines) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        entries.put("saliency", new Entry(saliency, Baselines.zero()));
        entries.put("integrated_gradients", new Entry(ig, baselines));
        return bundle(name, arch, seed, entries);
    }

    /** One map of a bundle: a method and the baselines it explains against. */
    private record Entry(AttributionMethod method, Baselines baselines) {
        static Entry of(String id, Map<String, ?> parameters) {
            return new Entry(AttributionMethods.create(id, parameters), Baselines.zero());
        }
    }

    /** Writes a bundle of 3 seeded inputs with the maps of {@code entries}, by attribution name. */
    private Path bundle(String name, Architecture arch, long seed, Map<String, Entry> entries) throws IOException {
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
            entries.forEach((label, e) -> maps.put(label, e.method().attribute(model, x, targets, e.baselines())
                    .toBundle()));
            InteropBundle.write(folder, arch, model, classes, x, targets, maps);
        }
        return folder;
    }

    /** Every method explaining against the same baselines. */
    private static Map<String, Entry> against(Map<String, AttributionMethod> methods, Baselines baselines) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        methods.forEach((label, m) -> entries.put(label, new Entry(m, baselines)));
        return entries;
    }

    /** The perturbation family with coarse features (each ECG's own wave mask for one of them), as the bundle records. */
    private static Map<String, AttributionMethod> perturbationMethods(float[][][] x) {
        Map<String, AttributionMethod> m = new LinkedHashMap<>();
        m.put("occlusion", AttributionMethods.create("occlusion", Map.of("sliding_window_shapes", "3,70",
                "strides", "2,60")));
        m.put("feature_ablation", ((MaskedAttributionMethod) AttributionMethods.create("feature_ablation",
                Map.of("feature_mask", "waves:per_lead"))).withFiducials(FiducialSource.given(x, List.of(
                        new BeatFiducials(100, 180, 225, 380, 800), new BeatFiducials(BeatFiducials.ABSENT, 150, 210,
                                400, Double.NaN), new BeatFiducials(60, 170, 230, 420, 1000)))));
        m.put("lime", AttributionMethods.create("lime", Map.of("feature_mask", "leads", "n_samples", 40)));
        m.put("lime_linear", AttributionMethods.create("lime", Map.of("feature_mask", "segments:50",
                "interpretable_model", "linear_regression", "distance_mode", "euclidean", "kernel_width", 30)));
        m.put("kernel_shap", AttributionMethods.create("kernel_shap", Map.of("feature_mask", "segments:40:per_lead",
                "n_samples", 60)));
        m.put("shapley_sampling", AttributionMethods.create("shapley_sampling", Map.of("feature_mask", "leads",
                "n_samples", 3)));
        return m;
    }

    @Test
    void pytorchReproducesThePerturbationMethodsFromTheRecordedMasksAndDraws() throws Exception {
        Path cnn = bundle("perturbation-cnn", Architecture.defaultCnn(2), 31,
                against(perturbationMethods(TestModels.inputs(3, 31)), Baselines.zero()));
        Path all = bundle("perturbation-all-types", allLayerTypes(), 32,
                against(perturbationMethods(TestModels.inputs(3, 32)), Baselines.of(TestModels.inputs(1, 98))));
        ExternalTools.Result run = check(cnn, all);
        assertEquals(0, run.exit(), run.output());
        for (String name : List.of("occlusion: occlusion", "feature_ablation: feature_ablation", "lime: lime",
                "lime_linear: lime", "kernel_shap: kernel_shap", "shapley_sampling: shapley_sampling")) {
            assertEquals(2, count(run.output(), name), name + "\n" + run.output());
        }
        assertEquals(0, count(run.output(), "MISMATCH"), run.output());

        // The reference draws nothing itself: other recorded coalitions give other maps.
        Path samples = cnn.resolve("attributions/kernel_shap.samples.npz");
        Map<String, NpyArray> draws = new LinkedHashMap<>(Npz.read(samples));
        NpyArray z = draws.get("coalitions");
        byte[] bytes = z.rawBytes();
        int width = z.shape()[2];
        bytes[2 * width] ^= 1; // the first drawn coalition (after all ones and all zeros) of ECG 0
        draws.put("coalitions", new NpyArray(z.dtype(), z.shape(), bytes));
        Npz.write(samples, draws, false);
        ExternalTools.Result tampered = check(cnn);
        assertEquals(1, tampered.exit(), tampered.output());
        assertTrue(tampered.output().matches("(?s).*kernel_shap: kernel_shap .*MISMATCH.*"), tampered.output());
        assertEquals(1, count(tampered.output(), "MISMATCH"), tampered.output());
    }

    /** The modified backward passes, each with the baselines it takes (none, one per input, a distribution). */
    private static final List<String> BACKPROP_METHODS = List.of("guided_backprop", "deconvolution", "deeplift",
            "deeplift_shap", "lrp_epsilon", "lrp_gamma", "lrp_alpha_beta", "lrp_z_plus", "lrp_flat",
            "lrp_epsilon_plus_flat", "lrp_epsilon_gamma_flat");

    /** Writes a bundle with the maps of {@code methods} (registry ids with parameters) on seeded inputs. */
    private Path bundleWith(String name, Architecture arch, long seed, Map<String, Map<String, Object>> methods)
            throws IOException {
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
            for (Map.Entry<String, Map<String, Object>> m : methods.entrySet()) {
                Baselines b = switch (m.getKey()) {
                    case "deeplift" -> Baselines.of(TestModels.inputs(3, seed + 100));
                    case "deeplift_shap" -> Baselines.distribution(TestModels.inputs(3, seed + 200));
                    default -> Baselines.zero();
                };
                maps.put(m.getKey(), AttributionMethods.create(m.getKey(), m.getValue()).attribute(model, x, targets, b)
                        .toBundle());
            }
            InteropBundle.write(folder, arch, model, classes, x, targets, maps);
        }
        return folder;
    }

    private static ExternalTools.Result check(Path... bundles) throws IOException, InterruptedException {
        ExternalTools.require("numpy, torch", "python3-torch python3-numpy");
        List<String> cmd = new ArrayList<>(List.of(ExternalTools.PYTHON, SCRIPT.toString()));
        for (Path b : bundles) {
            cmd.add(b.toString());
        }
        ExternalTools.Result run = ExternalTools.run(cmd, 120);
        System.out.println("check_bundle.py took " + run.millis() + " ms:\n" + run.output());
        return run;
    }

    @Test
    void pytorchAgreesOnLogitsSaliencyAndIntegratedGradients() throws Exception {
        Path cnn = bundle("default-cnn", Architecture.defaultCnn(2), 21, new Saliency(),
                new IntegratedGradients());
        // One baseline ECG per input: PyTorch must read the rows from the bundle and integrate from them.
        Path all = bundle("all-types", allLayerTypes(), 22, Saliency.fromParameters(Map.of("abs", false)),
                IntegratedGradients.fromParameters(Map.of("n_steps", 16, "method", "riemann_trapezoid")),
                Baselines.of(TestModels.inputs(3, 99)));
        ExternalTools.Result run = check(cnn, all);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("all checks passed"), run.output());
        assertEquals(2, count(run.output(), "logits: 3 inputs"), run.output());
        assertEquals(2, count(run.output(), "saliency: saliency"), run.output());
        assertEquals(2, count(run.output(), "integrated_gradients: integrated_gradients"), run.output());
        assertEquals(0, count(run.output(), "MISMATCH"), run.output());
    }

    @Test
    void pytorchReproducesTheModifiedBackwardPasses() throws Exception {
        Map<String, Map<String, Object>> defaults = new LinkedHashMap<>();
        Map<String, Map<String, Object>> others = new LinkedHashMap<>();
        for (String id : BACKPROP_METHODS) {
            defaults.put(id, Map.of());
            others.put(id, Map.of("internal_batch_size", 2));
        }
        // Non-default parameters on the layer zoo: a larger epsilon, alpha 2 beta 1, another gamma.
        others.put("lrp_epsilon", Map.of("epsilon", 0.01));
        others.put("lrp_alpha_beta", Map.of("alpha", 2.0, "beta", 1.0));
        others.put("lrp_gamma", Map.of("gamma", 1.0, "stabilizer", 1e-4));
        others.put("deeplift", Map.of("multiply_by_inputs", false));
        Path cnn = bundleWith("backprop-default-cnn", Architecture.defaultCnn(2), 31, defaults);
        Path all = bundleWith("backprop-all-types", allLayerTypes(), 32, others);
        ExternalTools.Result run = check(cnn, all);
        assertEquals(0, run.exit(), run.output());
        for (String id : BACKPROP_METHODS) {
            assertEquals(2, count(run.output(), id + ": " + id + " "), id + "\n" + run.output());
        }
        assertEquals(0, count(run.output(), "MISMATCH"), run.output());
        assertEquals(0, count(run.output(), "NOT CHECKED"), run.output());
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
        Map<String, NpyArray> w = new LinkedHashMap<>(Npz.read(missingKey.resolve("weights.npz")));
        w.remove("1.num_batches_tracked");
        Npz.write(missingKey.resolve("weights.npz"), w, false);

        // A 2% scale error (what Captum's trapezoid weights, (n-1)/n, would cause at n = 50) on a ReLU/max-pool
        // model: the smallest real error must fail even under the kink tolerance of piecewise-linear models.
        Path scaled = bundle("scaled", Architecture.defaultCnn(1), 25, new Saliency(), new IntegratedGradients());
        float[] ig = Npy.read(scaled.resolve("attributions/integrated_gradients.npy")).toFloats();
        for (int i = 0; i < ig.length; i++) {
            ig[i] *= 1.02f;
        }
        Npy.write(scaled.resolve("attributions/integrated_gradients.npy"),
                NpyArray.ofFloats(ig, 3, EcgFormat.LEADS, EcgFormat.SAMPLES));

        ExternalTools.Result run = check(bad, missingKey, scaled);
        assertEquals(2, run.exit(), run.output()); // the worst status: a malformed bundle
        assertTrue(run.output().contains("logits: 3 inputs x 1 outputs (class0), max abs diff 0.001"), run.output());
        assertEquals(3, count(run.output(), "MISMATCH"), run.output()); // logits, saliency, scaled IG
        assertTrue(run.output().matches("(?s).*integrated_gradients: .*max \\|map\\| 0\\.02 .*kink tolerance.*MISMATCH.*"),
                run.output());
        assertTrue(run.output().contains("integrated_gradients") && run.output().contains("OK"), run.output());
        assertTrue(run.output().contains("keys differ from state_dict(): missing ['1.num_batches_tracked']"), run.output());
    }

    /** The maps of the gradient, path and CAM families, with their parameters, baselines and random draws. */
    private Map<String, Entry> gradientPathAndCamMaps(long seed) {
        Map<String, Entry> e = new LinkedHashMap<>();
        e.put("input_x_gradient", Entry.of("input_x_gradient", Map.of()));
        e.put("smoothgrad", Entry.of("smoothgrad", Map.of()));
        e.put("smoothgrad_signed_sq", Entry.of("smoothgrad", Map.of("nt_type", "smoothgrad_sq", "stdevs", 0.5,
                "abs", false, "nt_samples", 3)));
        e.put("vargrad", Entry.of("smoothgrad", Map.of("nt_type", "vargrad", "stdevs", 0.2, "seed", 3)));
        e.put("gradient_shap", new Entry(AttributionMethods.create("gradient_shap", Map.of("stdevs", 0.1,
                "seed", seed)), Baselines.distribution(TestModels.inputs(4, seed + 100))));
        e.put("gradient_shap_zero", Entry.of("gradient_shap", Map.of("n_samples", 3)));
        e.put("ig_riemann_trapezoid", new Entry(AttributionMethods.create("integrated_gradients",
                Map.of("method", "riemann_trapezoid", "n_steps", 16)), Baselines.of(TestModels.inputs(1, seed + 200))));
        e.put("ig_trapezoid", Entry.of("integrated_gradients", Map.of("method", "trapezoid", "n_steps", 16)));
        e.put("grad_cam", Entry.of("grad_cam", Map.of()));
        e.put("grad_cam_first_nearest_relu", Entry.of("grad_cam", Map.of("layer", 0, "interpolate_mode", "nearest",
                "relu_attributions", true)));
        e.put("grad_cam_relu_layer", Entry.of("grad_cam", Map.of("layer", 2)));
        e.put("guided_grad_cam", Entry.of("guided_grad_cam", Map.of()));
        e.put("guided_grad_cam_linear_layer", Entry.of("guided_grad_cam", Map.of("layer", 2,
                "interpolate_mode", "linear")));
        return e;
    }

    @Test
    void pytorchReproducesTheGradientPathAndCamFamiliesFromTheirDefinitions() throws Exception {
        Path cnn = bundle("families-cnn", Architecture.defaultCnn(2), 31, gradientPathAndCamMaps(31));
        Path all = bundle("families-all-types", allLayerTypes(), 32, gradientPathAndCamMaps(32));
        ExternalTools.Result run = check(cnn, all);
        assertEquals(0, run.exit(), run.output());
        for (String name : gradientPathAndCamMaps(0).keySet()) {
            assertEquals(2, count(run.output(), "\n" + name + ": "), name + "\n" + run.output());
        }
        assertEquals(0, count(run.output(), "MISMATCH") + count(run.output(), "NOT CHECKED"), run.output());
    }

    @Test
    void pytorchDetectsTamperedDrawsAndMislabelledCamMaps() throws Exception {
        Map<String, Entry> e = new LinkedHashMap<>();
        e.put("smoothgrad", Entry.of("smoothgrad", Map.of("abs", false, "stdevs", 0.3)));
        e.put("gradient_shap", Entry.of("gradient_shap", Map.of("seed", 4)));
        e.put("grad_cam", Entry.of("grad_cam", Map.of("layer", 12)));
        Path bad = bundle("tampered", Architecture.defaultCnn(1), 33, e);
        // the noise of one ECG's copies replaced by other noise of the same distribution
        Path samples = bad.resolve("attributions/smoothgrad.samples.npz");
        Map<String, NpyArray> draws = new LinkedHashMap<>(Npz.read(samples));
        float[] noise = draws.get("noise").toFloats();
        float[] other = TestModels.inputs(1, 77)[0][0];
        for (int j = 0; j < other.length; j++) {
            noise[j] = 0.3f * other[j];
        }
        draws.put("noise", NpyArray.ofFloats(noise, draws.get("noise").shape()));
        Npz.write(samples, draws, false);
        // the path positions of every sample moved by 0.1
        Path shap = bad.resolve("attributions/gradient_shap.samples.npz");
        Map<String, NpyArray> shapDraws = new LinkedHashMap<>(Npz.read(shap));
        float[] alpha = shapDraws.get("alpha").toFloats();
        for (int j = 0; j < alpha.length; j++) {
            alpha[j] = Math.abs(alpha[j] - 0.1f);
        }
        shapDraws.put("alpha", NpyArray.ofFloats(alpha, shapDraws.get("alpha").shape()));
        Npz.write(shap, shapDraws, false);
        // linearly upsampled Grad-CAM labelled as nearest-neighbour
        Path cam = bad.resolve("attributions/grad_cam.json");
        Files.writeString(cam, Files.readString(cam).replace("\"linear\"", "\"nearest\""));

        ExternalTools.Result run = check(bad);
        assertEquals(1, run.exit(), run.output());
        assertEquals(3, count(run.output(), "MISMATCH"), run.output());
        for (String name : e.keySet()) {
            assertTrue(run.output().matches("(?s).*\n" + name + ": [^\n]*MISMATCH\n.*"), name + "\n" + run.output());
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
