package org.ecglab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void aurocOfSklearnDocExample() {
        // Pairs (pos, neg): 0.35>0.1, 0.35<0.4, 0.8>0.1, 0.8>0.4 -> 3 of 4.
        assertEquals(0.75, BinaryMetrics.auroc(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new int[] {0, 0, 1, 1}), EPS);
    }

    @Test
    void aurocCountsTiesAsHalf() {
        // Positive 0.9 beats both negatives (2), positive 0.5 ties both (2 x 1/2) -> 3 / 4.
        assertEquals(0.75, BinaryMetrics.auroc(new float[] {0.5f, 0.5f, 0.5f, 0.9f}, new int[] {0, 1, 0, 1}), EPS);
        // All scores equal: every pair is a tie.
        assertEquals(0.5, BinaryMetrics.auroc(new float[] {2, 2, 2, 2, 2}, new int[] {1, 0, 0, 1, 0}), EPS);
    }

    @Test
    void aurocIsOneZeroForPerfectAndReversedRanking() {
        float[] s = {1, 2, 3, 4, 5};
        assertEquals(1.0, BinaryMetrics.auroc(s, new int[] {0, 0, 0, 1, 1}), EPS);
        assertEquals(0.0, BinaryMetrics.auroc(s, new int[] {1, 1, 0, 0, 0}), EPS);
    }

    @Test
    void aurocMatchesPairCountingOnRandomTiedScores() {
        SplittableRandom r = new SplittableRandom(3);
        float[] s = new float[200];
        int[] y = new int[200];
        for (int i = 0; i < s.length; i++) {
            y[i] = r.nextInt(3) == 0 ? 1 : 0;
            s[i] = r.nextInt(10) + y[i] * 2; // many ties
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, BinaryMetrics.auroc(s, y), 1e-12);
    }

    @Test
    void midranksAverageTiedPositions() {
        assertArrayEquals(new double[] {2, 2, 4, 2, 5.5, 5.5},
                BinaryMetrics.midranks(new float[] {1, 1, 3, 1, 7, 7}));
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, EPS);
    }

    @Test
    void auprcOfSklearnDocExample() {
        // Thresholds 0.8: P=1 R=.5; 0.4: P=1/2 R=.5; 0.35: P=2/3 R=1; 0.1: P=1/2 R=1 -> .5*1 + .5*2/3.
        assertEquals(0.5 + 0.5 * 2.0 / 3.0,
                BinaryMetrics.auprc(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new int[] {0, 0, 1, 1}), EPS);
    }

    @Test
    void auprcTakesTiedScoresTogether() {
        // Threshold 0.9: TP 1, FP 0 (P 1, R .5); threshold 0.5: TP 2, FP 2 (P .5, R 1) -> .5 + .25.
        assertEquals(0.75, BinaryMetrics.auprc(new float[] {0.5f, 0.5f, 0.5f, 0.9f}, new int[] {0, 1, 0, 1}), EPS);
        // One threshold for all: AP = positive rate.
        assertEquals(0.4, BinaryMetrics.auprc(new float[] {1, 1, 1, 1, 1}, new int[] {1, 0, 0, 1, 0}), EPS);
    }

    @Test
    void auprcWithoutNegativesIsOne() {
        assertEquals(1.0, BinaryMetrics.auprc(new float[] {0.3f, 0.1f}, new int[] {1, 1}), EPS);
    }

    @Test
    void badInputIsRejectedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BinaryMetrics.auroc(new float[] {1, 2}, new int[] {1}));
        assertTrue(e.getMessage().contains("length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BinaryMetrics.auroc(new float[] {1, Float.NaN}, new int[] {1, 0}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BinaryMetrics.auroc(new float[] {1, 2}, new int[] {1, 1}));
        assertTrue(e.getMessage().contains("no negative"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BinaryMetrics.auprc(new float[] {1, 2}, new int[] {0, 0}));
        assertTrue(e.getMessage().contains("no positive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BinaryMetrics.auroc(new float[] {1, 2}, new int[] {0, 2}));
        assertTrue(e.getMessage().contains("expected 0 or 1"), e.getMessage());
    }
}
