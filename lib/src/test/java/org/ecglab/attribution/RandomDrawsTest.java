package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** The seeded normal draws: the right distribution, consecutive values (a Box–Muller pair) uncorrelated, repeatable. */
class RandomDrawsTest {

    @Test
    void gaussianDrawsAreNormalIndependentAndRepeatable() {
        int n = 200_001; // odd: the last value comes from a pair whose sine is not used
        double sigma = 0.5;
        float[] z = new RandomDraws(11).gaussian(n, sigma);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = z[i];
        }
        // Kolmogorov–Smirnov against N(0, 0.25): a wrong scale or a skew gives p far below 1e-3
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(null, 0, sigma), values);
        assertTrue(p > 1e-3, "Kolmogorov-Smirnov p-value " + p);
        // cosine and sine of one pair, and each pair with the next, are independent: lag-1 correlation ~ N(0, 1/n)
        double[] even = new double[n / 2];
        double[] odd = new double[n / 2];
        for (int i = 0; i < n / 2; i++) {
            even[i] = values[2 * i];
            odd[i] = values[2 * i + 1];
        }
        assertEquals(0, new PearsonsCorrelation().correlation(even, odd), 0.012);
        assertArrayEquals(z, new RandomDraws(11).gaussian(n, sigma));
        assertEquals(0f, new RandomDraws(11).gaussian(3, 0)[2]);
    }

    @Test
    void gaussianDrawsAreTheWrittenOutBoxMullerBitForBitAndLeaveTheStreamWhereOneLoopWould() {
        for (int n : new int[] {1, 2, 7, 16_383, 16_384, 16_385, 100_001}) {
            SplittableRandom reference = new SplittableRandom(5);
            float[] expected = new float[n];
            for (int i = 0; i < n; i += 2) {
                double u1 = reference.nextDouble();
                double u2 = reference.nextDouble();
                double radius = 0.3 * Math.sqrt(-2 * Math.log(1 - u1));
                expected[i] = (float) (radius * Math.cos(2 * Math.PI * u2));
                if (i + 1 < n) {
                    expected[i + 1] = (float) (radius * Math.sin(2 * Math.PI * u2));
                }
            }
            RandomDraws draws = new RandomDraws(5);
            float[] z = draws.gaussian(n, 0.3);
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(z[i]), "n " + n + ", i " + i);
            }
            // the next draw continues the same stream
            assertEquals(reference.nextInt(1000), draws.indices(1, 1000)[0], "n " + n);
        }
    }
}
