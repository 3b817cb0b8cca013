package org.ecglab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RobustScaleTest {
    @Test
    void percentileOfAbsoluteValuesInterpolatesLikeNumpy() {
        // |a| = 1..100 spread over two rows with mixed signs; h = 0.99 * 99 = 98.01 -> 99 + 0.01 * (100 - 99)
        float[][] a = new float[2][50];
        for (int i = 0; i < 100; i++) {
            a[i / 50][i % 50] = (i % 2 == 0 ? -1 : 1) * (i + 1);
        }
        assertEquals(99.01, RobustScale.ofAbsolute(a, 99), 1e-9);
        assertEquals(100.0, RobustScale.ofAbsolute(a, 100), 1e-9);
        // median: h = 49.5 -> 50.5
        assertEquals(50.5, RobustScale.ofAbsolute(a, 50), 1e-9);
    }

    @Test
    void oneOutlierDoesNotSetTheScale() {
        float[][] a = new float[1][1000];
        java.util.Arrays.fill(a[0], 0.2f);
        a[0][3] = 1e6f;
        assertEquals(0.2, RobustScale.ofAbsolute(a, 99), 1e-6);
    }

    @Test
    void allZeroMapGetsUnitScaleAndBadPercentileIsRejected() {
        assertEquals(1.0, RobustScale.ofAbsolute(new float[3][4], 99));
        assertThrows(IllegalArgumentException.class, () -> RobustScale.ofAbsolute(new float[1][1], 0));
        assertThrows(IllegalArgumentException.class, () -> RobustScale.ofAbsolute(new float[1][1], 101));
        assertThrows(IllegalArgumentException.class, () -> RobustScale.ofAbsolute(new float[1][0], 99));
    }
}
