package org.ecglab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;
import org.ecglab.data.Split;

/**
 * An easy task for tests: every record is a QRS-like spike in all leads plus Gaussian noise; records of the
 * positive class ({@link #TASK}) also carry a broad bump in lead V2 after the spike (an "ST elevation"). Records
 * are labelled NORM otherwise. Splits cycle train, train, train, validation, test.
 */
public final class ToyEcgData {
    /** The positive class. */
    public static final DiagnosticClass TASK = DiagnosticClass.ASTE;

    private ToyEcgData() {
    }

    /**
     * @param n          number of records
     * @param prevalence fraction of positives
     * @param bumpMv     height of the V2 bump in mV (0.5 = easy, 0 = unlearnable)
     * @param noiseMv    standard deviation of the white noise in mV
     */
    public static EcgDataset make(int n, double prevalence, double bumpMv, double noiseMv, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> ids = new ArrayList<>();
        float[][][] signals = new float[n][EcgFormat.LEADS][EcgFormat.SAMPLES];
        boolean[][] labels = new boolean[n][DiagnosticClass.ALL.size()];
        Split[] splits = new Split[n];
        Split[] cycle = {Split.TRAIN, Split.TRAIN, Split.TRAIN, Split.VALIDATION, Split.TEST};
        for (int i = 0; i < n; i++) {
            ids.add("toy" + i);
            // Whole cycles of five are positive, so every split gets its share of positives.
            boolean positive = (i / cycle.length) % Math.round(1 / prevalence) == 0;
            labels[i][(positive ? TASK : DiagnosticClass.NORM).ordinal()] = true;
            splits[i] = cycle[i % cycle.length];
            double amplitude = 0.8 + 0.4 * rnd.nextDouble();
            int shift = rnd.nextInt(-20, 21);
            for (int l = 0; l < EcgFormat.LEADS; l++) {
                for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                    double spike = amplitude * Math.exp(-sq((t - 250 - shift) / 8.0));
                    double bump = positive && l == Lead.V2.index() ? bumpMv * Math.exp(-sq((t - 330 - shift) / 30.0)) : 0;
                    signals[i][l][t] = (float) (spike + bump + noiseMv * gaussian(rnd));
                }
            }
        }
        return new EcgDataset("toy n=" + n + " seed=" + seed, ids, signals, labels, splits, null);
    }

    private static double sq(double x) {
        return x * x;
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box–Muller; SplittableRandom has no nextGaussian in Java 17.
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
