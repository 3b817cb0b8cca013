package org.ecglab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Feature rankings, removal masks, replacements and AOPC by hand. */
class PerturbationMetricsTest {
    @Test
    void aopcByHand() {
        // Drops from 1.0: 0, 0.2, 0.5 → mean 0.7 / 3.
        assertEquals(0.7 / 3, Aopc.of(new double[] {1.0, 0.8, 0.5}), 1e-15);
        assertEquals(0, Aopc.of(new double[] {2.0}), 0);
        assertThrows(IllegalArgumentException.class, () -> Aopc.of(new double[0]));
    }

    @Test
    void rankingBySegmentsAndRemoval() {
        // Segments of 200 samples: 3 per lead, 36 features. Map: lead 2 segment 1 sums to 200 · 2 = 400, lead 0
        // segment 0 to 200 · 1, lead 4 segment 2 to −200 · 3 = −600; all others 0.
        float[][] map = new float[12][600];
        Arrays.fill(map[2], 200, 400, 2f);
        Arrays.fill(map[0], 0, 200, 1f);
        Arrays.fill(map[4], 400, 600, -3f);
        assertEquals(36, FeatureRanking.featureCount(200));
        int[] morf = FeatureRanking.rank(map, 200, ValueMode.SIGNED, PerturbationOrder.MORF, null);
        assertEquals(2 * 3 + 1, morf[0]);
        assertEquals(0, morf[1]);
        assertEquals(1, morf[2]);               // ties at 0 in feature order
        assertEquals(4 * 3 + 2, morf[35]);      // the most negative last
        int[] byMagnitude = FeatureRanking.rank(map, 200, ValueMode.ABSOLUTE, PerturbationOrder.MORF, null);
        assertEquals(4 * 3 + 2, byMagnitude[0]);
        int[] lerf = FeatureRanking.rank(map, 200, ValueMode.SIGNED, PerturbationOrder.LERF, null);
        assertEquals(4 * 3 + 2, lerf[0]);
        boolean[][] removed = FeatureRanking.removed(morf, 2, 200);
        int count = 0;
        for (int l = 0; l < 12; l++) {
            for (int t = 0; t < 600; t++) {
                boolean expected = (l == 2 && t >= 200 && t < 400) || (l == 0 && t < 200);
                assertEquals(expected, removed[l][t], "lead " + l + " sample " + t);
                count += removed[l][t] ? 1 : 0;
            }
        }
        assertEquals(400, count);
        assertEquals(18, FeatureRanking.featuresAt(50, 36));
        // 600/7 = 85.7: 86 windows per lead, the last of 5 samples.
        assertEquals(12 * 86, FeatureRanking.featureCount(7));
        assertThrows(IllegalArgumentException.class, () -> FeatureRanking.featureCount(0));
        assertThrows(IllegalArgumentException.class, () -> FeatureRanking.removed(morf, 37, 200));
    }

    @Test
    void tiesAreBrokenAtRandomWhenASourceIsGiven() {
        // Two positive features, the other 34 tie at zero.
        float[][] map = new float[12][600];
        Arrays.fill(map[5], 0, 200, 1f);
        Arrays.fill(map[9], 200, 400, 2f);
        int[] byIndex = FeatureRanking.rank(map, 200, ValueMode.SIGNED, PerturbationOrder.MORF, null);
        int[] shuffled = FeatureRanking.rank(map, 200, ValueMode.SIGNED, PerturbationOrder.MORF,
                new SplittableRandom(5));
        assertArrayEquals(new int[] {9 * 3 + 1, 5 * 3}, Arrays.copyOf(shuffled, 2), "relevance decides first");
        assertArrayEquals(Arrays.copyOf(byIndex, 2), Arrays.copyOf(shuffled, 2));
        assertEquals(0, byIndex[2]);
        assertNotEquals(0, Arrays.compare(byIndex, shuffled), "the 34 tied features in another order");
        assertArrayEquals(shuffled, FeatureRanking.rank(map, 200, ValueMode.SIGNED, PerturbationOrder.MORF,
                new SplittableRandom(5)), "deterministic for a seed");
        int[] sorted = shuffled.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void randomOrderIsASeededPermutation() {
        int[] a = FeatureRanking.rank(new float[12][600], 10, ValueMode.SIGNED, PerturbationOrder.RANDOM,
                new SplittableRandom(3));
        int[] b = FeatureRanking.rank(new float[12][600], 10, ValueMode.SIGNED, PerturbationOrder.RANDOM,
                new SplittableRandom(3));
        assertArrayEquals(a, b);
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertNotEquals(0, Arrays.compare(a, FeatureRanking.rank(new float[12][600], 10, ValueMode.SIGNED,
                PerturbationOrder.RANDOM, new SplittableRandom(4))));
    }

    @Test
    void replacementsByHand() {
        float[][] x = new float[12][600];
        for (int t = 0; t < 600; t++) {
            x[0][t] = t;        // a ramp: mean 299.5
        }
        boolean[][] removed = new boolean[12][600];
        Arrays.fill(removed[0], 10, 20, true);  // interior run
        Arrays.fill(removed[0], 0, 3, true);    // run at the start
        float[][] zero = Replacement.ZERO.apply(x, removed, null);
        float[][] mean = Replacement.LEAD_MEAN.apply(x, removed, null);
        float[][] line = Replacement.LINEAR_INTERPOLATION.apply(x, removed, null);
        assertEquals(0f, zero[0][15]);
        assertEquals(299.5f, mean[0][15]);
        // A straight line through its own neighbours (9 and 20) gives the ramp back.
        for (int t = 10; t < 20; t++) {
            assertEquals(t, line[0][t], 1e-4);
        }
        assertEquals(3f, line[0][0]);           // held at the first kept sample
        assertEquals(25f, line[0][25]);         // kept samples are unchanged
        assertEquals(25f, zero[0][25]);
        assertEquals(x[0][15], 15f, "the input is not modified");
        float[][] noise = Replacement.NOISE.apply(x, removed, new SplittableRandom(1));
        assertArrayEquals(noise[0], Replacement.NOISE.apply(x, removed, new SplittableRandom(1))[0]);
        assertTrue(noise[0][15] != 15f && noise[1][15] == 0f);
        assertEquals(Replacement.LINEAR_INTERPOLATION, Replacement.parse("linear_interpolation"));
        assertThrows(IllegalArgumentException.class, () -> Replacement.parse("blur"));
    }
}
