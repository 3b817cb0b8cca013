package org.ecglab.plot;

import java.util.Locale;

/**
 * Axis ticks at "nice" round numbers: the step is 1, 2, 2.5 or 5 times a power of ten, chosen as the smallest such
 * step giving at most {@code maxTicks} ticks in the range (Heckbert, "Nice numbers for graph labels", Graphics Gems,
 * 1990, simplified).
 */
final class NiceTicks {
    private static final double[] MANTISSAS = {1, 2, 2.5, 5, 10};

    private NiceTicks() {
    }

    /** The nice step for {@code [lo, hi]} with at most {@code maxTicks} ticks. */
    static double step(double lo, double hi, int maxTicks) {
        if (!(hi > lo) || maxTicks < 2) {
            throw new IllegalArgumentException("need lo < hi and maxTicks >= 2, got [" + lo + ", " + hi + "], " + maxTicks);
        }
        double raw = (hi - lo) / (maxTicks - 1);
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : MANTISSAS) {
            double step = m * pow;
            if (count(lo, hi, step) <= maxTicks) {
                return step;
            }
        }
        return 10 * pow;
    }

    /** Multiples of {@code step} inside {@code [lo, hi]} (with a tolerance for rounding), ascending. */
    static double[] ticks(double lo, double hi, double step) {
        int n = count(lo, hi, step);
        double first = Math.ceil(lo / step - 1e-9) * step;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double v = first + i * step;
            t[i] = Math.abs(v) < step * 1e-9 ? 0.0 : v;
        }
        return t;
    }

    /** Ticks of {@link #step(double, double, int)} in {@code [lo, hi]}. */
    static double[] ticks(double lo, double hi, int maxTicks) {
        return ticks(lo, hi, step(lo, hi, maxTicks));
    }

    /** Formats a tick value with as many decimals as the step needs (scientific for very small steps). */
    static String format(double value, double step) {
        if (step < 1e-3) {
            return value == 0 ? "0" : String.format(Locale.ROOT, "%.1e", value);
        }
        int decimals = 0;
        while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static int count(double lo, double hi, double step) {
        return (int) (Math.floor(hi / step + 1e-9) - Math.ceil(lo / step - 1e-9)) + 1;
    }
}
