package org.ecglab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.ecglab.stats.PercentileBootstrap;
import org.junit.jupiter.api.Test;

/** Bootstrap intervals of test AUROC and AUPRC. */
class TestEvaluationTest {

    /** 200 records, 60 positive, positives scoring higher by {@code shift} on average (Gaussian scores). */
    private static TestEvaluation noisy(double shift, long bootstrapSeed) {
        SplittableRandom r = new SplittableRandom(9);
        float[] s = new float[200];
        int[] y = new int[200];
        for (int i = 0; i < s.length; i++) {
            y[i] = i % 10 < 3 ? 1 : 0;
            double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            s[i] = (float) (g + shift * y[i]);
        }
        return TestEvaluation.of(s, y, PercentileBootstrap.of95(bootstrapSeed));
    }

    @Test
    void perfectSeparationGivesOneOne() {
        float[] s = {0.1f, 0.2f, 0.3f, 2f, 3f, 0.4f, 5f};
        int[] y = {0, 0, 0, 1, 1, 0, 1};
        TestEvaluation t = TestEvaluation.of(s, y, PercentileBootstrap.of95(1));
        assertEquals(1.0, t.auroc().estimate(), 0);
        assertEquals(1.0, t.auroc().lower(), 0);
        assertEquals(1.0, t.auroc().upper(), 0);
        assertEquals(1.0, t.auprc().lower(), 0);
        assertEquals(1.0, t.auprc().upper(), 0);
        assertEquals(3, t.positives());
        assertEquals(4, t.negatives());
    }

    @Test
    void intervalContainsThePointEstimateAndMatchesTheMetric() {
        TestEvaluation t = noisy(1.0, 2);
        assertTrue(t.auroc().contains(t.auroc().estimate()), t.auroc().toString());
        assertTrue(t.auprc().contains(t.auprc().estimate()), t.auprc().toString());
        // Binormal AUROC for d' = 1 is Phi(1/sqrt 2) = 0.760.
        assertEquals(0.760, t.auroc().estimate(), 0.08);
        assertEquals(0, t.auroc().skipped()); // 60 positives: every resample has both classes
    }

    /**
     * DeLong et al. (1988)'s variance of the AUROC from the placement values: {@code V10_i} = the share of negatives
     * positive {@code i} outscores (ties 1/2), {@code V01_j} = the share of positives that outscore negative
     * {@code j}; {@code Var = s²(V10) / n+ + s²(V01) / n-}.
     */
    private static double deLongStandardError(float[] s, int[] y) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            (y[i] == 1 ? pos : neg).add((double) s[i]);
        }
        double[] v10 = new double[pos.size()];
        double[] v01 = new double[neg.size()];
        for (int i = 0; i < pos.size(); i++) {
            for (int j = 0; j < neg.size(); j++) {
                double psi = pos.get(i) > neg.get(j) ? 1 : pos.get(i).equals(neg.get(j)) ? 0.5 : 0;
                v10[i] += psi / neg.size();
                v01[j] += psi / pos.size();
            }
        }
        return Math.sqrt(new Variance().evaluate(v10) / pos.size() + new Variance().evaluate(v01) / neg.size());
    }

    @Test
    void aurocIntervalIsTwoZDeLongStandardErrorsWide() {
        // 500 test ECGs, 150 positive, binormal scores with d' = 1: the 95% percentile interval of the AUROC spans
        // about 2 · 1.96 DeLong standard errors. Within 5% (4000 resamples): a 93% interval (8% narrower) or a
        // 97% one (11% wider) would fail.
        SplittableRandom r = new SplittableRandom(17);
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        float[] s = new float[500];
        int[] y = new int[500];
        for (int i = 0; i < s.length; i++) {
            y[i] = i % 10 < 3 ? 1 : 0;
            s[i] = (float) (normal.inverseCumulativeProbability(r.nextDouble()) + y[i]);
        }
        double se = deLongStandardError(s, y);
        TestEvaluation t = TestEvaluation.of(s, y, new PercentileBootstrap(4000, 0.95, 5));
        double width = t.auroc().upper() - t.auroc().lower();
        System.out.printf("AUROC %.4f, 95%% interval width %.4f, 2 * 1.96 DeLong SE %.4f%n", t.auroc().estimate(),
                width, 2 * 1.96 * se);
        assertEquals(2 * 1.96 * se, width, 0.05 * 2 * 1.96 * se, t.auroc().toString());
    }

    @Test
    void deterministicPerSeed() {
        assertEquals(noisy(1.0, 2), noisy(1.0, 2));
        assertNotEquals(noisy(1.0, 2).auroc().lower(), noisy(1.0, 3).auroc().lower());
    }

    @Test
    void resamplesWithoutAPositiveAreSkippedForBothMetrics() {
        // One positive of five: a resample misses it with probability (4/5)^5 = 0.328.
        float[] s = {0.5f, 0.1f, 0.9f, 0.3f, 0.7f};
        int[] y = {0, 0, 1, 0, 0};
        TestEvaluation t = TestEvaluation.of(s, y, new PercentileBootstrap(2000, 0.95, 8));
        double p = Math.pow(0.8, 5);
        assertEquals(2000 * p, t.auroc().skipped(), 4 * Math.sqrt(2000 * p * (1 - p)));
        assertEquals(t.auroc().skipped(), t.auprc().skipped());
        assertEquals(1.0, t.auroc().lower(), 0); // the positive outscores every negative in every resample
    }

    @Test
    void aTestSetWithoutPositivesIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> TestEvaluation.of(new float[] {1, 2}, new int[] {0, 0}, PercentileBootstrap.of95(1)));
    }
}
