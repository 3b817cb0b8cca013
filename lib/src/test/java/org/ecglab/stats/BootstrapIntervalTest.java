package org.ecglab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Percentile bootstrap of the mean: determinism, coverage and width against normal theory at a pinned level. */
class BootstrapIntervalTest {

    private static double[] sample(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble(); // uniform(0, 1): sd = 1/sqrt(12)
        }
        return v;
    }

    @Test
    void containsTheMeanAndIsDeterministicForASeed() {
        double[] v = sample(200, 1);
        BootstrapInterval a = BootstrapInterval.ofMean(v, 7);
        BootstrapInterval b = BootstrapInterval.ofMean(v, 7);
        assertEquals(a, b);
        assertTrue(a.contains(a.mean()), a.toString());
        assertTrue(a.lower() < a.mean() && a.mean() < a.upper(), a.toString());
        assertNotEquals(a.lower(), BootstrapInterval.ofMean(v, 8).lower());
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        assertEquals(mean / v.length, a.mean(), 1e-12);
        assertEquals(200, a.n());
    }

    @Test
    void widthIsTwoZTimesThePlugInStandardErrorAtThePinnedLevel() {
        // The bootstrap distribution of a mean of n = 400 values has sd σ̂ / √n with the plug-in σ̂ (divisor n) and
        // is close to normal, so a 95% percentile interval spans 2 · 1.96 σ̂ / √n. Within 3% (4000 resamples): a
        // 94% interval (z = 1.88, 4% narrower) or a 96% one (z = 2.05, 5% wider) would fail.
        double[] v = sample(400, 3);
        double mean = Arrays.stream(v).average().orElseThrow();
        double plugIn = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length);
        for (double level : new double[] {0.95, 0.5}) {
            double z = new NormalDistribution().inverseCumulativeProbability((1 + level) / 2);
            BootstrapInterval ci = BootstrapInterval.ofMean(v, 4000, level, 11);
            double expected = 2 * z * plugIn / Math.sqrt(v.length);
            System.out.printf("level %.2f: width %.5f, 2 z σ̂ / √n %.5f%n", level, ci.upper() - ci.lower(), expected);
            assertEquals(expected, ci.upper() - ci.lower(), 0.03 * expected, level + ": " + ci);
        }
    }

    @Test
    void coverageOfTheMeanIsTheTheoreticalOne() {
        // As PercentileBootstrapTest, through the mean interval's own entry point.
        for (double level : new double[] {0.80, 0.95}) {
            double expected = PercentileBootstrapTest.expectedCoverage(level);
            double measured = PercentileBootstrapTest.coverage(level, (x, l, seed) -> {
                BootstrapInterval ci = BootstrapInterval.ofMean(x, 1000, l, seed);
                return new double[] {ci.lower(), ci.upper()};
            });
            assertEquals(expected, measured, 3 * Math.sqrt(expected * (1 - expected) / 2000) + 0.005,
                    "coverage at level " + level);
        }
    }

    @Test
    void degenerateSamples() {
        BootstrapInterval one = BootstrapInterval.ofMean(new double[] {0.3}, 3);
        assertEquals(0.3, one.lower(), 0);
        assertEquals(0.3, one.upper(), 0);
        BootstrapInterval empty = BootstrapInterval.ofMean(new double[0], 3);
        assertTrue(Double.isNaN(empty.mean()) && empty.n() == 0);
        assertThrows(IllegalArgumentException.class, () -> BootstrapInterval.ofMean(new double[] {Double.NaN}, 1));
        assertThrows(IllegalArgumentException.class, () -> BootstrapInterval.ofMean(new double[] {1}, 0, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> BootstrapInterval.ofMean(new double[] {1}, 10, 1.0, 1));
    }
}
