package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyntheticConfigTest {
    @Test
    void presets() {
        SyntheticConfig d = SyntheticConfig.defaults();
        assertEquals(0.05, d.baselineWanderMv());
        assertEquals(0.01, d.muscleNoiseMv());
        assertEquals(0.02, d.maskThresholdMv());
        SyntheticConfig q = SyntheticConfig.noiseFree();
        assertEquals(0, q.baselineWanderMv());
        assertEquals(0, q.muscleNoiseMv());
        assertEquals(d.maskThresholdMv(), q.maskThresholdMv());
        assertEquals(0.2, d.withNoise(0.2, 0.03).baselineWanderMv());
    }

    @Test
    void rejectsOutOfRangeValuesNamingThem() {
        assertMessage("baselineWanderMv", () -> new SyntheticConfig(-0.01, 0.01, 0.02, 8));
        assertMessage("muscleNoiseMv", () -> new SyntheticConfig(0.05, -1, 0.02, 8));
        assertMessage("muscleNoiseMv", () -> new SyntheticConfig(0.05, Double.NaN, 0.02, 8));
        assertMessage("maskThresholdMv", () -> new SyntheticConfig(0.05, 0.01, 0, 8));
        assertMessage("qrsOnsetJitterMs", () -> new SyntheticConfig(0.05, 0.01, 0.02, 25));
        assertMessage("qrsOnsetJitterMs", () -> new SyntheticConfig(0.05, 0.01, 0.02, -1));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }
}
