package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.attribution.TinyModels;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.metrics.MapMeasure;
import org.ecglab.metrics.ValueMode;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Experiment 1 on a tiny CNN: table shape, a known similarity, the summary, and the on-disk cache. */
class MethodSimilarityExperimentTest {
    private static EcgClassifier model;
    private static EcgDataset data;
    private static final List<MethodSpec> METHODS = List.of(
            MethodSpec.of("saliency"),
            new MethodSpec("saliency_signed", "saliency", Map.of("abs", false)),
            MethodSpec.of("integrated_gradients", Map.of("n_steps", 8)));

    @BeforeAll
    static void setUp() {
        model = TinyModels.cnn(5, false);
        float[][][] x = TinyModels.ecgs(6, 31);
        boolean[][] labels = new boolean[6][DiagnosticClass.ALL.size()];
        // LBBB positives: records 0, 2, 3, 5; record 1 is a test negative, record 5 is in training
        for (int i : new int[] {0, 2, 3, 5}) {
            labels[i][DiagnosticClass.LBBB.ordinal()] = true;
        }
        Split[] splits = {Split.TEST, Split.TEST, Split.TEST, Split.TEST, Split.TEST, Split.TRAIN};
        data = new EcgDataset("tiny", List.of("00010", "00011", "00012", "00013", "00014", "00015"), x, labels,
                splits, null);
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    @Test
    void tableHasOneRowPerEcgPairAndValueMode(@TempDir Path cache) {
        MethodSimilarityExperiment exp = new MethodSimilarityExperiment(MethodSimilarityConfig.of(METHODS, cache));
        Table t = exp.run(data, List.of(new TaskModel(DiagnosticClass.LBBB, model, 1)));
        assertEquals(List.of("ecg_id", "task", "method_a", "method_b", "measure", "score"), t.columnNames());
        assertEquals(3 * 3 * 2, t.rowCount()); // 3 test positives × 3 pairs × {absolute, signed}
        assertEquals(List.of("00010", "00012", "00013"), t.stringColumn("ecg_id").asList().stream().distinct().toList());
        assertEquals(List.of("LBBB"), t.stringColumn("task").unique().asList());
        // Oracle: the same maps from the methods themselves, correlated by Commons Math's own Spearman.
        // The three positives are explained in one call, as the experiment does, so the maps agree to the bit.
        List<String> ids = List.of("00010", "00012", "00013");
        float[][][] x = {data.signal(0), data.signal(2), data.signal(3)};
        for (int r = 0; r < t.rowCount(); r++) {
            double s = t.doubleColumn("score").get(r);
            int ecg = ids.indexOf(t.stringColumn("ecg_id").get(r));
            boolean absolute = t.stringColumn("measure").get(r).equals("spearman_absolute");
            double expected = new SpearmansCorrelation().correlation(
                    flat(map(t.stringColumn("method_a").get(r), x, ecg), absolute),
                    flat(map(t.stringColumn("method_b").get(r), x, ecg), absolute));
            assertEquals(expected, s, 1e-9, "row " + r);
            boolean salVsSigned = t.stringColumn("method_a").get(r).equals("saliency")
                    && t.stringColumn("method_b").get(r).equals("saliency_signed");
            if (salVsSigned && absolute) {
                // |∇f| and ∇f have identical magnitudes
                assertEquals(1.0, s, 1e-12);
            }
        }
        Table summary = exp.summarize(t);
        assertEquals(3 * 2 * 2, summary.rowCount()); // (LBBB + pooled) × 3 pairs × 2 value modes
        // One task: its mean is the pooled mean, and both are the mean of its three rows.
        Table rows = t.where(t.stringColumn("method_b").isEqualTo("integrated_gradients")
                .and(t.stringColumn("method_a").isEqualTo("saliency"))
                .and(t.stringColumn("measure").isEqualTo("spearman_signed")));
        MapMeasure signed = MapMeasure.spearman(ValueMode.SIGNED);
        assertEquals(rows.doubleColumn("score").mean(), MethodSimilarityExperiment.mean(summary, "LBBB", "saliency",
                "integrated_gradients", signed), 1e-12);
        assertEquals(rows.doubleColumn("score").mean(), MethodSimilarityExperiment.mean(summary,
                MethodSimilarityExperiment.POOLED, "saliency", "integrated_gradients", signed), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> MethodSimilarityExperiment.mean(summary, "AVB1",
                "saliency", "integrated_gradients", signed));
        for (int r = 0; r < summary.rowCount(); r++) {
            assertEquals(3, summary.intColumn("n").get(r));
            double mean = summary.doubleColumn("mean").get(r);
            assertTrue(summary.doubleColumn("ci_low").get(r) <= mean && mean <= summary.doubleColumn("ci_high").get(r));
        }
    }

    private static float[][] map(String label, float[][][] x, int ecg) {
        MethodSpec spec = METHODS.stream().filter(m -> m.label().equals(label)).findFirst().orElseThrow();
        return spec.create().attribute(model, x, new int[] {1, 1, 1}).map(ecg);
    }

    private static double[] flat(float[][] map, boolean absolute) {
        double[] out = new double[map.length * map[0].length];
        for (int l = 0; l < map.length; l++) {
            for (int t = 0; t < map[l].length; t++) {
                out[l * map[l].length + t] = absolute ? Math.abs(map[l][t]) : map[l][t];
            }
        }
        return out;
    }

    @Test
    void gradCamMapsWithoutLeadAxisAreComparedOnTheTimeAxis(@TempDir Path cache) {
        List<MethodSpec> methods = List.of(MethodSpec.of("saliency"), MethodSpec.of("grad_cam"),
                MethodSpec.of("input_x_gradient"));
        try (EcgClassifier layered = TinyModels.layeredCnn(7)) {
            Table t = new MethodSimilarityExperiment(MethodSimilarityConfig.of(methods, cache))
                    .run(data, List.of(new TaskModel(DiagnosticClass.LBBB, layered, 1)));
            assertEquals(3 * 3 * 2, t.rowCount());
            float[][][] x = {data.signal(0), data.signal(2), data.signal(3)};
            int[] targets = {1, 1, 1};
            float[][][] saliency = MethodSpec.of("saliency").create().attribute(layered, x, targets).values();
            float[][][] cam = MethodSpec.of("grad_cam").create().attribute(layered, x, targets).values();
            float[][][] ixg = MethodSpec.of("input_x_gradient").create().attribute(layered, x, targets).values();
            List<String> ids = List.of("00010", "00012", "00013");
            for (int r = 0; r < t.rowCount(); r++) {
                int ecg = ids.indexOf(t.stringColumn("ecg_id").get(r));
                ValueMode mode = t.stringColumn("measure").get(r).equals("spearman_absolute") ? ValueMode.ABSOLUTE
                        : ValueMode.SIGNED;
                String a = t.stringColumn("method_a").get(r);
                String b = t.stringColumn("method_b").get(r);
                double expected;
                if (b.equals("grad_cam")) { // saliency vs grad_cam: the saliency map's time profile
                    expected = new SpearmansCorrelation().correlation(profile(saliency[ecg], mode), profile(cam[ecg],
                            mode));
                } else if (a.equals("grad_cam")) {
                    expected = new SpearmansCorrelation().correlation(profile(cam[ecg], mode), profile(ixg[ecg], mode));
                } else { // two maps with leads: flattened as before
                    expected = new SpearmansCorrelation().correlation(flat(saliency[ecg], mode == ValueMode.ABSOLUTE),
                            flat(ixg[ecg], mode == ValueMode.ABSOLUTE));
                }
                assertEquals(expected, t.doubleColumn("score").get(r), 1e-9, "row " + r + ": " + a + " vs " + b);
                assertTrue(Double.isFinite(expected));
            }
        }
    }

    /** Σ over leads of the mode's values, per time point, written out here as the oracle. */
    private static double[] profile(float[][] map, ValueMode mode) {
        double[] out = new double[map[0].length];
        for (float[] lead : map) {
            for (int t = 0; t < out.length; t++) {
                out[t] += mode == ValueMode.ABSOLUTE ? Math.abs(lead[t]) : lead[t];
            }
        }
        return out;
    }

    @Test
    void secondRunLoadsTheCacheAndAChangedConfigRecomputes(@TempDir Path cache) throws Exception {
        MethodSimilarityConfig config = MethodSimilarityConfig.of(METHODS, cache);
        List<TaskModel> tasks = List.of(new TaskModel(DiagnosticClass.LBBB, model, 1));
        MethodSimilarityExperiment first = new MethodSimilarityExperiment(config);
        Table t1 = first.run(data, tasks);
        assertEquals(1, first.computedTasks());
        Path file = single(cache);
        FileTime written = Files.getLastModifiedTime(file);

        MethodSimilarityExperiment second = new MethodSimilarityExperiment(config);
        Table t2 = second.run(data, tasks);
        assertEquals(0, second.computedTasks(), "second run must load the cached CSV");
        assertEquals(written, Files.getLastModifiedTime(file));
        assertEquals(t1.stringColumn("ecg_id").asList(), t2.stringColumn("ecg_id").asList()); // ids stay strings
        for (int r = 0; r < t1.rowCount(); r++) {
            assertEquals(t1.doubleColumn("score").get(r), t2.doubleColumn("score").get(r), 1e-12);
        }

        MethodSimilarityExperiment fewer = new MethodSimilarityExperiment(config.withMaxEcgsPerTask(2));
        assertEquals(2 * 3 * 2, fewer.run(data, tasks).rowCount());
        assertEquals(1, fewer.computedTasks());
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(2, files.filter(Files::isRegularFile).count(),
                    "a different config is cached under a different hash");
        }
    }

