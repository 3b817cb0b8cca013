package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.attribution.ProgressListener;
import org.ecglab.attribution.TinyModels;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.metrics.Aopc;
import org.ecglab.metrics.FeatureRanking;
import org.ecglab.metrics.PerturbationOrder;
import org.ecglab.metrics.Replacement;
import org.ecglab.metrics.ValueMode;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.stats.BinaryMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Experiment 4 on a linear model {@code f(x) = w·x + b}: integrated gradients from zero is {@code w ⊙ x}, and replacing
 * a set S of points by zero gives exactly {@code f = b + Σ_{i∉S} w_i x_i}, so every logit of the curves is known.
 */
class PerturbationExperimentTest {
    private static final List<Double> GRID = List.of(0.0, 10.0, 50.0);

    @Test
    void curvesOfALinearModelAreKnownExactly(@TempDir Path cache) {
        float[][][] x = TinyModels.ecgs(8, 21);
        EcgDataset data = ExperimentFixtures.dataset(x, 4, null); // r000..r003 positive, r004..r007 negative
        float[][] w = TinyModels.ecgs(1, 22)[0];
        float bias = 0.3f;
        MethodSpec ig = MethodSpec.of("integrated_gradients", Map.of("n_steps", 4));
        PerturbationConfig config = PerturbationConfig.of(List.of(ig), cache).withPercentages(GRID)
                .withFeatures(1, Replacement.ZERO).withReferences(2, true);
        try (EcgClassifier model = ExperimentFixtures.linear("lin", w, bias)) {
            PerturbationExperiment exp = new PerturbationExperiment(config, ProgressListener.NONE);
            Table rows = exp.run(data, List.of(new TaskModel(DiagnosticClass.LBBB, model, 0)));
            // 8 ECGs × 3 grid points × (MoRF + LeRF + 2 random orders)
            assertEquals(8 * 3 * 4, rows.rowCount());
            double[][] morf = new double[8][];
            double[][] randomMean = new double[8][3];
            for (int e = 0; e < 8; e++) {
                float[][] map = times(w, x[e]);
                morf[e] = expected(w, bias, x[e], FeatureRanking.rank(map, 1, ValueMode.SIGNED, PerturbationOrder.MORF,
                        ties(config, e)));
                check(rows, e, "integrated_gradients", "morf", 0, morf[e]);
                check(rows, e, "integrated_gradients", "lerf", 0, expected(w, bias, x[e], FeatureRanking.rank(map, 1,
                        ValueMode.SIGNED, PerturbationOrder.LERF, ties(config, e))));
                for (int r = 1; r <= 2; r++) {
                    double[] random = expected(w, bias, x[e], FeatureRanking.rank(null, 1, ValueMode.SIGNED,
                            PerturbationOrder.RANDOM, new SplittableRandom(PerturbationExperiment.mix(config.seed(), r,
                                    e))));
                    check(rows, e, PerturbationExperiment.RANDOM, "random", r, random);
                    for (int j = 0; j < 3; j++) {
                        randomMean[e][j] += random[j] / 2;
                    }
                }
            }
            // Removing the most positive evidence first lowers the logit at every step.
            for (int e = 0; e < 8; e++) {
                assertEquals(true, morf[e][1] < morf[e][0] && morf[e][2] < morf[e][1], "ECG " + e);
            }
            // AOPC of the positives' logits: the mean of their own AOPCs, by hand.
            Table aopc = PerturbationSummary.aopc(rows, 200, 1);
            double byHand = (Aopc.of(morf[0]) + Aopc.of(morf[1]) + Aopc.of(morf[2]) + Aopc.of(morf[3])) / 4;
            assertEquals(byHand, Summaries.value(aopc, "aopc_logit", "task", "LBBB", "method",
                    "integrated_gradients", "order", "morf"), 1e-3);
            // AOPC of the AUROC curve: AUROC of the 8 perturbed logits at each grid point, by hand.
            double[] auroc = new double[3];
            double[] aurocRandom = new double[3];
            int[] labels = {1, 1, 1, 1, 0, 0, 0, 0};
            for (int j = 0; j < 3; j++) {
                float[] s = new float[8];
                float[] sr = new float[8];
                for (int e = 0; e < 8; e++) {
                    s[e] = (float) morf[e][j];
                    sr[e] = (float) randomMean[e][j];
                }
                auroc[j] = BinaryMetrics.auroc(s, labels);
                aurocRandom[j] = BinaryMetrics.auroc(sr, labels);
            }
            assertEquals(Aopc.of(auroc), Summaries.value(aopc, "aopc_auroc", "task", "LBBB", "method",
                    "integrated_gradients", "order", "morf"), 1e-9);
            assertEquals(Aopc.of(aurocRandom), Summaries.value(aopc, "aopc_auroc", "task", "pooled", "method",
                    "random", "order", "random"), 1e-9);
            Table curves = PerturbationSummary.curves(rows, 200, 1);
            assertEquals(auroc[2], Summaries.value(curves, "auroc", "task", "LBBB", "method", "integrated_gradients",
                    "order", "morf", "percent", "50.0"), 1e-9);
            assertEquals((morf[0][1] + morf[1][1] + morf[2][1] + morf[3][1]) / 4, Summaries.value(curves,
                    "mean_logit", "task", "LBBB", "method", "integrated_gradients", "order", "morf", "percent", "10.0"),
                    1e-3);
            Table perEcg = PerturbationSummary.perEcgAopc(rows);
            assertEquals(4 * 3, perEcg.rowCount()); // 4 positives × (morf, lerf, random)
            // Cached per task × method: a second run computes nothing.
            PerturbationExperiment again = new PerturbationExperiment(config, ProgressListener.NONE);
            again.run(data, List.of(new TaskModel(DiagnosticClass.LBBB, model, 0)));
            assertEquals(0, again.computedParts());
        }
    }

