package org.ecglab.stats;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generic resampler: identity with the mean bootstrap, skipped resamples, degenerate statistics. */
class PercentileBootstrapTest {

    @Test
    void bootstrappingTheMeanGivesBootstrapIntervalExactly() {
        SplittableRandom r = new SplittableRandom(4);
        double[] v = new double[150];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble();
        }
        PercentileBootstrap.Estimate e = new PercentileBootstrap(500, 0.9, 13).estimate(v.length, sample -> {
            double s = 0;
            for (int i : sample) {
                s += v[i];
            }
            return s / sample.length;
        });
        BootstrapInterval ci = BootstrapInterval.ofMean(v, 500, 0.9, 13);
        assertEquals(ci.lower(), e.lower(), 0);
        assertEquals(ci.upper(), e.upper(), 0);
        assertEquals(ci.mean(), e.estimate(), 1e-12);
        assertEquals(0, e.skipped());
    }

    @Test
    void aConstantStatisticHasAZeroWidthInterval() {
        PercentileBootstrap.Estimate e = PercentileBootstrap.of95(1).estimate(7, sample -> 0.25);
        assertEquals(0.25, e.lower(), 0);
        assertEquals(0.25, e.upper(), 0);
        assertTrue(e.contains(e.estimate()));
    }

    @Test
    void undefinedResamplesAreSkippedAndCounted() {
        // With n = 2 a resample repeats one unit with probability 1/2; call those undefined.
        PercentileBootstrap.Estimate e = new PercentileBootstrap(2000, 0.95, 5).estimate(2,
                sample -> sample[0] == sample[1] ? Double.NaN : 1.0);
        assertEquals(1000, e.skipped(), 4 * Math.sqrt(2000 * 0.25)); // binomial(2000, 1/2), 4 sd
        assertEquals(1.0, e.lower(), 0);
        assertEquals(1.0, e.upper(), 0);
        PercentileBootstrap.Estimate never = PercentileBootstrap.of95(5).estimate(3, sample -> Double.NaN);
        assertEquals(never.resamples(), never.skipped());
        assertTrue(Double.isNaN(never.lower()) && Double.isNaN(never.upper()));
    }

    @Test
    void deterministicPerSeed() {
        IndexStatistic firstIndex = sample -> sample[0];
        assertEquals(PercentileBootstrap.of95(3).estimate(50, firstIndex),
                PercentileBootstrap.of95(3).estimate(50, firstIndex));
        assertTrue(!PercentileBootstrap.of95(3).estimate(50, firstIndex)
                .equals(PercentileBootstrap.of95(4).estimate(50, firstIndex)));
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> new PercentileBootstrap(0, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> new PercentileBootstrap(10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> PercentileBootstrap.of95(1).estimate(-1, s -> 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PercentileBootstrap.of95(1).estimate(3, s -> Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
        PercentileBootstrap.Estimate empty = PercentileBootstrap.of95(1).estimate(0, s -> 1);
        assertTrue(Double.isNaN(empty.estimate()));
    }
}
