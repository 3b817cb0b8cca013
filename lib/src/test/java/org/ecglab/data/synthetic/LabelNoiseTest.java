package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LabelNoiseTest {
    /** 200 records, class 0 positive in the first 50, class 1 in none: rate 0.1 flips 5 each way for class 0. */
    @Test
    void flipsRoundedRateOfThePositivesEachWayAndLeavesTheInputAlone() {
        boolean[][] labels = new boolean[200][2];
        for (int i = 0; i < 50; i++) {
            labels[i][0] = true;
        }
        boolean[][] noisy = LabelNoise.apply(labels, 0.1, new SplittableRandom(1));
        int lost = 0;
        int gained = 0;
        for (int i = 0; i < 200; i++) {
            lost += labels[i][0] && !noisy[i][0] ? 1 : 0;
            gained += !labels[i][0] && noisy[i][0] ? 1 : 0;
            assertEquals(false, noisy[i][1], "a class without positives gains none");
        }
        assertEquals(5, lost);
        assertEquals(5, gained);
        assertEquals(50, java.util.Arrays.stream(labels).filter(r -> r[0]).count(), "input unchanged");
        assertArrayEquals(noisy, LabelNoise.apply(labels, 0.1, new SplittableRandom(1)), "deterministic");
    }

    /** Within groups: 40 positives in group 0 and 20 in group 1 give round(0.1 · 40) = 4 and 2 flips each way. */
    @Test
    void flipsWithinEachGroup() {
        boolean[][] labels = new boolean[300][1];
        int[] group = new int[300];
        for (int i = 0; i < 300; i++) {
            group[i] = i < 200 ? 0 : 1;
            labels[i][0] = i < 40 || (i >= 200 && i < 220);
        }
        boolean[][] noisy = LabelNoise.apply(labels, 0.1, new SplittableRandom(3), group);
        int[] lost = new int[2];
        int[] gained = new int[2];
        for (int i = 0; i < 300; i++) {
            lost[group[i]] += labels[i][0] && !noisy[i][0] ? 1 : 0;
            gained[group[i]] += !labels[i][0] && noisy[i][0] ? 1 : 0;
        }
        assertArrayEquals(new int[] {4, 2}, lost);
        assertArrayEquals(new int[] {4, 2}, gained);
    }

    @Test
    void zeroRateChangesNothingAndBadRatesAreRefused() {
        boolean[][] labels = {{true, false}, {false, true}};
        assertArrayEquals(labels, LabelNoise.apply(labels, 0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> LabelNoise.apply(labels, 1, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> LabelNoise.apply(labels, -0.1, new SplittableRandom(1)));
    }
}
