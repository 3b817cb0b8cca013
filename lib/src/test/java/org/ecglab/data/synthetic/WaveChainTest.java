package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WaveChainTest {
    @Test
    void fewestWavesWithinTheSpacingEvenlyLaidOut() {
        // 100 ms at width 10 and at most 1.5 widths apart: 15 ms steps need 7 gaps, so 8 waves 100/7 ms apart.
        List<GaussianWave> chain = WaveChain.between("X", 0, 100, 10, 1.5, u -> new double[] {u, 0, 0});
        assertEquals(8, chain.size());
        assertEquals(100.0 / 7, chain.get(1).centreMs(), 1e-9);
        assertEquals(100, chain.get(7).centreMs(), 1e-9);
        assertEquals(1.0, chain.get(7).ax(), 1e-12);
        assertEquals("X_3", chain.get(3).label());
        assertEquals(1, WaveChain.between("Y", 5, 5, 10, 1.5, u -> new double[] {1, 0, 0}).size());
        assertThrows(IllegalArgumentException.class, () -> WaveChain.between("Z", 10, 0, 10, 1.5, u -> null));
    }

    /** Waves spaced 1.5 widths apart at amplitude waveAmplitude(1.5) sum to a flat top of height 1. */
    @Test
    void aLongChainHasAFlatTopOfTheNominalHeight() {
        double a = WaveChain.waveAmplitude(1.5);
        List<GaussianWave> chain = WaveChain.between("X", 0, 300, 10, 1.5, u -> new double[] {a, 0, 0});
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double t = 100; t <= 200; t += 0.5) {
            double v = 0;
            for (GaussianWave w : chain) {
                v += w.ax() * w.shape(t);
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertEquals(1, lo, 0.02);
        assertEquals(1, hi, 0.02);
        assertTrue(hi - lo < 0.01, "ripple " + (hi - lo));
    }
}
