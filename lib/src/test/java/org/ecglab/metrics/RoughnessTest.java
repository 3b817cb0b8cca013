package org.ecglab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Roughness by hand: constant, ramp, alternating and white-noise maps. */
class RoughnessTest {

    @Test
    void handCases() {
        assertEquals(0, Roughness.of(new float[][] {{2, 2, 2, 2}, {-1, -1, -1, -1}}), 0);
        // ramp 1..4: changes 3 x 1, mass 10
        assertEquals(0.3, Roughness.of(new float[][] {{1, 2, 3, 4}}), 1e-12);
        // alternating ±1 over 5 samples: changes 4 x 2, mass 5
        assertEquals(8 / 5.0, Roughness.of(new float[][] {{1, -1, 1, -1, 1}}), 1e-12);
        // two leads pool their sums: (3 + 6) / (10 + 4)
        assertEquals(9 / 14.0, Roughness.of(new float[][] {{1, 2, 3, 4}, {0, 2, 0, 2}}), 1e-12);
        assertTrue(Double.isNaN(Roughness.of(new float[2][10])));
        assertThrows(IllegalArgumentException.class, () -> Roughness.of(new float[][] {{1}}));
    }

    @Test
    void whiteNoiseIsAboutRootTwo() {
        SplittableRandom r = new SplittableRandom(3);
        float[][] noise = new float[12][600];
        for (float[] lead : noise) {
            for (int t = 0; t < lead.length; t++) {
                lead[t] = (float) (Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()));
            }
        }
        assertEquals(Math.sqrt(2), Roughness.of(noise), 0.03);
    }
}
