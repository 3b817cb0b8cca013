package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GroundTruthMaskTest {
    @Test
    void marksSamplesThatDifferByMoreThanTheThreshold() {
        float[][] sick = {{0f, 0.5f, 0.03f, -0.1f}, {1f, 1f, 1f, 1f}};
        float[][] free = {{0f, 0.0f, 0.0f, 0.0f}, {1f, 1.01f, 0.95f, 1f}};
        float[][] mask = GroundTruthMask.compute(sick, free, 0.02);
        assertArrayEquals(new float[] {0, 1, 1, 1}, mask[0]);
        assertArrayEquals(new float[] {0, 0, 1, 0}, mask[1]);
    }

    @Test
    void identicalSignalsGiveAnEmptyMask() {
        float[][] a = {{0.1f, -0.4f, 2f}};
        assertArrayEquals(new float[] {0, 0, 0}, GroundTruthMask.compute(a, a, 1e-6)[0]);
    }

    @Test
    void rejectsBadInput() {
        float[][] a = {{0f, 1f}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GroundTruthMask.compute(a, a, 0));
        assertTrue(e.getMessage().contains("threshold"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GroundTruthMask.compute(a, new float[][] {{0f}}, 0.02));
    }
}
