package org.ecglab.metrics;

import java.util.Locale;
import java.util.SplittableRandom;
import org.ecglab.data.EcgFormat;

/**
 * What a removed input point is replaced with in a perturbation test. The choice matters (Hooker et al. 2019;
 * Tomsett et al. 2020): a replacement that the model never saw in training can move the logit by itself, whatever
 * was removed, so the study's question (does removing the most relevant points hurt most?) is best asked with more
 * than one.
 */
public enum Replacement {
    /** 0 mV, the isoelectric line of a baseline-corrected ECG. */
    ZERO("zero"),
    /** The mean of the lead over the whole beat. */
    LEAD_MEAN("lead_mean"),
    /**
     * Straight lines across each removed run of a lead, from the last kept sample before it to the first after it
     * (a run at the start or end of the lead is held at its one kept neighbour; a lead removed entirely becomes its
     * mean): the least visible replacement for an ECG, which is smooth at 500 Hz.
     */
    LINEAR_INTERPOLATION("linear_interpolation"),
    /**
     * Gaussian noise around the lead's mean with the lead's own standard deviation: keeps the first two moments of
     * the lead and destroys its shape. Seeded per ECG.
     */
    NOISE("noise");

    private final String label;

    Replacement(String label) {
        this.label = label;
    }

    /** Lower-case name used in tables and on the command line. */
    public String label() {
        return label;
    }

    /**
     * @throws IllegalArgumentException for an unknown label (the message lists the known ones)
     */
    public static Replacement parse(String label) {
        for (Replacement r : values()) {
            if (r.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown replacement '" + label + "'; allowed: zero, lead_mean, "
                + "linear_interpolation, noise");
    }

    /**
     * A copy of {@code signal} with the points where {@code removed} is true replaced.
     *
     * @param signal  {@code [12][600]}
     * @param removed {@code [12][600]}
     * @param random  draws of {@link #NOISE} (unused by the others)
     */
    public float[][] apply(float[][] signal, boolean[][] removed, SplittableRandom random) {
        float[][] out = new float[EcgFormat.LEADS][];
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            float[] x = signal[l];
            float[] y = x.clone();
            double mean = 0;
            for (float v : x) {
                mean += v;
            }
            mean /= x.length;
            switch (this) {
                case ZERO -> fill(y, removed[l], 0);
                case LEAD_MEAN -> fill(y, removed[l], mean);
                case LINEAR_INTERPOLATION -> interpolate(y, removed[l], mean);
                case NOISE -> {
                    double var = 0;
                    for (float v : x) {
                        var += (v - mean) * (v - mean);
                    }
                    double sd = Math.sqrt(var / x.length);
                    for (int t = 0; t < y.length; t++) {
                        if (removed[l][t]) {
                            y[t] = (float) (mean + sd * gaussian(random));
                        }
                    }
                }
                default -> throw new AssertionError(this);
            }
            out[l] = y;
        }
        return out;
    }

    private static void fill(float[] y, boolean[] removed, double value) {
        for (int t = 0; t < y.length; t++) {
            if (removed[t]) {
                y[t] = (float) value;
            }
        }
    }

    private static void interpolate(float[] y, boolean[] removed, double mean) {
        int n = y.length;
        for (int t = 0; t < n; ) {
            if (!removed[t]) {
                t++;
                continue;
            }
            int end = t;
            while (end < n && removed[end]) {
                end++;
            }
            // Run [t, end): neighbours t - 1 and end, where they exist.
            boolean hasLeft = t > 0;
            boolean hasRight = end < n;
            for (int i = t; i < end; i++) {
                if (hasLeft && hasRight) {
                    double w = (i - (t - 1)) / (double) (end - (t - 1));
                    y[i] = (float) ((1 - w) * y[t - 1] + w * y[end]);
                } else if (hasLeft) {
                    y[i] = y[t - 1];
                } else if (hasRight) {
                    y[i] = y[end];
                } else {
                    y[i] = (float) mean;
                }
            }
            t = end;
        }
    }

    /** Standard normal by Box–Muller from two uniforms, so one seeded SplittableRandom gives the same draws anywhere. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
