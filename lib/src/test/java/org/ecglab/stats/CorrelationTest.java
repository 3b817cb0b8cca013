package org.ecglab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pearson and Spearman against hand-computed values, on double and on float vectors. */
class CorrelationTest {
    @Test
    void handComputedCases() {
        // y = 2x + 1 is perfectly linear; y = x^3 is monotone but not linear.
        double[] x = {-2, -1, 0, 1, 3};
        assertEquals(1.0, Correlation.PEARSON.between(x, new double[] {-3, -1, 1, 3, 7}), 1e-15);
        double[] cube = {-8, -1, 0, 1, 27};
        assertEquals(1.0, Correlation.SPEARMAN.between(x, cube), 1e-15);
        // Pearson of x and x^3 (means 0.2 and 3.8): 95.2 / sqrt(14.8 * 722.8) = 0.920443..
        assertEquals(95.2 / Math.sqrt(14.8 * 722.8), Correlation.PEARSON.between(x, cube), 1e-12);
        // Ties share their mid-rank: ranks of {1, 1, 2} are {1.5, 1.5, 3}.
        assertEquals(Math.sqrt(3) / 2, Correlation.SPEARMAN.between(new double[] {1, 1, 2}, new double[] {1, 2, 3}),
                1e-15);
        assertTrue(Double.isNaN(Correlation.PEARSON.between(new double[] {1, 1}, new double[] {1, 2})));
    }

    @Test
    void floatVectorsGiveTheSameCoefficients() {
        float[] a = {0.5f, -1.25f, 3f, 2f};
        float[] b = {1f, 0f, 2.5f, 2.75f};
        double[] da = {0.5, -1.25, 3, 2};
        double[] db = {1, 0, 2.5, 2.75};
        for (Correlation c : Correlation.values()) {
            assertEquals(c.between(da, db), c.between(a, b), 0);
        }
        assertThrows(IllegalArgumentException.class, () -> Correlation.SPEARMAN.between(new float[] {1, 2},
                new float[] {1}));
    }
}
