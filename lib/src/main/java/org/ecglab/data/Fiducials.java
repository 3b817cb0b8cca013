package org.ecglab.data;

import java.util.List;

/**
 * The fiducial points of one median beat as sample indices into its {@link EcgFormat#SAMPLES} samples, each either
 * a valid index or {@link #ABSENT} when the source does not give it: P onset, QRS onset, QRS offset (the J point)
 * and T end. Synthetic beats carry the points they were designed with; real beats carry what their source gives.
 *
 * <p>Intervals follow: PR = QRS onset − P onset, QRS = offset − onset, QT = T end − QRS onset (in samples; times
 * {@link EcgFormat#MS_PER_SAMPLE} for ms).
 *
 * @param pOnset    P-wave onset, or {@link #ABSENT}
 * @param qrsOnset  QRS onset, or {@link #ABSENT}
 * @param qrsOffset QRS offset (J point), or {@link #ABSENT}
 * @param tEnd      T-wave end, or {@link #ABSENT}
 */
public record Fiducials(int pOnset, int qrsOnset, int qrsOffset, int tEnd) {
    /** Marks a point the source does not give. */
    public static final int ABSENT = -1;
    /** A beat without any known point. */
    public static final Fiducials NONE = new Fiducials(ABSENT, ABSENT, ABSENT, ABSENT);
    /** Names of the points in component order, as used in files ({@code p_onset, qrs_onset, qrs_offset, t_end}). */
    public static final List<String> NAMES = List.of("p_onset", "qrs_onset", "qrs_offset", "t_end");

    /**
     * @throws IllegalArgumentException if a point is neither {@link #ABSENT} nor a sample index, or the points that
     *                                  are present are not in the order P onset &lt; QRS onset &lt; QRS offset &lt;
     *                                  T end
     */
    public Fiducials {
        int[] points = {pOnset, qrsOnset, qrsOffset, tEnd};
        int previous = -1;
        for (int k = 0; k < points.length; k++) {
            int p = points[k];
            if (p == ABSENT) {
                continue;
            }
            if (p < 0 || p >= EcgFormat.SAMPLES) {
                throw new IllegalArgumentException(NAMES.get(k) + " " + p + " is neither a sample index 0.."
                        + (EcgFormat.SAMPLES - 1) + " nor ABSENT (" + ABSENT + ")");
            }
            if (p <= previous) {
                throw new IllegalArgumentException("fiducial points out of order: " + NAMES.get(k) + " " + p
                        + " is not after the point before it (" + previous + ") in " + this);
            }
            previous = p;
        }
    }

    /** The points from times in ms (rounded to the nearest sample); NaN means absent. */
    public static Fiducials ofMs(double pOnsetMs, double qrsOnsetMs, double qrsOffsetMs, double tEndMs) {
        return new Fiducials(sample(pOnsetMs), sample(qrsOnsetMs), sample(qrsOffsetMs), sample(tEndMs));
    }

    /** The points as an array in component order. */
    public int[] toArray() {
        return new int[] {pOnset, qrsOnset, qrsOffset, tEnd};
    }

    /** The points from an array in component order. */
    public static Fiducials of(int[] points) {
        if (points.length != NAMES.size()) {
            throw new IllegalArgumentException("expected " + NAMES.size() + " fiducial points " + NAMES + ", got "
                    + points.length);
        }
        return new Fiducials(points[0], points[1], points[2], points[3]);
    }

    /** Whether a point is given. */
    public static boolean present(int point) {
        return point != ABSENT;
    }

    /** PR interval in ms, or NaN if P onset or QRS onset is absent. */
    public double prMs() {
        return intervalMs(pOnset, qrsOnset);
    }

    /** QRS duration in ms, or NaN if an end is absent. */
    public double qrsMs() {
        return intervalMs(qrsOnset, qrsOffset);
    }

    /** QT interval in ms, or NaN if QRS onset or T end is absent. */
    public double qtMs() {
        return intervalMs(qrsOnset, tEnd);
    }

    private static double intervalMs(int from, int to) {
        return present(from) && present(to) ? (to - from) * EcgFormat.MS_PER_SAMPLE : Double.NaN;
    }

    private static int sample(double ms) {
        return Double.isNaN(ms) ? ABSENT : EcgFormat.msToSample(ms);
    }
}
