package org.ecglab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RelevanceMassTest {
    @Test
    void massInsideTheMaskAgainstHandCounts() {
        float[][] map = {{1, -2, 0, 3}, {0, 0, -4, 0}};
        float[][] mask = {{0, 1, 1, 0}, {0, 0, 1, 1}};
        assertEquals((2.0 + 4) / 10, RelevanceMass.inside(map, mask), 1e-12);
        assertEquals(0.5, RelevanceMass.maskShare(mask), 1e-12);
        assertEquals(0.5, RelevanceMass.inside(new float[][] {{1, 1, 1, 1}, {1, 1, 1, 1}}, mask), 1e-12,
                "a uniform map scores the mask's share");
        assertTrue(Double.isNaN(RelevanceMass.inside(new float[2][4], mask)));
        assertThrows(IllegalArgumentException.class, () -> RelevanceMass.inside(map, new float[2][3]));
    }
}
