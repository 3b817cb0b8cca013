package org.ecglab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * The generic resampler against a statistic whose sampling distribution is known: the mean of n normal values.
 * Its percentile interval is about {@code x̄ ± z σ̂ / √n} with the plug-in {@code σ̂² = Σ(x − x̄)² / n}, so over many
 * samples it covers the true mean with probability {@code P(|T_(n−1)| ≤ z √((n−1)/n))} (slightly below the nominal
 * level); a simulation of 2000 samples must land there, which pins the level: a 90% or 99% interval in place of a
 * 95% one, or a 70% or 90% one in place of an 80% one, would fail.
 */
class PercentileBootstrapTest {
    private static final int N = 40;
    private static final int SAMPLES = 2000;

    /** Share of {@value #SAMPLES} N(0, 1) samples of size {@value #N} whose interval of the mean contains 0. */
    static double coverage(double level, MeanInterval interval) {
        SplittableRandom draw = new SplittableRandom(2024);
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        int covered = 0;
        for (int k = 0; k < SAMPLES; k++) {
            double[] x = new double[N];
            for (int i = 0; i < N; i++) {
                x[i] = normal.inverseCumulativeProbability(draw.nextDouble());
            }
            double[] bounds = interval.of(x, level, k);
            covered += bounds[0] <= 0 && 0 <= bounds[1] ? 1 : 0;
        }
        return covered / (double) SAMPLES;
    }

    /** A percentile-bootstrap interval of the mean: {lower, upper}. */
    interface MeanInterval {
        double[] of(double[] x, double level, long seed);
    }

    /** The coverage the percentile interval of a normal mean has in theory (see the class comment). */
    static double expectedCoverage(double level) {
        double z = new NormalDistribution().inverseCumulativeProbability((1 + level) / 2);
        return 2 * new TDistribution(N - 1).cumulativeProbability(z * Math.sqrt((N - 1.0) / N)) - 1;
    }

    private static double[] viaResampler(double[] x, double level, long seed) {
        PercentileBootstrap.Estimate e = new PercentileBootstrap(1000, level, seed).estimate(x.length, sample -> {
            double s = 0;
            for (int i : sample) {
                s += x[i];
            }
            return s / sample.length;
        });
        return new double[] {e.lower(), e.upper()};
    }

    @Test
    void coverageOfTheMeanIsTheTheoreticalOneAtTwoLevels() {
        for (double level : new double[] {0.80, 0.95}) {
            double expected = expectedCoverage(level);
            double measured = coverage(level, PercentileBootstrapTest::viaResampler);
            // Binomial sd of the simulation: 0.009 at 80%, 0.005 at 95%; the bootstrap's own noise adds a little.
            double tolerance = 3 * Math.sqrt(expected * (1 - expected) / SAMPLES) + 0.005;
            System.out.printf("level %.2f: coverage %.4f, theory %.4f, tolerance %.4f%n", level, measured, expected,
                    tolerance);
            assertEquals(expected, measured, tolerance, "coverage at level " + level);
        }
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
