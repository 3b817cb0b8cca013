package org.ecglab.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A slow wavefront as a chain of equal-width Gaussian waves: activation that spreads through the myocardium instead
 * of the conduction system (bundle branch block), or an injury current that lasts through the plateau of the action
 * potential (ST elevation). Neighbouring centres are at most {@code maxSpacing} widths apart, so the chain sums to
 * one continuous deflection: two equal Gaussians {@code s} widths apart have no dip between them for {@code s ≤ 2}
 * and a dip of a few percent up to {@code s ≈ 2.4}. The chain's slopes at either end are those of one wave, so its
 * onset and offset are as sharp as a normal wave's however long the chain.
 */
final class WaveChain {
    private WaveChain() {
    }

    /**
     * Waves labelled {@code label + "_" + i} from {@code firstCentre} to {@code lastCentre} (ms), the fewest that keep
     * neighbours at most {@code maxSpacing} widths apart, evenly spaced.
     *
     * @param amplitude the amplitude vector (X, Y, Z) of the wave at relative position {@code u} in [0, 1] along the
     *                  chain (0 = first, 1 = last)
     * @throws IllegalArgumentException if the last centre is before the first or a width or spacing is not positive
     */
    static List<GaussianWave> between(String label, double firstCentre, double lastCentre, double width,
            double maxSpacing, DoubleFunction<double[]> amplitude) {
        if (!(lastCentre >= firstCentre) || !(width > 0) || !(maxSpacing > 0)) {
            throw new IllegalArgumentException(label + ": chain from " + firstCentre + " to " + lastCentre
                    + " ms with width " + width + " and spacing " + maxSpacing);
        }
        int n = 1 + (int) Math.ceil((lastCentre - firstCentre) / (maxSpacing * width) - 1e-9);
        List<GaussianWave> waves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double u = n == 1 ? 1 : i / (double) (n - 1);
            double[] a = amplitude.apply(u);
            waves.add(new GaussianWave(label + "_" + i, a[0], a[1], a[2], firstCentre + u * (lastCentre - firstCentre),
                    width));
        }
        return waves;
    }

    /**
     * Amplitude of each wave of a chain spaced {@code spacing} widths apart whose sum has a flat top of 1: a long chain
     * approximates the integral of one Gaussian per spacing, {@code sqrt(2π) / spacing}. Shorter chains, whose
     * waves lie closer, come out a little taller, as a shorter wavefront of the same tissue does.
     */
    static double waveAmplitude(double spacing) {
        return spacing / Math.sqrt(2 * Math.PI);
    }

    /** Linear interpolation between two vectors, {@code (1 − u) a + u b}. */
    static double[] lerp(double[] a, double[] b, double u) {
        return new double[] {a[0] + u * (b[0] - a[0]), a[1] + u * (b[1] - a[1]), a[2] + u * (b[2] - a[2])};
    }
}
