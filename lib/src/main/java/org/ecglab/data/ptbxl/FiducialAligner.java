package org.ecglab.data.ptbxl;

import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.ecglab.data.BeatFiducials;
import org.ecglab.data.EcgFormat;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Places fiducial points measured in a raw recording (ECGdeli's, in samples of the 500 Hz record) into a median
 * beat of the same recording. A median beat has no common time axis with its recording, so the two are aligned by
 * their QRS complexes:
 * <ol>
 * <li>the recording's own average beat is formed around each QRS onset {@code q[k]} over the window
 * {@code [q[k] - 100 ms, q[k] + 200 ms)} (QRS and early ST, which dominate the median beat's shape);</li>
 * <li>the median beat's QRS onset is the position {@code s} that maximises the Pearson correlation between the
 * median beat's samples {@code [s - 100 ms, s + 200 ms)} and that average, over all twelve leads together (each lead
 * centred on its own mean, so baseline offsets do not matter);</li>
 * <li>the other points follow from the median over beats of their distance to the beat's QRS onset, e.g. P onset =
 * {@code s - median(q[k] - pOnset[k])}; RR is the median distance between consecutive QRS onsets.</li>
 * </ol>
 * An alignment whose correlation is below {@value #MIN_CORRELATION} is refused (all points absent), as is a point that
 * falls outside the beat or that fewer than half the beats give.
 */
public final class FiducialAligner {
    /** Smallest correlation accepted between the median beat and the recording's average beat. */
    public static final double MIN_CORRELATION = 0.9;
    private static final int BEFORE = 50;  // samples before QRS onset compared (100 ms at 500 Hz)
    private static final int AFTER = 100;  // samples from QRS onset on compared (200 ms)

    /**
     * The outcome for one ECG.
     *
     * @param fiducials   the points in the median beat ({@link BeatFiducials#NONE} when refused)
     * @param correlation the best correlation found (NaN when no beat of the recording could be used)
     * @param beatsUsed   beats of the recording in the average
     * @param refusal     why no points were placed (a short phrase without numbers, to count by), or empty
     */
    public record Alignment(BeatFiducials fiducials, double correlation, int beatsUsed, String refusal) {
        /** Whether the points were placed. */
        public boolean aligned() {
            return refusal.isEmpty();
        }
    }

    private FiducialAligner() {
    }

    /**
     * @param median    the median beat, {@code [12][600]} at 500 Hz
     * @param recording the raw recording in the same lead order, {@code [12][n]} at 500 Hz
     * @param beats     the recording's beats ({@link EcgdeliPoints#read})
     */
    public static Alignment align(float[][] median, double[][] recording, List<EcgdeliPoints.RecordBeat> beats) {
        int n = recording[0].length;
        int window = BEFORE + AFTER;
        double[][] average = new double[median.length][window];
        int used = 0;
        for (EcgdeliPoints.RecordBeat b : beats) {
            long start = b.qrsOnset() - BEFORE;
            if (start < 0 || start + window > n) {
                continue;
            }
            used++;
            for (int l = 0; l < median.length; l++) {
                for (int u = 0; u < window; u++) {
                    average[l][u] += recording[l][(int) start + u];
                }
            }
        }
        if (used == 0) {
            return new Alignment(BeatFiducials.NONE, Double.NaN, 0, "no beat of the recording has 100 ms before and "
                    + "200 ms after its QRS onset");
        }
        double[] centred = centredByLead(average, 0);
        int best = -1;
        double bestR = Double.NEGATIVE_INFINITY;
        for (int s = BEFORE; s + AFTER <= EcgFormat.SAMPLES; s++) {
            double r = correlation(centredByLead(median, s - BEFORE), centred);
            if (r > bestR) {
                bestR = r;
                best = s;
            }
        }
        if (!(bestR >= MIN_CORRELATION)) {
            return new Alignment(BeatFiducials.NONE, bestR, used, String.format(Locale.ROOT,
                    "QRS correlation with the recording below %.2f", MIN_CORRELATION));
        }
        int half = (beats.size() + 1) / 2;
        int pOnset = place(best, beats, b -> b.pOnset() == EcgdeliPoints.ABSENT ? Long.MIN_VALUE
                : b.pOnset() - b.qrsOnset(), half);
        int qrsOffset = place(best, beats, b -> b.qrsOffset() == EcgdeliPoints.ABSENT ? Long.MIN_VALUE
                : b.qrsOffset() - b.qrsOnset(), half);
        int tEnd = place(best, beats, b -> b.tEnd() == EcgdeliPoints.ABSENT ? Long.MIN_VALUE
                : b.tEnd() - b.qrsOnset(), half);
        double rr = Double.NaN;
        if (beats.size() >= 2) {
            double[] d = new double[beats.size() - 1];
            for (int k = 1; k < beats.size(); k++) {
                d[k - 1] = (beats.get(k).qrsOnset() - beats.get(k - 1).qrsOnset()) * 1000.0
                        / EcgdeliPoints.RECORD_RATE_HZ;
            }
            rr = median(d);
        }
        if (!ordered(pOnset, best, qrsOffset, tEnd)) {
            return new Alignment(BeatFiducials.NONE, bestR, used, "median points out of order");
        }
        return new Alignment(new BeatFiducials(pOnset, best, qrsOffset, tEnd, rr), bestR, used, "");
    }

    /** {@code onset + median offset} if at least {@code min} beats give the point and it falls inside the beat. */
    private static int place(int onset, List<EcgdeliPoints.RecordBeat> beats,
            ToLongFunction<EcgdeliPoints.RecordBeat> offset, int min) {
        double[] d = beats.stream().mapToLong(offset).filter(v -> v != Long.MIN_VALUE).asDoubleStream().toArray();
        if (d.length < min || d.length == 0) {
            return BeatFiducials.ABSENT;
        }
        long at = onset + Math.round(median(d) * EcgFormat.SAMPLING_RATE_HZ / EcgdeliPoints.RECORD_RATE_HZ);
        return at >= 0 && at < EcgFormat.SAMPLES ? (int) at : BeatFiducials.ABSENT;
    }

    private static double median(double[] x) {
        return new Median().evaluate(x);
    }

    /** Whether the present points increase strictly (absent ones are skipped). */
    private static boolean ordered(int... points) {
        int previous = -1;
        for (int p : points) {
            if (BeatFiducials.present(p)) {
                if (p <= previous) {
                    return false;
                }
                previous = p;
            }
        }
        return true;
    }

    /** The window {@code [from, from + BEFORE + AFTER)} of every lead, each lead minus its mean, concatenated. */
    private static double[] centredByLead(float[][] x, int from) {
        double[][] d = new double[x.length][];
        for (int l = 0; l < x.length; l++) {
            d[l] = new double[BEFORE + AFTER];
            for (int u = 0; u < d[l].length; u++) {
                d[l][u] = x[l][from + u];
            }
        }
        return centredByLead(d, 0);
    }

    private static double[] centredByLead(double[][] x, int from) {
        int w = BEFORE + AFTER;
        double[] out = new double[x.length * w];
        for (int l = 0; l < x.length; l++) {
            double mean = 0;
            for (int u = 0; u < w; u++) {
                mean += x[l][from + u];
            }
            mean /= w;
            for (int u = 0; u < w; u++) {
                out[l * w + u] = x[l][from + u] - mean;
            }
        }
        return out;
    }

    /** Pearson correlation (NaN if either vector is constant). */
    private static double correlation(double[] a, double[] b) {
        return new PearsonsCorrelation().correlation(a, b);
    }
}
