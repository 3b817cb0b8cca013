package org.ecglab.data.synthetic;

import java.util.Objects;

/**
 * One Gaussian term of the cardiac dipole: {@code d(t) = a · exp(−(t − c)² / (2 w²))}, with amplitude vector
 * {@code a = (ax, ay, az)} in the vectorcardiographic frame (X to the patient's left, Y to the feet, Z to the
 * back; the frame of the Dower matrix), centre {@code c} and width (standard deviation) {@code w} in ms from the
 * start of the beat window. The dynamical model of McSharry et al. (IEEE TBME 50:289, 2003) writes each ECG wave
 * as such a Gaussian over the cardiac phase; Sameni et al. (EURASIP J. Adv. Signal Process. 2007:43407) extended
 * it to a three-dimensional dipole, giving every Gaussian its own direction. In a single median beat the phase is
 * proportional to time, so the Gaussians are written over time directly.
 *
 * @param label    the wave's name (e.g. "R", "T_DOWN"), used by pathology modifiers to find it
 * @param ax       amplitude along X (left), in mV-equivalent dipole units
 * @param ay       amplitude along Y (feet)
 * @param az       amplitude along Z (back)
 * @param centreMs centre time in ms
 * @param widthMs  standard deviation in ms, > 0
 */
public record GaussianWave(String label, double ax, double ay, double az, double centreMs, double widthMs) {

    /** Beyond this many widths the Gaussian is below 1.5e-8 of its peak and is not evaluated. */
    private static final double CUTOFF_WIDTHS = 6.0;

    /** @throws IllegalArgumentException if a value is not finite or the width is not positive */
    public GaussianWave {
        Objects.requireNonNull(label, "label");
        if (!(widthMs > 0) || !Double.isFinite(widthMs)) {
            throw new IllegalArgumentException("wave " + label + ": width must be positive and finite, got " + widthMs);
        }
        if (!Double.isFinite(ax) || !Double.isFinite(ay) || !Double.isFinite(az) || !Double.isFinite(centreMs)) {
            throw new IllegalArgumentException("wave " + label + ": amplitudes and centre must be finite");
        }
    }

    /** The unit-peak shape {@code exp(−(t − c)² / (2 w²))} at time {@code tMs}. */
    public double shape(double tMs) {
        double z = (tMs - centreMs) / widthMs;
        return Math.exp(-0.5 * z * z);
    }

    /**
     * Adds this wave to a dipole trace {@code xyz[3][n]} sampled every {@code msPerSample} ms from t = 0.
     * Only samples within ±6 widths of the centre are touched, which keeps rendering fast.
     */
    public void addTo(double[][] xyz, double msPerSample) {
        int n = xyz[0].length;
        int from = Math.max(0, (int) Math.floor((centreMs - CUTOFF_WIDTHS * widthMs) / msPerSample));
        int to = Math.min(n - 1, (int) Math.ceil((centreMs + CUTOFF_WIDTHS * widthMs) / msPerSample));
        for (int i = from; i <= to; i++) {
            double g = shape(i * msPerSample);
            xyz[0][i] += ax * g;
            xyz[1][i] += ay * g;
            xyz[2][i] += az * g;
        }
    }

    /** Euclidean length of the amplitude vector. */
    public double magnitude() {
        return Math.sqrt(ax * ax + ay * ay + az * az);
    }

    /** The same wave moved by {@code deltaMs} (positive = later). */
    public GaussianWave shifted(double deltaMs) {
        return new GaussianWave(label, ax, ay, az, centreMs + deltaMs, widthMs);
    }

    /** The same wave with its amplitude vector multiplied by {@code factor}. */
    public GaussianWave scaled(double factor) {
        return new GaussianWave(label, ax * factor, ay * factor, az * factor, centreMs, widthMs);
    }

    /** The same timing with a new amplitude vector. */
    public GaussianWave withAmplitude(double x, double y, double z) {
        return new GaussianWave(label, x, y, z, centreMs, widthMs);
    }

    /** The same amplitude with a new centre and width. */
    public GaussianWave withTiming(double centre, double width) {
        return new GaussianWave(label, ax, ay, az, centre, width);
    }

    /**
     * The wave with its amplitude vector rotated, first by {@code frontalDeg} about Z (positive turns X towards Y,
     * i.e. the frontal-plane axis clockwise towards the feet, as the hexaxial axis is measured) and then by
     * {@code horizontalDeg} about Y (positive turns X towards Z, i.e. the left-pointing part towards the back).
     */
    public GaussianWave rotated(double frontalDeg, double horizontalDeg) {
        double f = Math.toRadians(frontalDeg);
        double x1 = ax * Math.cos(f) - ay * Math.sin(f);
        double y1 = ax * Math.sin(f) + ay * Math.cos(f);
        double h = Math.toRadians(horizontalDeg);
        double x2 = x1 * Math.cos(h) - az * Math.sin(h);
        double z2 = x1 * Math.sin(h) + az * Math.cos(h);
        return new GaussianWave(label, x2, y1, z2, centreMs, widthMs);
    }
}
