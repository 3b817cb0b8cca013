package org.ecglab.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RocCurveTest {
    private static final double EPS = 1e-12;

    /**
     * Scores 0.9+ 0.8+ 0.8- 0.5+ 0.5- 0.5- 0.1- (3 positives, 4 negatives), by hand:
     * threshold inf: (0, 0); 0.9: TP 1, FP 0 -> (0, 1/3); 0.8 (tie +/-): TP 2, FP 1 -> (1/4, 2/3);
     * 0.5 (tie + - -): TP 3, FP 3 -> (3/4, 1); 0.1: (1, 1).
     * Trapezoids: 1/4 * (1/3 + 2/3) / 2 + 1/2 * (2/3 + 1) / 2 + 1/4 * 1 = 1/8 + 5/12 + 1/4 = 19/24.
     * Pairs: 0.9 beats 4; 0.8 ties 1, beats 3 (3.5); 0.5 ties 2, beats 1 (2) -> 9.5 / 12 = 19/24.
     */
    @Test
    void pointsAndAreaOfHandComputedCaseWithTies() {
        float[] scores = {0.5f, 0.9f, 0.1f, 0.8f, 0.5f, 0.8f, 0.5f};
        int[] labels = {1, 1, 0, 0, 0, 1, 0};
        RocCurve roc = RocCurve.of(scores, labels);
        assertArrayEquals(new double[] {0, 0, 0.25, 0.75, 1}, roc.falsePositiveRates(), EPS);
        assertArrayEquals(new double[] {0, 1.0 / 3, 2.0 / 3, 1, 1}, roc.truePositiveRates(), EPS);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.9f, 0.8f, 0.5f, 0.1f}, roc.thresholds(), EPS);
        assertEquals(5, roc.size());
        assertEquals(3, roc.positives());
        assertEquals(4, roc.negatives());
        assertEquals(19.0 / 24, roc.auroc(), EPS);
        assertEquals(BinaryMetrics.auroc(scores, labels), roc.auroc(), EPS);
    }

    @Test
    void perfectReversedAndConstantScores() {
        float[] s = {1, 2, 3, 4};
        RocCurve perfect = RocCurve.of(s, new int[] {0, 0, 1, 1});
        assertArrayEquals(new double[] {0, 0, 0, 0.5, 1}, perfect.falsePositiveRates(), EPS);
        assertArrayEquals(new double[] {0, 0.5, 1, 1, 1}, perfect.truePositiveRates(), EPS);
        assertEquals(1.0, perfect.auroc(), EPS);
        assertEquals(0.0, RocCurve.of(s, new int[] {1, 1, 0, 0}).auroc(), EPS);
        // One threshold for everything: the chance diagonal in a single step.
        RocCurve constant = RocCurve.of(new float[] {3, 3, 3}, new int[] {1, 0, 0});
        assertArrayEquals(new double[] {0, 1}, constant.falsePositiveRates(), EPS);
        assertArrayEquals(new double[] {0, 1}, constant.truePositiveRates(), EPS);
        assertEquals(0.5, constant.auroc(), EPS);
    }

    @Test
    void areaEqualsMannWhitneyAurocOnRandomTiedScores() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 20 + r.nextInt(300);
            float[] s = new float[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = i < 2 ? i : r.nextInt(4) == 0 ? 1 : 0; // both classes present
                s[i] = r.nextInt(12) + 1.5f * y[i];          // coarse scores: many ties
            }
            RocCurve roc = RocCurve.of(s, y);
            assertEquals(BinaryMetrics.auroc(s, y), roc.auroc(), 1e-12, "trial " + trial);
            double[] x = roc.falsePositiveRates();
            double[] t = roc.truePositiveRates();
            assertEquals(1.0, x[x.length - 1], EPS);
            assertEquals(1.0, t[t.length - 1], EPS);
            for (int k = 1; k < x.length; k++) {
                assertTrue(x[k] >= x[k - 1] && t[k] >= t[k - 1], "monotone at point " + k);
            }
        }
    }

    @Test
    void truePositiveRateAtAFalsePositiveBudget() {
        RocCurve roc = RocCurve.of(new float[] {0.5f, 0.9f, 0.1f, 0.8f, 0.5f, 0.8f, 0.5f},
                new int[] {1, 1, 0, 0, 0, 1, 0});
        assertEquals(1.0 / 3, roc.truePositiveRateAt(0.0), EPS);
        assertEquals(2.0 / 3, roc.truePositiveRateAt(0.5), EPS);
        assertEquals(1.0, roc.truePositiveRateAt(0.75), EPS);
        assertThrows(IllegalArgumentException.class, () -> roc.truePositiveRateAt(1.5));
    }

    @Test
    void rejectsBadInputNamingTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RocCurve.of(new float[] {1, 2}, new int[] {1, 1}));
        assertTrue(e.getMessage().contains("no negative"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RocCurve.of(new float[] {1, Float.NaN}, new int[] {1, 0}));
        assertTrue(e.getMessage().contains("score 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new float[] {1}, new int[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new float[] {1, 2}, new int[] {2, 0}));
    }

    @Test
    void accessorsReturnCopies() {
        RocCurve roc = RocCurve.of(new float[] {1, 2}, new int[] {0, 1});
        roc.falsePositiveRates()[0] = 9;
        roc.truePositiveRates()[0] = 9;
        assertEquals(0.0, roc.falsePositiveRates()[0]);
        assertEquals(0.0, roc.truePositiveRates()[0]);
    }
}
