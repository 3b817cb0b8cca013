package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.attribution.ProgressListener;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Experiment 5 with maps equal to the mask: a linear model whose weights are the mask, on all-ones ECGs. */
class LocalizationExperimentTest {
    @Test
    void aMapEqualToTheMaskScoresPerfectly(@TempDir Path cache) {
        float[][] mask = new float[12][600];
        for (int t = 200; t < 320; t++) {
            mask[2][t] = 1;
            mask[7][t] = 1;
        }
        float[][][] x = {ExperimentFixtures.constant(1), ExperimentFixtures.constant(1), ExperimentFixtures.constant(1)};
        float[][][] masks = {mask, mask, new float[12][600]};
        EcgDataset data = ExperimentFixtures.dataset(x, 2, masks);
        // Saliency is |w| = mask; integrated gradients from zero is w ⊙ x = mask.
        List<MethodSpec> methods = List.of(MethodSpec.of("saliency"), MethodSpec.of("integrated_gradients",
                Map.of("n_steps", 2)));
        try (EcgClassifier model = ExperimentFixtures.linear("mask-model", mask, 0)) {
            LocalizationExperiment exp = new LocalizationExperiment(LocalizationConfig.of(methods, cache),
                    ProgressListener.NONE);
            Table rows = exp.run(data, List.of(new TaskModel(DiagnosticClass.LBBB, model, 0)));
            assertEquals(2 * 2, rows.rowCount());
            for (int r = 0; r < rows.rowCount(); r++) {
                assertEquals(240 / 7200.0, rows.doubleColumn("mask_fraction").get(r), 1e-15);
                assertEquals(1.0, rows.doubleColumn("mass_inside").get(r), 1e-6);
                assertEquals(1.0, rows.doubleColumn("mask_auroc").get(r), 0);
                assertEquals(1.0, rows.doubleColumn("pointing_hit").get(r), 0);
            }
            Table summary = exp.summarize(rows);
            assertEquals(1.0, Summaries.value(summary, "mean", "task", "pooled", "method", "saliency", "score",
                    "mask_auroc"), 0);
            // Two ECGs per method with equal differences from chance (a tie, so the normal approximation): W− = 0,
            // σ² = 2·3·5/24 − (2³ − 2)/48 = 1.125, z = −1.5/√1.125, p = 2Φ(z) = 0.157: far from significant.
            double p = 2 * new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                    .cumulativeProbability(-1.5 / Math.sqrt(1.125));
            Table chance = LocalizationExperiment.versusChance(rows, List.of("saliency", "integrated_gradients"), 0.05);
            assertEquals(4, chance.rowCount());
            for (int r = 0; r < 4; r++) {
                assertEquals(p, chance.doubleColumn("p").get(r), 1e-12);
                assertEquals(false, chance.booleanColumn("above_chance").get(r));
            }
            assertEquals(List.of(DiagnosticClass.LBBB), exp.scoredTasks(data, List.of(new TaskModel(
                    DiagnosticClass.LBBB, model, 0))));
        }
    }

    @Test
    void dataWithoutMasksIsRefused() {
        EcgDataset data = ExperimentFixtures.dataset(new float[][][] {ExperimentFixtures.constant(1)}, 1, null);
        try (EcgClassifier model = ExperimentFixtures.linear("m", ExperimentFixtures.constant(1), 0)) {
            LocalizationExperiment exp = new LocalizationExperiment(LocalizationConfig.of(List.of(
                    MethodSpec.of("saliency")), null), ProgressListener.NONE);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> exp.run(data, List.of(
                    new TaskModel(DiagnosticClass.LBBB, model, 0))));
            assertTrue(e.getMessage().contains("no ground-truth masks"), e.getMessage());
        }
    }

    @Test
    void aMethodWithoutAnyDefinedScoreHasAnEmptyRowAgainstChance() {
        // "flat" had a constant map on every ECG (mask AUROC and mass undefined); "good" is tested as usual, and Holm's
        // correction runs over its two tests only (with two tests of n = 6 all above chance, p = 0.03125 each).
        Table rows = Table.create("rows", tech.tablesaw.api.StringColumn.create("method"),
                tech.tablesaw.api.DoubleColumn.create("mask_fraction"),
                tech.tablesaw.api.DoubleColumn.create("mass_inside"), tech.tablesaw.api.DoubleColumn.create("mask_auroc"));
        for (int i = 0; i < 6; i++) {
            rows.stringColumn("method").append("good");
            rows.doubleColumn("mask_fraction").append(0.1);
            rows.doubleColumn("mass_inside").append(0.5 + 0.01 * i);
            rows.doubleColumn("mask_auroc").append(0.9 + 0.01 * i);
            rows.stringColumn("method").append("flat");
            rows.doubleColumn("mask_fraction").append(0.1);
            rows.doubleColumn("mass_inside").append(Double.NaN);
            rows.doubleColumn("mask_auroc").append(Double.NaN);
        }
        Table vs = LocalizationExperiment.versusChance(rows, List.of("good", "flat"), 0.05);
        assertEquals(4, vs.rowCount());
        for (int r = 0; r < 2; r++) {
            assertEquals("good", vs.stringColumn("method").get(r));
            assertEquals(6, vs.intColumn("n").get(r));
            assertEquals(0.0625, vs.doubleColumn("p_holm").getDouble(r), 1e-12);
        }
        for (int r = 2; r < 4; r++) {
            assertEquals("flat", vs.stringColumn("method").get(r));
            assertEquals(0, vs.intColumn("n").get(r));
            assertTrue(Double.isNaN(vs.doubleColumn("p_holm").getDouble(r)));
            assertEquals(false, vs.booleanColumn("above_chance").get(r));
        }
    }
}
