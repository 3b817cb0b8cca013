package org.ecglab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NiceTicksTest {
    @Test
    void choosesTheSmallestNiceStepWithinTheTickBudget() {
        assertEquals(0.25, NiceTicks.step(0, 1, 5), 1e-12); // 0.1 gives 11 ticks, 0.2 gives 6, 0.25 gives 5
        assertEquals(1.0, NiceTicks.step(-2, 2, 5), 1e-12);
        assertEquals(0.005, NiceTicks.step(-0.0187, 0.0187, 9), 1e-12);
        assertArrayEquals(new double[] {-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2}, NiceTicks.ticks(-2, 2, 0.5), 1e-12);
        assertArrayEquals(new double[] {-0.01, 0, 0.01}, NiceTicks.ticks(-0.0187, 0.0187, 0.01), 1e-12);
    }

    @Test
    void formatsWithTheDecimalsTheStepNeeds() {
        assertEquals("1", NiceTicks.format(1, 1));
        assertEquals("-1.5", NiceTicks.format(-1.5, 0.5));
        assertEquals("0.25", NiceTicks.format(0.25, 0.25));
        assertEquals("0.010", NiceTicks.format(0.01, 0.005));
        assertEquals("2.0e-04", NiceTicks.format(0.0002, 0.0001));
    }
}
