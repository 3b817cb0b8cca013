package org.ecglab.data;

/**
 * The one input format of the lab: a 12-lead median beat, leads in {@link Lead} order, 500 Hz, 600 samples
 * (1.2 s), in millivolts, as {@code float[12][600]}. Every loader converts to this.
 */
public final class EcgFormat {
    /** Number of leads. */
    public static final int LEADS = 12;
    /** Samples per lead. */
    public static final int SAMPLES = 600;
    /** Sampling rate in Hz. */
    public static final int SAMPLING_RATE_HZ = 500;
    /** Milliseconds between two samples. */
    public static final double MS_PER_SAMPLE = 1000.0 / SAMPLING_RATE_HZ;

    private EcgFormat() {
    }

    /** Time of sample {@code i} in milliseconds from the start of the beat window. */
    public static double sampleToMs(int i) {
        return i * MS_PER_SAMPLE;
    }

    /** Nearest sample index to a time in milliseconds. */
    public static int msToSample(double ms) {
        return (int) Math.round(ms / MS_PER_SAMPLE);
    }

    /**
     * Checks that {@code signal} is {@code [12][600]} and finite.
     *
     * @param source names where the signal came from (file, record id), used in the error message
     * @throws IllegalArgumentException naming the source and what is wrong
     */
    public static void validate(float[][] signal, String source) {
        if (signal == null) {
            throw new IllegalArgumentException(source + ": signal is missing");
        }
        if (signal.length != LEADS) {
            throw new IllegalArgumentException(source + ": expected " + LEADS + " leads, got " + signal.length);
        }
        for (int l = 0; l < LEADS; l++) {
            if (signal[l] == null || signal[l].length != SAMPLES) {
                throw new IllegalArgumentException(source + ": lead " + Lead.values()[l] + " has "
                        + (signal[l] == null ? 0 : signal[l].length) + " samples, expected " + SAMPLES);
            }
            for (int t = 0; t < SAMPLES; t++) {
                if (!Float.isFinite(signal[l][t])) {
                    throw new IllegalArgumentException(source + ": lead " + Lead.values()[l] + " sample " + t
                            + " is " + signal[l][t] + " (NaN or infinite)");
                }
            }
        }
    }
}
