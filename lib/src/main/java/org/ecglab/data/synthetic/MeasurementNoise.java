package org.ecglab.data.synthetic;

import java.util.SplittableRandom;
import org.ecglab.data.EcgFormat;

/**
 * Recording noise of the eight independent leads (I, II, V1–V6); the derived limb leads inherit it through
 * {@link DowerProjection#deriveLimbLeads}, as they do in a real recorder.
 *
 * Levels vary between recordings: each patient's wander amplitude and muscle-noise standard deviation are the
 * configured typical values times factors drawn log-uniformly in [1/2, 2], so most beats are about as noisy as
 * typical and a few are four times noisier than the cleanest.
 * <ul>
 * <li>Baseline wander (respiration, electrode drift): per lead {@code A (u1 sin(2π f1 t + φ1) + u2 sin(2π f2 t + φ2))}
 *     with f1 in 0.1–0.3 Hz, f2 in 0.3–0.7 Hz, u in 0.5–1, random phases.</li>
 * <li>Muscle noise: white Gaussian noise smoothed by the kernel (1/4, 1/2, 1/4), which removes the top of the
 *     band as the recorder's anti-aliasing would, rescaled to the configured standard deviation.</li>
 * </ul>
 * The number of random draws does not depend on the amplitudes, so a patient's noise shape is the same at every
 * noise level and zero amplitudes give exactly zero noise.
 */
final class MeasurementNoise {
    /** Standard deviation of (1/4, 1/2, 1/4)-smoothed unit white noise: sqrt(1/16 + 1/4 + 1/16). */
    private static final double SMOOTHED_SD = Math.sqrt(0.375);

    private MeasurementNoise() {
    }

    /** Noise for the independent leads, {@code [8][600]} in mV, in {@link DowerProjection#INDEPENDENT} order. */
    static double[][] sample(SyntheticConfig config, SplittableRandom rng) {
        int n = EcgFormat.SAMPLES;
        double[][] noise = new double[DowerProjection.INDEPENDENT.length][n];
        double wanderMv = config.baselineWanderMv() * Math.pow(2, PatientSampler.uniform(rng, -1, 1));
        double muscleMv = config.muscleNoiseMv() * Math.pow(2, PatientSampler.uniform(rng, -1, 1));
        for (double[] lead : noise) {
            double f1 = PatientSampler.uniform(rng, 0.1, 0.3);
            double f2 = PatientSampler.uniform(rng, 0.3, 0.7);
            double u1 = PatientSampler.uniform(rng, 0.5, 1);
            double u2 = PatientSampler.uniform(rng, 0.5, 1);
            double p1 = PatientSampler.uniform(rng, 0, 2 * Math.PI);
            double p2 = PatientSampler.uniform(rng, 0, 2 * Math.PI);
            double[] white = new double[n + 2];
            for (int i = 0; i < white.length; i++) {
                white[i] = gaussian(rng);
            }
            for (int t = 0; t < n; t++) {
                double sec = t / (double) EcgFormat.SAMPLING_RATE_HZ;
                double wander = u1 * Math.sin(2 * Math.PI * f1 * sec + p1) + u2 * Math.sin(2 * Math.PI * f2 * sec + p2);
                double emg = (0.25 * white[t] + 0.5 * white[t + 1] + 0.25 * white[t + 2]) / SMOOTHED_SD;
                lead[t] = wanderMv * wander + muscleMv * emg;
            }
        }
        return noise;
    }

    /** {@code clean} plus {@code noise} on the independent leads, with the derived leads recomputed. */
    static float[][] addTo(float[][] clean, double[][] noise) {
        float[][] out = new float[clean.length][];
        for (int l = 0; l < clean.length; l++) {
            out[l] = clean[l].clone();
        }
        for (int r = 0; r < DowerProjection.INDEPENDENT.length; r++) {
            float[] lead = out[DowerProjection.INDEPENDENT[r].index()];
            for (int t = 0; t < lead.length; t++) {
                lead[t] = (float) (lead[t] + noise[r][t]);
            }
        }
        DowerProjection.deriveLimbLeads(out);
        return out;
    }

    /** Standard normal by Box–Muller; SplittableRandom has no nextGaussian in Java 17. */
    private static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
