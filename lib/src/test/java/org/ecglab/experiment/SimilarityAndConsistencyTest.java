package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.attribution.ProgressListener;
import org.ecglab.attribution.TinyModels;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.metrics.MapMeasure;
import org.ecglab.metrics.ValueMode;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Experiments 1 and 2 on models whose maps are known: identical maps score 1, negated maps −1 (signed) and 1. */
class SimilarityAndConsistencyTest {
    private static final MethodSpec SIGNED = new MethodSpec("gradient", "saliency", Map.of("abs", false));
    private static final List<MapMeasure> MEASURES = List.of(MapMeasure.spearman(ValueMode.ABSOLUTE),
            MapMeasure.spearman(ValueMode.SIGNED), MapMeasure.topKOverlap(0.1, ValueMode.ABSOLUTE),
            MapMeasure.ssim(ValueMode.SIGNED));

    private static EcgDataset data() {
        return ExperimentFixtures.dataset(TinyModels.ecgs(5, 3), 3, null);
    }

    @Test
    void theSameMethodUnderTwoLabelsIsIdenticalToItself(@TempDir Path cache) {
        List<MethodSpec> methods = List.of(SIGNED, new MethodSpec("gradient_again", "saliency", Map.of("abs", false)),
                new MethodSpec("magnitude", "saliency", Map.of("abs", true)));
        try (EcgClassifier model = ExperimentFixtures.linear("lin", TinyModels.ecgs(1, 9)[0], 0.5f)) {
            MethodSimilarityExperiment exp = new MethodSimilarityExperiment(MethodSimilarityConfig.of(methods, cache)
                    .withMeasures(MEASURES));
            Table rows = exp.run(data(), List.of(new TaskModel(DiagnosticClass.LBBB, model, 0)));
            assertEquals(3 * 3 * MEASURES.size(), rows.rowCount()); // 3 positives × 3 pairs × measures
            for (int r = 0; r < rows.rowCount(); r++) {
                String a = rows.stringColumn("method_a").get(r);
                String b = rows.stringColumn("method_b").get(r);
                String measure = rows.stringColumn("measure").get(r);
                double s = rows.doubleColumn("score").get(r);
                if (a.equals("gradient") && b.equals("gradient_again")) {
                    assertEquals(1.0, s, 1e-12, measure);
                } else if (measure.equals("spearman_absolute") || measure.equals("top10_overlap_absolute")) {
                    assertEquals(1.0, s, 1e-12, a + " vs " + b + ": |w| and w have the same magnitudes");
                }
            }
            Table summary = exp.summarize(rows);
            double[][] m = MethodSimilarityExperiment.matrix(summary, "pooled", MEASURES.get(1),
                    List.of("gradient", "gradient_again", "magnitude"));
            assertEquals(1.0, m[0][1], 1e-12);
            assertEquals(m[0][2], m[2][0], 0);
            assertEquals(1.0, m[2][2], 0);
            // The two identical methods cluster together, whatever the magnitude map does.
            List<String> order = MethodSimilarityExperiment.clusteredOrder(summary, "pooled", MEASURES.get(1),
                    List.of("gradient", "magnitude", "gradient_again"));
            assertEquals(1, Math.abs(order.indexOf("gradient") - order.indexOf("gradient_again")));
        }
    }

    @Test
    void identicalModelsAreFullyConsistentAndNegatedOnesOppositeInSign(@TempDir Path cache) {
        float[][] w = TinyModels.ecgs(1, 4)[0];
        float[][] negated = new float[12][600];
        for (int l = 0; l < 12; l++) {
            for (int t = 0; t < 600; t++) {
                negated[l][t] = -w[l][t];
            }
        }
        try (EcgClassifier a = ExperimentFixtures.linear("lin-seed1", w, 0);
                EcgClassifier same = ExperimentFixtures.linear("lin-seed2", w, 0);
                EcgClassifier neg = ExperimentFixtures.linear("lin-seed3", negated, 0)) {
            SelfConsistencyExperiment exp = new SelfConsistencyExperiment(SelfConsistencyConfig.of(List.of(SIGNED),
                    cache).withMeasures(MEASURES.subList(0, 2)), ProgressListener.NONE);
            Table rows = exp.run(data(), List.of(new TaskModel(DiagnosticClass.LBBB, a, 0),
                    new TaskModel(DiagnosticClass.LBBB, same, 0), new TaskModel(DiagnosticClass.LBBB, neg, 0)));
            assertEquals(3 * 3 * 2, rows.rowCount()); // 3 positives × 3 model pairs × 2 measures
            for (int r = 0; r < rows.rowCount(); r++) {
                boolean involvesNegated = rows.stringColumn("model_b").get(r).equals("lin-seed3");
                boolean signed = rows.stringColumn("measure").get(r).equals("spearman_signed");
                assertEquals(involvesNegated && signed ? -1.0 : 1.0, rows.doubleColumn("score").get(r), 1e-12);
            }
            // Per ECG the signed pairs average (1 − 1 − 1) / 3; the summary is the mean over the 3 ECGs.
            Table summary = exp.summarize(rows);
            assertEquals(-1.0 / 3, Summaries.value(summary, "mean", "task", "pooled", "method", "gradient", "measure",
                    "spearman_signed"), 1e-12);
            assertEquals(1.0, Summaries.value(summary, "mean", "task", "LBBB", "method", "gradient", "measure",
                    "spearman_absolute"), 1e-12);
            assertEquals(3, exp.distributions(rows, MEASURES.get(0)).get("gradient").length);
            // A second run loads every task from the cache and the maps of seed 1 were stored for the others.
            SelfConsistencyExperiment again = new SelfConsistencyExperiment(exp.config(), ProgressListener.NONE);
            again.run(data(), List.of(new TaskModel(DiagnosticClass.LBBB, a, 0),
                    new TaskModel(DiagnosticClass.LBBB, same, 0), new TaskModel(DiagnosticClass.LBBB, neg, 0)));
            assertEquals(0, again.computedTasks());
            assertThrows(IllegalArgumentException.class, () -> exp.run(data(), List.of(
                    new TaskModel(DiagnosticClass.LBBB, a, 0))));
        }
    }
}
