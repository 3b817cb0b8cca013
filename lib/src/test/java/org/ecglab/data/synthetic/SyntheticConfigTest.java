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
        assertEquals(0.02, d.labelNoiseRate());
        SyntheticConfig q = SyntheticConfig.noiseFree();
        assertEquals(0, q.baselineWanderMv());
        assertEquals(0, q.muscleNoiseMv());
        assertEquals(d.maskThresholdMv(), q.maskThresholdMv());
        assertEquals(d.labelNoiseRate(), q.labelNoiseRate());
        assertEquals(0.2, d.withNoise(0.2, 0.03).baselineWanderMv());
        assertEquals(0.05, d.withLabelNoise(0.05).labelNoiseRate());
        assertEquals(d.muscleNoiseMv(), d.withLabelNoise(0).muscleNoiseMv());
    }

    @Test
    void rejectsOutOfRangeValuesNamingThem() {
        assertMessage("baselineWanderMv", () -> new SyntheticConfig(-0.01, 0.01, 0.02, 8, 0));
        assertMessage("muscleNoiseMv", () -> new SyntheticConfig(0.05, -1, 0.02, 8, 0));
        assertMessage("muscleNoiseMv", () -> new SyntheticConfig(0.05, Double.NaN, 0.02, 8, 0));
        assertMessage("maskThresholdMv", () -> new SyntheticConfig(0.05, 0.01, 0, 8, 0));
        assertMessage("qrsOnsetJitterMs", () -> new SyntheticConfig(0.05, 0.01, 0.02, 25, 0));
        assertMessage("qrsOnsetJitterMs", () -> new SyntheticConfig(0.05, 0.01, 0.02, -1, 0));
        assertMessage("labelNoiseRate", () -> new SyntheticConfig(0.05, 0.01, 0.02, 8, 0.3));
        assertMessage("labelNoiseRate", () -> new SyntheticConfig(0.05, 0.01, 0.02, 8, -0.01));
        assertMessage("labelNoiseRate", () -> new SyntheticConfig(0.05, 0.01, 0.02, 8, Double.NaN));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }
}
