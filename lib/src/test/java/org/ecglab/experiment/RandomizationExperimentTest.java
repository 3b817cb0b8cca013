package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.ecglab.stats.Correlation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Experiment 3 on a linear model, whose maps before and after randomisation are known in closed form. */
class RandomizationExperimentTest {
    @Test
    void linearModelScoresAreTheCorrelationsOfOldAndNewWeights(@TempDir Path cache) {
        float[][][] x = TinyModels.ecgs(4, 12);
        EcgDataset data = ExperimentFixtures.dataset(x, 3, null);
        List<MethodSpec> methods = List.of(new MethodSpec("gradient", "saliency", Map.of("abs", false)),
                MethodSpec.of("integrated_gradients", Map.of("n_steps", 4)));
        List<MapMeasure> measures = List.of(MapMeasure.spearman(ValueMode.SIGNED),
                MapMeasure.spearman(ValueMode.SIGNED).signAgnostic(), MapMeasure.spearman(ValueMode.ABSOLUTE));
        RandomizationConfig config = RandomizationConfig.of(methods, cache).withMeasures(measures);
        try (EcgClassifier model = ExperimentFixtures.linear("lin", TinyModels.ecgs(1, 5)[0], 0.25f);
                RandomizationSteps steps = ModelRandomizer.cascade(model, ExperimentFixtures.LINEAR,
                        config.randomSeed())) {
            RandomizationExperiment exp = new RandomizationExperiment(config, ProgressListener.NONE);
            Table rows = exp.run(data, List.of(new TaskModel(DiagnosticClass.LBBB, model, 0)));
            // One parameterised layer: one step per mode; 3 positives × 2 methods × 3 measures each.
            assertEquals(2 * 3 * 2 * 3, rows.rowCount());
            assertEquals(1, steps.size());
            float[][] w = ExperimentFixtures.weights(model);
            float[][] fresh = ExperimentFixtures.weights(steps.get(0).model());
            // Saliency of a linear model is its weight map, whatever the input.
            double rhoWeights = Correlation.SPEARMAN.between(flat(w), flat(fresh));
            for (int r = 0; r < rows.rowCount(); r++) {
                String method = rows.stringColumn("method").get(r);
                String measure = rows.stringColumn("measure").get(r);
                int ecg = Integer.parseInt(rows.stringColumn("ecg_id").get(r).substring(1));
                double expected = method.equals("gradient")
                        ? measureOf(measure, w, fresh)
                        // IG from a zero baseline is w ⊙ x for a linear model.
                        : measureOf(measure, times(w, x[ecg]), times(fresh, x[ecg]));
                assertEquals(expected, rows.doubleColumn("score").get(r), 1e-6, method + " " + measure);
                assertEquals("1 linear", rows.stringColumn("layer").get(r));
            }
            assertEquals(Math.abs(rhoWeights), Summaries.value(exp.summarize(rows), "mean", "task", "pooled", "mode",
                    "cascading", "step", "1", "layer", "1 linear", "method", "gradient", "measure",
                    "spearman_signed_sign_agnostic"), 1e-6);
            Table residual = RandomizationExperiment.residual(exp.summarize(rows));
            assertEquals(2 * 3, residual.rowCount());
            assertTrue(residual.columnNames().contains("ci_contains_zero"));
            // Cached per step: a second run computes nothing.
            RandomizationExperiment again = new RandomizationExperiment(config, ProgressListener.NONE);
            again.run(data, List.of(new TaskModel(DiagnosticClass.LBBB, model, 0)));
            assertEquals(0, again.computedSteps());
        }
    }

    @Test
    void aModelWithoutLayersIsRefusedWithItsName() {
        // The softplus CNN is a bare DJL block: no layer list to randomise from.
        try (EcgClassifier bare = TinyModels.cnn(3, true)) {
            RandomizationExperiment exp = new RandomizationExperiment(RandomizationConfig.of(
                    List.of(MethodSpec.of("saliency")), null), ProgressListener.NONE);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> exp.run(
                    ExperimentFixtures.dataset(TinyModels.ecgs(2, 1), 1, null),
                    List.of(new TaskModel(DiagnosticClass.LBBB, bare, 0))));
            assertTrue(e.getMessage().contains(bare.id()), e.getMessage());
        }
    }

    private static double measureOf(String label, float[][] a, float[][] b) {
        return MapMeasure.parse(label).compare(a, b);
    }

    private static float[][] times(float[][] w, float[][] x) {
        float[][] out = new float[12][600];
        for (int l = 0; l < 12; l++) {
            for (int t = 0; t < 600; t++) {
                out[l][t] = w[l][t] * x[l][t];
            }
        }
        return out;
    }

    private static double[] flat(float[][] m) {
        double[] out = new double[12 * 600];
        for (int l = 0; l < 12; l++) {
            for (int t = 0; t < 600; t++) {
                out[l * 600 + t] = m[l][t];
            }
        }
        return out;
    }
}
