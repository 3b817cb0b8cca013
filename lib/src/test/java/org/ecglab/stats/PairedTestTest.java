package org.ecglab.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The Wilcoxon signed-rank test and Holm's correction against hand computations. */
class PairedTestTest {
    @Test
    void exactPValueByHand() {
        // d = a − b = 1.5, −0.5, 2, 3, 4, −1, 2.5, 5. Ranks of |d|: 0.5→1, 1→2, 1.5→3, 2→4, 2.5→5, 3→6, 4→7, 5→8.
        // W− = 1 + 2 = 3, W+ = 36 − 3 = 33. Under H0 each of the 2^8 sign patterns is equally likely; the subsets
        // of {1..8} with rank sum <= 3 are {}, {1}, {2}, {3}, {1,2}: 5 of 256, so p = 2 · 5/256 = 0.0390625
        // (SciPy's wilcoxon gives the same).
        double[] b = {1, 1, 1, 1, 1, 1, 1, 1};
        double[] a = {2.5, 0.5, 3, 4, 5, 0, 3.5, 6};
        PairedTest t = PairedTest.wilcoxon(a, b);
        assertEquals(8, t.n());
        assertEquals(0, t.zeros());
        assertEquals(33, t.wPlus(), 0);
        assertEquals(3, t.wMinus(), 0);
        assertTrue(t.exact());
        assertEquals(10.0 / 256, t.p(), 1e-15);
        assertTrue(t.firstHigher());
        assertEquals(2.25, t.medianDifference(), 1e-15); // sorted d: ..., 2, 2.5, ... → (2 + 2.5) / 2
        assertEquals(16.5 / 8, t.meanDifference(), 1e-15);
        // Swapping the samples swaps W+ and W− and keeps p.
        PairedTest swapped = PairedTest.wilcoxon(b, a);
        assertEquals(3, swapped.wPlus(), 0);
        assertFalse(swapped.firstHigher());
        assertEquals(t.p(), swapped.p(), 1e-15);
    }

    @Test
    void normalApproximationWithTiesByHand() {
        // 24 differences, one zero (dropped): n = 23. The negative ones are −0.1, −0.2, −0.3, −0.4, −0.7; among
        // the 23 |d| their midranks are 1, 2.5, 4.5, 6.5 and 11.5 (0.2, 0.3, 0.4 and 0.7 each occur twice), so
        // W− = 26 (SciPy: statistic 26).
        double[] d = {0.8, -0.3, 1.2, 0.5, -0.7, 1.1, 0.9, 0.4, -0.2, 1.5, 0.6, 0.3, 1.0, -0.4, 0.7, 1.3, 0.2, 0.9,
            -0.1, 1.4, 0.5, 0.8, 0.0, 1.1};
        PairedTest t = PairedTest.wilcoxon(d, new double[d.length]);
        assertEquals(23, t.n());
        assertEquals(1, t.zeros());
        assertEquals(26, t.wMinus(), 1e-12);
        assertFalse(t.exact());
        // |d| tie groups (t = 2 each): 0.2, 0.3, 0.4, 0.5, 0.7, 0.8, 0.9, 1.1 → 8 groups × (8 − 2) = 48.
        double variance = 23 * 24 * 47 / 24.0 - 48 / 48.0;
        double z = (26 - 23 * 24 / 4.0) / Math.sqrt(variance);
        double expected = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(z);
        assertEquals(expected, t.p(), 1e-15);
        assertEquals(0.0006542855233863525, t.p(), 1e-12); // scipy.stats.wilcoxon(d).pvalue
    }

    @Test
    void equalSamplesGiveOneAndBadInputIsRejected() {
        PairedTest same = PairedTest.wilcoxon(new double[] {1, 2, 3}, new double[] {1, 2, 3});
        assertEquals(0, same.n());
        assertEquals(1.0, same.p(), 0);
        assertThrows(IllegalArgumentException.class, () -> PairedTest.wilcoxon(new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> PairedTest.wilcoxon(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> PairedTest.wilcoxon(new double[] {Double.NaN},
                new double[] {1}));
    }

    @Test
    void holmByHand() {
        // Sorted: 0.005 (×4 = 0.02), 0.01 (×3 = 0.03), 0.03 (×2 = 0.06), 0.04 (×1 = 0.04, raised to 0.06 to stay
        // monotone); reported in the input order.
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}),
                1e-15);
        assertArrayEquals(new double[] {1.0, 1.0}, Holm.adjust(new double[] {0.6, 0.9}), 0);
        assertEquals(0, Holm.adjust(new double[0]).length);
        assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[] {1.5}));
    }

    @Test
    void averageLinkageKeepsBlocksTogether() {
        // Items 0, 2, 4 are close (0.1), 1 and 3 are close (0.2), the blocks far apart (0.9). Merges: (0,2), then
        // ({0,2},4) at 0.1, then (1,3) at 0.2, then the two blocks.
        double[][] d = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                d[i][j] = i == j ? 0 : i % 2 == j % 2 ? (i % 2 == 0 ? 0.1 : 0.2) : 0.9;
            }
        }
        assertArrayEquals(new int[] {0, 2, 4, 1, 3}, AverageLinkage.leafOrder(d));
        assertArrayEquals(new int[] {0}, AverageLinkage.leafOrder(new double[][] {{0}}));
        assertThrows(IllegalArgumentException.class, () -> AverageLinkage.leafOrder(new double[][] {{0, 1}, {2, 0}}));
    }
}
