package org.ecglab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Localisation scores of maps whose answers are known. */
class LocalizationTest {
    /** Mask: lead 1 (II), samples 100..159 (60 points of 7200). */
    private static float[][] mask() {
        float[][] m = new float[12][600];
        for (int t = 100; t < 160; t++) {
            m[1][t] = 1;
        }
        return m;
    }

    @Test
    void mapEqualToTheMaskScoresPerfectly() {
        float[][] mask = mask();
        assertEquals(1.0, Localization.massInside(mask, mask), 0);
        assertEquals(1.0, Localization.maskAuroc(mask, mask), 0);
        assertEquals(1.0, Localization.pointingHit(mask, mask), 0);
        assertEquals(60 / 7200.0, Localization.maskFraction(mask), 0);
        // Magnitudes count: the negated mask localises as well.
        float[][] negated = MapMeasureTest.scaled(mask, -2);
        assertEquals(1.0, Localization.massInside(negated, mask), 0);
    }

    @Test
    void uniformMapScoresTheAreaShareAndChance() {
        float[][] mask = mask();
        float[][] uniform = new float[12][600];
        for (float[] lead : uniform) {
            java.util.Arrays.fill(lead, 0.5f);
        }
        assertEquals(60 / 7200.0, Localization.massInside(uniform, mask), 1e-12);
        assertEquals(0.5, Localization.maskAuroc(uniform, mask), 1e-12);
        // Every point ties at the maximum: the expected hit of a random tie-break is the area share.
        assertEquals(60 / 7200.0, Localization.pointingHit(uniform, mask), 1e-12);
    }

    @Test
    void handComputedCase() {
        float[][] mask = mask();
        float[][] map = new float[12][600];
        map[1][120] = -3;  // inside, the maximum |a|
        map[0][0] = 1;     // outside
        map[5][300] = 2;   // outside
        // mass inside 3 / 6; AUROC: 60 mask points vs 7140 others; the one inside point with |a| = 3 beats all
        // 7140; the other 59 inside points (0) beat the 7138 zero outside points by half (ties) and lose to 2.
        // U = 7140 + 59 · 7138 · 0.5, AUROC = U / (60 · 7140).
        assertEquals(0.5, Localization.massInside(map, mask), 1e-15);
        assertEquals((7140 + 59 * 7138 * 0.5) / (60.0 * 7140), Localization.maskAuroc(map, mask), 1e-12);
        assertEquals(1.0, Localization.pointingHit(map, mask), 0);
        map[7][7] = 3; // a second maximum outside: half a hit
        assertEquals(0.5, Localization.pointingHit(map, mask), 0);
    }

    @Test
    void mapWithoutLeadAxisIsScoredAsTheSameRelevanceOnEveryLead() {
        float[][] mask = mask();
        float[][] time = new float[1][600];
        for (int t = 100; t < 160; t++) {
            time[0][t] = 1;
        }
        // The map's mass sits at the right time on all 12 leads; one lead in 12 is the mask.
        assertEquals(1 / 12.0, Localization.massInside(time, mask), 1e-12);
        assertEquals(1 / 12.0, Localization.pointingHit(time, mask), 1e-12);
        // 60 mask points score 1; of the 7140 others, 660 tie with them (the same times on other leads), 6480 are 0.
        assertEquals((6480 + 660 * 0.5) / 7140, Localization.maskAuroc(time, mask), 1e-12);
        assertTrue(Double.isNaN(Localization.massInside(new float[12][600], mask)));
        assertTrue(Double.isNaN(Localization.maskAuroc(time, new float[12][600])));
        assertThrows(IllegalArgumentException.class, () -> Localization.massInside(time, new float[11][600]));
    }
}