    @Test
    void badGridsAreRefused() {
        List<MethodSpec> m = List.of(MethodSpec.of("saliency"));
        assertThrows(IllegalArgumentException.class, () -> PerturbationConfig.of(m, null)
                .withPercentages(List.of(10.0, 20.0)));
        assertThrows(IllegalArgumentException.class, () -> PerturbationConfig.of(m, null)
                .withPercentages(List.of(0.0, 20.0, 20.0)));
        assertThrows(IllegalArgumentException.class, () -> PerturbationConfig.of(m, null)
                .withFeatures(0, Replacement.ZERO));
        assertEquals(List.of(0.0, 5.0, 10.0), PerturbationConfig.grid(10, 5));
    }

    private static SplittableRandom ties(PerturbationConfig config, int e) {
        return new SplittableRandom(PerturbationExperiment.mix(config.seed(), PerturbationExperiment.TIES, e));
    }

    /** Logits {@code b + Σ_{i∉S} w_i x_i} at each grid point, S the first features of the ranking. */
    private static double[] expected(float[][] w, float bias, float[][] x, int[] ranking) {
        double[] out = new double[GRID.size()];
        for (int j = 0; j < GRID.size(); j++) {
            boolean[][] removed = FeatureRanking.removed(ranking, FeatureRanking.featuresAt(GRID.get(j), 7200), 1);
            double f = bias;
            for (int l = 0; l < 12; l++) {
                for (int t = 0; t < 600; t++) {
                    f += removed[l][t] ? 0 : (double) w[l][t] * x[l][t];
                }
            }
            out[j] = f;
        }
        return out;
    }

    private static void check(Table rows, int ecg, String method, String order, int ranking, double[] expected) {
        Table mine = Summaries.select(rows, "ecg_id", String.format("r%03d", ecg), "method", method, "order", order);
        mine = mine.where(mine.intColumn("ranking").isEqualTo(ranking));
        assertEquals(GRID.size(), mine.rowCount());
        for (int j = 0; j < GRID.size(); j++) {
            assertEquals(GRID.get(j), mine.doubleColumn("percent").get(j));
            assertEquals(expected[j], mine.doubleColumn("logit").get(j), 2e-3, method + " " + order + " ECG " + ecg
                    + " at " + GRID.get(j) + "%");
        }
    }

    static float[][] times(float[][] w, float[][] x) {
        float[][] out = new float[12][600];
        for (int l = 0; l < 12; l++) {
            for (int t = 0; t < 600; t++) {
                out[l][t] = w[l][t] * x[l][t];
            }
        }
        return out;
    }
}
