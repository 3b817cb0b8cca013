package org.ecglab.data;

import java.util.Locale;

/**
 * What a median beat carries besides its signal: four fiducial points as sample indices into the beat's
 * {@link EcgFormat#SAMPLES} samples at {@link EcgFormat#SAMPLING_RATE_HZ} Hz, and the RR interval of the recording
 * the beat summarises. A point the source does not give, or that could not be placed in the beat, is marked
 * {@link #ABSENT} explicitly (never guessed); an unknown RR is {@code NaN}.
 *
 * <p>The same type serves designed fiducials of synthetic beats and measured ones of real beats (PTB-XL+ ECGdeli
 * points aligned to the median beat). Wave segments follow from the points: P wave and PR segment
 * {@code [pOnset, qrsOnset)}, QRS {@code [qrsOnset, qrsOffset]}, ST segment and T wave {@code (qrsOffset, tEnd]}.
 *
 * @param pOnset    P-wave onset, or {@link #ABSENT}
 * @param qrsOnset  QRS onset, or {@link #ABSENT}
 * @param qrsOffset QRS offset (J point), or {@link #ABSENT}
 * @param tEnd      T-wave end, or {@link #ABSENT}
 * @param rrMs      RR interval in ms, or {@code NaN} when unknown
 */
public record BeatFiducials(int pOnset, int qrsOnset, int qrsOffset, int tEnd, double rrMs) {
    /** Marks a point the source does not give. */
    public static final int ABSENT = -1;

    /** No point and no RR known. */
    public static final BeatFiducials NONE = new BeatFiducials(ABSENT, ABSENT, ABSENT, ABSENT, Double.NaN);

    /**
     * @throws IllegalArgumentException if a point is neither {@link #ABSENT} nor a sample index of the beat, if the
     *                                  present points are not in the order P onset &lt; QRS onset &lt; QRS offset
     *                                  &lt; T end, or if RR is not positive (NaN is allowed)
     */
    public BeatFiducials {
        int[] points = {pOnset, qrsOnset, qrsOffset, tEnd};
        String[] names = {"P onset", "QRS onset", "QRS offset", "T end"};
        int previous = -1;
        String previousName = null;
        for (int i = 0; i < points.length; i++) {
            int p = points[i];
            if (p == ABSENT) {
                continue;
            }
            if (p < 0 || p >= EcgFormat.SAMPLES) {
                throw new IllegalArgumentException(names[i] + " = " + p + " is neither ABSENT (-1) nor a sample index in "
                        + "[0, " + EcgFormat.SAMPLES + ")");
            }
            if (previousName != null && p <= previous) {
                throw new IllegalArgumentException(names[i] + " (" + p + ") must come after " + previousName + " ("
                        + previous + ")");
            }
            previous = p;
            previousName = names[i];
        }
        if (!Double.isNaN(rrMs) && !(rrMs > 0 && Double.isFinite(rrMs))) {
            throw new IllegalArgumentException("RR must be positive or NaN, got " + rrMs);
        }
    }

    /** Whether a point value is present (not {@link #ABSENT}). */
    public static boolean present(int point) {
        return point != ABSENT;
    }

    /** Whether all four points are present. */
    public boolean complete() {
        return present(pOnset) && present(qrsOnset) && present(qrsOffset) && present(tEnd);
    }

    /** PR interval (P onset to QRS onset) in ms, or NaN if either point is absent. */
    public double prMs() {
        return intervalMs(pOnset, qrsOnset);
    }

    /** QRS duration in ms, or NaN if either point is absent. */
    public double qrsMs() {
        return intervalMs(qrsOnset, qrsOffset);
    }

    /** QT interval (QRS onset to T end) in ms, or NaN if either point is absent. */
    public double qtMs() {
        return intervalMs(qrsOnset, tEnd);
    }

    private static double intervalMs(int from, int to) {
        return present(from) && present(to) ? (to - from) * EcgFormat.MS_PER_SAMPLE : Double.NaN;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BeatFiducials[P onset %s, QRS %s-%s, T end %s, RR %s]", ms(pOnset),
                ms(qrsOnset), ms(qrsOffset), ms(tEnd), Double.isNaN(rrMs) ? "absent"
                        : String.format(Locale.ROOT, "%.0f ms", rrMs));
    }

    private static String ms(int point) {
        return present(point) ? String.format(Locale.ROOT, "%.0f ms", point * EcgFormat.MS_PER_SAMPLE) : "absent";
    }
}
