package org.ecglab.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecglab.data.io.Json;
import org.ecglab.data.npy.Npy;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.data.npy.NpyDType;
import org.ecglab.data.npy.Npz;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java-only round trips and damaged bundles. */
class InteropBundleTest {
    private static final Architecture ARCH = Architecture.defaultCnn(2);
    private static final List<String> CLASSES = List.of("NORM", "LBBB");
    private static final float[][][] X = TestModels.inputs(3, 8);
    private static final int[] TARGETS = {1, 0, 1};
    private static EcgClassifier model;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        model = TestModels.nonTrivial(ARCH, 4, CLASSES);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private Path writeBundle() throws IOException {
        Path folder = dir.resolve("bundle");
        float[][][] maps = TestModels.inputs(3, 9);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("abs", true);
        params.put("internal_batch_size", 16);
        InteropBundle.write(folder, ARCH, model, CLASSES, X, TARGETS,
                Map.of("saliency", new BundleAttribution("saliency", params, maps)));
        return folder;
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void writesTheDocumentedFilesAndReadsThemBack() throws IOException {
        Path folder = writeBundle();
        assertEquals(List.of("attributions/saliency.json", "attributions/saliency.npy", "inputs.npy", "logits.npy",
                "model.json", "targets.npy", "weights.npz"), files(folder));
        assertEquals(List.of("bundle"), files(dir).stream().map(p -> p.split("/")[0]).distinct().toList());
        float[][] logits = model.predictLogits(X, 8);
        try (LoadedBundle b = InteropBundle.read(folder)) {
            assertEquals(ARCH, b.architecture());
            assertEquals(CLASSES, b.classNames());
            assertEquals(model.id(), b.model().id());
            assertArrayEquals(TARGETS, b.targets());
            assertArrayEquals(X, b.inputs());
            assertArrayEquals(logits, b.logits());
            // same float32 weights, same engine: the rebuilt model computes the same logits bit for bit
            assertArrayEquals(logits, b.model().predictLogits(X, 8));
            BundleAttribution a = b.attributions().get("saliency");
            assertEquals("saliency", a.methodId());
            assertEquals(Map.of("abs", true, "internal_batch_size", 16L), a.parameters());
            assertArrayEquals(TestModels.inputs(3, 9), a.values());
        }
    }

    @Test
    void baselineRowsRandomDrawsAndMapsWithoutLeadAxisRoundTrip() throws IOException {
        Path folder = dir.resolve("rich");
        float[][][] cam = new float[3][1][600];
        cam[2][0][17] = 0.5f;
        float[][][] rows = TestModels.inputs(2, 11);
        Map<String, NpyArray> draws = Map.of("alphas", NpyArray.ofFloats(new float[] {0.25f, 0.75f}, 2));
        Map<String, BundleAttribution> maps = new LinkedHashMap<>();
        maps.put("grad_cam", new BundleAttribution("grad_cam", Map.of("layer", 12L), cam, true, "zero", null,
                Map.of()));
        maps.put("gradient_shap", new BundleAttribution("gradient_shap", Map.of("n_samples", 5L),
                TestModels.inputs(3, 12), true, "distribution", rows, draws));
        InteropBundle.write(folder, ARCH, model, CLASSES, X, TARGETS, maps);
        assertTrue(files(folder).containsAll(List.of("attributions/gradient_shap.baselines.npy",
                "attributions/gradient_shap.samples.npz", "attributions/grad_cam.npy")));
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(folder.resolve("attributions/grad_cam.json")));
        assertEquals(false, json.get("lead_axis"));
        try (LoadedBundle b = InteropBundle.read(folder)) {
            BundleAttribution c = b.attributions().get("grad_cam");
            assertFalse(c.leadAxis());
            assertArrayEquals(cam, c.values());
            BundleAttribution g = b.attributions().get("gradient_shap");
            assertEquals("distribution", g.baselinesKind());
            assertArrayEquals(rows, g.baselineRows());
            assertArrayEquals(new float[] {0.25f, 0.75f}, g.samples().get("alphas").toFloats());
        }
        Files.delete(folder.resolve("attributions/gradient_shap.samples.npz"));
        IOException e = assertThrows(IOException.class, () -> InteropBundle.read(folder));
        assertTrue(e.getMessage().contains("gradient_shap.samples.npz"), e.getMessage());
    }

