package org.ecglab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Percentile bootstrap of the mean: determinism, coverage of the mean, and width against normal theory. */
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
    void widthMatchesNormalTheory() {
        // For n = 400 uniforms the mean's sd is (1/sqrt(12))/20; a 95% interval spans about 2·1.96 sd.
        double[] v = sample(400, 3);
        BootstrapInterval ci = BootstrapInterval.ofMean(v, 2000, 0.95, 11);
        double expected = 2 * 1.96 / Math.sqrt(12) / 20;
        assertEquals(expected, ci.upper() - ci.lower(), 0.15 * expected, ci.toString());
        BootstrapInterval narrow = BootstrapInterval.ofMean(v, 2000, 0.5, 11);
        assertTrue(narrow.upper() - narrow.lower() < ci.upper() - ci.lower());
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
