package org.ecglab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.ecglab.stats.Correlation;
import org.junit.jupiter.api.Test;

/** Spearman and Pearson against hand-computed cases (with ties) and against Commons Math. */
class MapSimilarityTest {

    @Test
    void spearmanWithTiesByHand() {
        // ranks of b: 5→1, 6→2, 7,7→3.5,3.5, 8→5; deviations from 3: a (−2,−1,0,1,2), b (−2,−1,.5,2,.5)
        // r = 8 / sqrt(10 · 9.5)
        double r = Correlation.SPEARMAN.between(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7});
        assertEquals(8 / Math.sqrt(95), r, 1e-12);
        // both sides tied: ranks (1.5,1.5,3) and (1,2.5,2.5), deviations (−.5,−.5,1) and (−1,.5,.5):
        // Σab = .5 − .25 + .5 = .75, Σaa = Σbb = 1.5 ⇒ r = .5
        double r2 = Correlation.SPEARMAN.between(new double[] {0, 0, 1}, new double[] {-1, 4, 4});
        assertEquals(0.75 / 1.5, r2, 1e-12);
    }

    @Test
    void pearsonByHand() {
        // b deviations (−7/3, −1/3, 8/3): Σab = 5, Σaa = 2, Σbb = 114/9
        assertEquals(5 / Math.sqrt(2 * 114.0 / 9), Correlation.PEARSON.between(new double[] {1, 2, 3},
                new double[] {2, 4, 7}), 1e-12);
    }

    @Test
    void absoluteAndSignedDiffer() {
        float[][] a = {{-3, 1, 2}};
        float[][] b = {{3, 1, 2}};
        assertEquals(1.0, MapSimilarity.similarity(a, b, ValueMode.ABSOLUTE, Correlation.SPEARMAN), 1e-12);
        // signed ranks (1,2,3) vs (3,1,2): Σ = −1, Σaa = Σbb = 2
        assertEquals(-0.5, MapSimilarity.similarity(a, b, ValueMode.SIGNED, Correlation.SPEARMAN), 1e-12);
        assertEquals(1.0, MapSimilarity.spearmanAbsolute(a, b), 1e-12);
    }

    @Test
    void constantMapsGiveNaN() {
        float[][] zero = {{0, 0, 0, 0}};
        float[][] other = {{1, 2, 3, 4}};
        assertTrue(Double.isNaN(MapSimilarity.similarity(zero, other, ValueMode.SIGNED, Correlation.SPEARMAN)));
        assertTrue(Double.isNaN(MapSimilarity.similarity(other, zero, ValueMode.ABSOLUTE, Correlation.PEARSON)));
        // constant only after taking magnitudes
        float[][] symmetric = {{-1, 1, -1, 1}};
        assertTrue(Double.isNaN(MapSimilarity.similarity(symmetric, other, ValueMode.ABSOLUTE, Correlation.SPEARMAN)));
    }

    @Test
    void agreesWithCommonsMathOnRandomMapsWithTies() {
        SplittableRandom r = new SplittableRandom(42);
        for (int trial = 0; trial < 20; trial++) {
            double[] a = new double[7200];
            double[] b = new double[7200];
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.round(10 * r.nextGaussian()) / 10.0; // many ties
                b[i] = 0.5 * a[i] + Math.round(5 * r.nextGaussian()) / 5.0;
            }
            assertEquals(new SpearmansCorrelation().correlation(a, b), Correlation.SPEARMAN.between(a, b), 1e-12);
            assertEquals(new PearsonsCorrelation().correlation(a, b), Correlation.PEARSON.between(a, b), 1e-12);
        }
    }

    @Test
    void aMapWithoutLeadAxisIsComparedWithTheTimeProfileOfAMapWithLeads() {
        float[][] cam = {{0.1f, -0.4f, 0.9f, 0.3f, -0.2f}};
        // twelve leads, each the row scaled by a lead weight of either sign: |profile| = Σ_l |w_l| · |row|
        float[][] leads = new float[12][5];
        for (int l = 0; l < 12; l++) {
            for (int t = 0; t < 5; t++) {
                leads[l][t] = (l % 3 == 0 ? -1 : 1) * (l + 1) * cam[0][t];
            }
        }
        assertEquals(1.0, MapSimilarity.similarity(cam, leads, ValueMode.ABSOLUTE, Correlation.SPEARMAN), 1e-12);
        assertEquals(1.0, MapSimilarity.similarity(leads, cam, ValueMode.ABSOLUTE, Correlation.PEARSON), 1e-12);
        // signed: the net profile is Σ_l w_l · row = (78 − 2·(1 + 4 + 7 + 10)) · row = 34 · row, the same ranks
        assertEquals(1.0, MapSimilarity.similarity(cam, leads, ValueMode.SIGNED, Correlation.SPEARMAN), 1e-12);
        assertTrue(MapSimilarity.timeAxisOnly(cam, leads));
        assertTrue(!MapSimilarity.timeAxisOnly(leads, leads) && !MapSimilarity.timeAxisOnly(cam, cam));
        // broadcasting the row to 12 equal leads would not give 1: the lead weights differ
        float[][] broadcast = new float[12][];
        java.util.Arrays.fill(broadcast, cam[0]);
        assertTrue(MapSimilarity.similarity(broadcast, leads, ValueMode.ABSOLUTE, Correlation.SPEARMAN) < 0.9);
    }

    @Test
    void timeProfilesByHand() {
        float[][] map = {{1, -2, 3}, {-4, 5, 6}};
        assertArrayEquals(new double[] {5, 7, 9}, MapSimilarity.timeProfile(map, ValueMode.ABSOLUTE), 0);
        assertArrayEquals(new double[] {-3, 3, 9}, MapSimilarity.timeProfile(map, ValueMode.SIGNED), 0);
        assertArrayEquals(new double[] {1, 2, 3}, MapSimilarity.comparable(new float[][] {{1, -2, 3}},
                ValueMode.ABSOLUTE, true), 0);
        // a one-row map against the profile (5, 7, 9) of the absolute values, and (−3, 3, 9) of the signed ones
        float[][] row = {{9, 8, 1}};
        assertEquals(-1.0, MapSimilarity.similarity(row, map, ValueMode.ABSOLUTE, Correlation.SPEARMAN), 1e-12);
        assertEquals(-1.0, MapSimilarity.similarity(map, row, ValueMode.SIGNED, Correlation.SPEARMAN), 1e-12);
        String m = assertThrows(IllegalArgumentException.class, () -> MapSimilarity.similarity(map,
                new float[3][3], ValueMode.SIGNED, Correlation.SPEARMAN)).getMessage();
        assertEquals("maps differ in lead count: 2 vs 3; only a map without a lead axis (1 row) can be compared with "
                + "one that has leads", m);
    }

    @Test
    void badInputRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Correlation.SPEARMAN.between(new double[] {1, 2}, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> Correlation.SPEARMAN.between(new double[] {1}, new double[] {1}));
        String m = assertThrows(IllegalArgumentException.class, () -> Correlation.PEARSON.between(
                new double[] {1, Double.NaN}, new double[] {1, 2})).getMessage();
        assertTrue(m.contains("value 1 is NaN"), m);
        assertThrows(IllegalArgumentException.class, () -> ValueMode.parse("squared"));
        assertEquals(ValueMode.SIGNED, ValueMode.parse("signed"));
    }
}