    @Test
    void retrainedWeightsUnderTheSameModelIdAreNotServedFromTheCache(@TempDir Path cache) {
        MethodSimilarityConfig config = MethodSimilarityConfig.of(METHODS, cache);
        try (EcgClassifier a = TinyModels.linear(TinyModels.randomWeights(1), new float[2]);
                EcgClassifier b = TinyModels.linear(TinyModels.randomWeights(2), new float[2])) {
            assertEquals(a.id(), b.id());
            assertNotEquals(a.parameterFingerprint(), b.parameterFingerprint());
            MethodSimilarityExperiment first = new MethodSimilarityExperiment(config);
            first.run(data, List.of(new TaskModel(DiagnosticClass.LBBB, a, 1)));
            MethodSimilarityExperiment second = new MethodSimilarityExperiment(config);
            second.run(data, List.of(new TaskModel(DiagnosticClass.LBBB, b, 1)));
            assertEquals(1, second.computedTasks(), "other weights under the same id must be recomputed");
            MethodSimilarityExperiment third = new MethodSimilarityExperiment(config);
            third.run(data, List.of(new TaskModel(DiagnosticClass.LBBB, a, 1)));
            assertEquals(0, third.computedTasks(), "the same weights again load the cache");
        }
    }

    @Test
    void badConfigRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> MethodSimilarityConfig.of(List.of(MethodSpec.of("saliency")), null));
        assertThrows(IllegalArgumentException.class,
                () -> MethodSimilarityConfig.of(List.of(MethodSpec.of("saliency"), MethodSpec.of("saliency")), null));
        assertThrows(IllegalArgumentException.class, () -> MethodSpec.of("no_such_method"));
        assertThrows(IllegalArgumentException.class, () -> new TaskModel(DiagnosticClass.LBBB, model, 2));
    }

    private static Path single(Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        assertEquals(1, files.size(), "expected one cached file, found " + files);
        assertTrue(files.get(0).getFileName().toString().matches("method_similarity-LBBB-[0-9a-f]{16}\\.csv"));
        return files.get(0);
    }
}
