package org.ecglab.plot;

import java.util.SplittableRandom;
import org.ecglab.data.EcgFormat;

/** Synthetic test data: a plausible P-QRS-T median beat as sums of Gaussians, with a made-up attribution map. */
final class TestBeats {
    /** Per lead: P, Q, R, S, T amplitudes in mV (roughly a normal axis, R progression across V1–V6). */
    private static final double[][] WAVES = {
        {0.10, -0.05, 0.80, -0.15, 0.25}, // I
        {0.15, -0.08, 1.20, -0.20, 0.35}, // II
        {0.05, -0.04, 0.45, -0.10, 0.10}, // III
        {-0.12, 0.05, -0.95, 0.15, -0.30}, // aVR
        {0.03, -0.03, 0.20, -0.05, 0.08}, // aVL
        {0.10, -0.06, 0.80, -0.15, 0.22}, // aVF
        {0.08, 0.00, 0.30, -1.20, 0.10}, // V1
        {0.10, 0.00, 0.60, -1.50, 0.45}, // V2
        {0.10, -0.05, 1.00, -0.80, 0.50}, // V3
        {0.10, -0.08, 1.60, -0.40, 0.45}, // V4
        {0.10, -0.10, 1.40, -0.20, 0.35}, // V5
        {0.10, -0.08, 1.00, -0.10, 0.25}, // V6
    };
    private static final double[] CENTRE_MS = {220, 330, 350, 372, 620};
    private static final double[] WIDTH_MS = {22, 7, 9, 9, 50};

    private TestBeats() {
    }

    static float[][] beat() {
        float[][] x = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                double ms = EcgFormat.sampleToMs(t);
                double v = 0;
                for (int w = 0; w < 5; w++) {
                    v += WAVES[l][w] * gauss(ms, CENTRE_MS[w], WIDTH_MS[w]);
                }
                x[l][t] = (float) v;
            }
        }
        return x;
    }

    /** Positive on the QRS (scaled by the lead's R wave), negative on the T wave in V1–V3, small seeded noise. */
    static float[][] qrsAttribution(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] a = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                double ms = EcgFormat.sampleToMs(t);
                double v = 0.02 * Math.abs(WAVES[l][2]) * gauss(ms, 352, 18);
                if (l >= 6 && l <= 8) {
                    v -= 0.012 * gauss(ms, 620, 45);
                }
                v += 0.0008 * (rng.nextDouble() - 0.5);
                a[l][t] = (float) v;
            }
        }
        return a;
    }

    /** 1 on the QRS (320–390 ms) in V1–V6, else 0. */
    static float[][] qrsMask() {
        float[][] m = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int l = 6; l < 12; l++) {
            for (int t = EcgFormat.msToSample(320); t <= EcgFormat.msToSample(390); t++) {
                m[l][t] = 1f;
            }
        }
        return m;
    }

    private static double gauss(double x, double mu, double sigma) {
        double z = (x - mu) / sigma;
        return Math.exp(-0.5 * z * z);
    }
}
