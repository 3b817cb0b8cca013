package org.ecglab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
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
        // Binormal AUROC for d' = 1 is Phi(1/sqrt 2) = 0.760; the interval of 200 records is about +-0.07 wide.
        assertEquals(0.760, t.auroc().estimate(), 0.08);
        assertTrue(t.auroc().upper() - t.auroc().lower() > 0.05 && t.auroc().upper() - t.auroc().lower() < 0.25,
                t.auroc().toString());
        assertEquals(0, t.auroc().skipped()); // 60 positives: every resample has both classes
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