    @Test
    void aReadModelRecordsNoParameterGradients() throws IOException {
        try (LoadedBundle b = InteropBundle.read(writeBundle())) {
            for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : b.model().block().getParameters()) {
                assertFalse(p.getValue().getArray().hasGradient(), p.getKey());
            }
        }
    }

    @Test
    void weightsAreKeyedLikeTheTorchStateDict() throws IOException {
        Map<String, NpyArray> w = Npz.read(writeBundle().resolve(InteropBundle.WEIGHTS));
        List<String> keys = List.copyOf(w.keySet());
        assertEquals(List.of("0.weight", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "1.num_batches_tracked", "4.weight", "5.weight"), keys.subList(0, 8));
        assertEquals(List.of("17.num_batches_tracked", "21.weight", "21.bias"), keys.subList(keys.size() - 3,
                keys.size()));
        assertEquals(5 + 5 * 5 + 2, keys.size()); // 5 conv weights (no bias), 5 batch norms x 5, linear weight + bias
        assertArrayEquals(new int[] {16, 12, 7}, w.get("0.weight").shape());
        assertArrayEquals(new int[] {2, 64}, w.get("21.weight").shape());
        assertArrayEquals(new int[0], w.get("1.num_batches_tracked").shape());
        assertEquals(NpyDType.INT64, w.get("1.num_batches_tracked").dtype());
        assertEquals(NpyDType.FLOAT32, w.get("1.running_var").dtype());
    }

    @Test
    void modelJsonHasTheInputSpecAndTorchArgumentNames() throws IOException {
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(writeBundle().resolve(InteropBundle.MODEL_JSON)));
        assertEquals(Map.of("shape", List.of(12L, 600L), "sampling_rate_hz", 500L, "units", "mV", "leads",
                List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6")), json.get("input"));
        assertEquals(CLASSES, json.get("class_names"));
        List<?> layers = (List<?>) json.get("layers");
        assertEquals(22, layers.size());
        assertEquals(Map.of("type", "conv1d", "in_channels", 12L, "out_channels", 16L, "kernel_size", 7L, "stride", 1L,
                "padding", 3L, "dilation", 1L, "bias", false), layers.get(0));
        assertEquals(Map.of("type", "batchnorm1d", "num_features", 16L, "eps", 1e-5), layers.get(1));
        assertEquals(Map.of("type", "linear", "in_features", 64L, "out_features", 2L, "bias", true), layers.get(21));
    }

    @Test
    void corruptWeightsGiveAClearError() throws IOException {
        Path folder = writeBundle();
        Files.write(folder.resolve(InteropBundle.WEIGHTS), "not a zip".getBytes(StandardCharsets.US_ASCII));
        IOException e = assertThrows(IOException.class, () -> InteropBundle.read(folder));
        assertTrue(e.getMessage().contains("weights.npz") && e.getMessage().contains("not a readable .npz"),
                e.getMessage());
    }

    @Test
    void aMissingKeyIsNamed() throws IOException {
        Path folder = writeBundle();
        Map<String, NpyArray> w = new LinkedHashMap<>(Npz.read(folder.resolve(InteropBundle.WEIGHTS)));
        w.remove("5.running_var");
        Npz.write(folder.resolve(InteropBundle.WEIGHTS), w, false);
        IOException e = assertThrows(IOException.class, () -> InteropBundle.read(folder));
        assertTrue(e.getMessage().contains("key '5.running_var' (layer 5 batchnorm1d) is missing"), e.getMessage());
    }

    @Test
    void anUnexpectedKeyOrShapeIsNamed() throws IOException {
        Path folder = writeBundle();
        Path weights = folder.resolve(InteropBundle.WEIGHTS);
        Map<String, NpyArray> good = Npz.read(weights);
        Map<String, NpyArray> extra = new LinkedHashMap<>(good);
        extra.put("22.weight", NpyArray.ofFloats(new float[] {1f}));
        Npz.write(weights, extra, false);
        IOException e = assertThrows(IOException.class, () -> InteropBundle.read(folder));
        assertTrue(e.getMessage().contains("unexpected key '22.weight'"), e.getMessage());

        Map<String, NpyArray> reshaped = new LinkedHashMap<>(good);
        reshaped.put("21.weight", NpyArray.ofFloats(new float[128], 64, 2)); // transposed Linear weight
        Npz.write(weights, reshaped, false);
        e = assertThrows(IOException.class, () -> InteropBundle.read(folder));
        assertTrue(e.getMessage().contains("key '21.weight' (layer 21 linear) has shape [64, 2], expected [2, 64]"),
                e.getMessage());
    }

    @Test
    void missingOrMalformedModelJsonIsNamed() throws IOException {
        Path folder = writeBundle();
        Path json = folder.resolve(InteropBundle.MODEL_JSON);
        String good = Files.readString(json);
        Files.writeString(json, good.replace("\"units\": \"mV\"", "\"units\": \"uV\""));
        IOException e = assertThrows(IOException.class, () -> InteropBundle.read(folder));
        assertTrue(e.getMessage().contains("input.units is uV, expected mV"), e.getMessage());
        Files.writeString(json, good.replace("\"kernel_size\": 7", "\"kernel_sise\": 7"));
        e = assertThrows(IOException.class, () -> InteropBundle.read(folder));
        assertTrue(e.getMessage().contains("model.json: layers[0]: conv1d: missing argument kernel_size"),
                e.getMessage());
        Files.writeString(json, good.substring(0, 40));
        e = assertThrows(IOException.class, () -> InteropBundle.read(folder));
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
        Files.delete(json);
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> InteropBundle.read(folder));
        assertTrue(missing.getMessage().contains("model.json"), missing.getMessage());
    }

    @Test
    void mapsWithoutDescriptionAndWrongTargetsAreRejected() throws IOException {
        Path folder = writeBundle();
        Npy.write(folder.resolve(InteropBundle.TARGETS), NpyArray.ofLongs(new long[] {1, 0, 2}, 3));
        IOException e = assertThrows(IOException.class, () -> InteropBundle.read(folder));
        assertTrue(e.getMessage().contains("target 2 at 2 is not a logit index 0..1"), e.getMessage());
        Npy.write(folder.resolve(InteropBundle.TARGETS), NpyArray.ofLongs(new long[] {1, 0, 1}, 3));
        Files.delete(folder.resolve("attributions/saliency.json"));
        e = assertThrows(NoSuchFileException.class, () -> InteropBundle.read(folder));
        assertTrue(e.getMessage().contains("saliency.json"), e.getMessage());
    }

    @Test
    void badArgumentsAreRejectedBeforeAnythingIsWritten() throws IOException {
        Path folder = dir.resolve("b");
        assertThrows(IllegalArgumentException.class,
                () -> InteropBundle.write(folder, ARCH, model, List.of("one"), X, TARGETS, Map.of()));
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> InteropBundle.write(folder, ARCH, model, CLASSES, X, new int[] {0, 2, 1}, Map.of()));
        assertTrue(t.getMessage().contains("target 2 of input 1"), t.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> InteropBundle.write(folder, ARCH, model, CLASSES, X, TARGETS,
                        Map.of("../x", new BundleAttribution("saliency", Map.of(), X))));
        assertTrue(name.getMessage().contains("../x"), name.getMessage());
        IllegalArgumentException arch = assertThrows(IllegalArgumentException.class,
                () -> InteropBundle.write(folder, Architecture.defaultCnn(1), model, List.of("x"), X, new int[3],
                        Map.of()));
        assertTrue(arch.getMessage().contains("layer 21"), arch.getMessage());
        assertEquals(List.of(), files(dir));
    }

    @Test
    void anExistingFolderThatIsNotABundleIsNotReplaced() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(folder.resolve("keep.txt"), "mine");
        IOException e = assertThrows(IOException.class,
                () -> InteropBundle.write(folder, ARCH, model, CLASSES, X, TARGETS, Map.of()));
        assertTrue(e.getMessage().contains("not an interop bundle"), e.getMessage());
        assertEquals("mine", Files.readString(folder.resolve("keep.txt")));
        // a bundle is replaced as a whole: maps from the earlier write disappear
        Path bundle = writeBundle();
        InteropBundle.write(bundle, ARCH, model, CLASSES, X, TARGETS, Map.of());
        assertTrue(Files.notExists(bundle.resolve(InteropBundle.ATTRIBUTIONS)));
    }
}
