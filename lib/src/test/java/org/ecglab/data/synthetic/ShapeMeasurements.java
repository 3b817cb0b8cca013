package org.ecglab.data.synthetic;

import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;

/**
 * Wave shapes an ECG reader judges by eye, measured on a beat already read by {@link BeatMeasurements} (values
 * relative to each lead's PR-segment baseline):
 * <ul>
 * <li>{@link #isoelectricStretchMs}: the longest pause inside the QRS, where all 12 leads lie near baseline at once
 *     (a QRS that stops and restarts, which no real conduction delay does);</li>
 * <li>{@link #dipRatio}: how deep the notch between two peaks of one deflection is, as the value at the notch over
 *     the smaller peak (1 = no notch, 0 = the deflection returns to baseline between them);</li>
 * <li>{@link #humps}: how many separate maxima a segment has, counting only those that stand out by a given
 *     prominence (the drop to the deepest point before a higher maximum, on the lower of the two sides).</li>
 * </ul>
 */
final class ShapeMeasurements {
    /** The ST-T complex is searched this far after the J point, ms. */
    static final double ST_T_SEARCH_MS = 450;
    private ShapeMeasurements() {
    }

    /**
     * Longest run of samples strictly inside the QRS (after the first and before the last sample where some lead
     * leaves ±{@code toleranceMv}) during which every lead lies within ±{@code toleranceMv} of its baseline, in ms.
     */
    static double isoelectricStretchMs(BeatMeasurements m, double toleranceMv) {
        int first = -1;
        int last = -1;
        boolean[] quiet = new boolean[EcgFormat.SAMPLES];
        for (int t = m.qrsOnset; t <= m.qrsOffset; t++) {
            boolean q = true;
            for (Lead l : Lead.values()) {
                q &= Math.abs(m.v(l, t)) <= toleranceMv;
            }
            quiet[t] = q;
            if (!q) {
                first = first < 0 ? t : first;
                last = t;
            }
        }
        int best = 0;
        int run = 0;
        for (int t = Math.max(first, 0); t <= last; t++) {
            run = quiet[t] ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best * EcgFormat.MS_PER_SAMPLE;
    }

    /**
     * The notch of the deflection of sign {@code sign} (+1: the R wave, −1: the S or QS wave) that contains the
     * extreme of {@code lead} in samples {@code [from, to]}: over every pair of local peaks of that deflection at
     * least {@code minPeakMv} high, the lowest value between them divided by the smaller of the two, minimised over
     * the pairs; 1 if the deflection has fewer than two such peaks.
     */
    static double dipRatio(BeatMeasurements m, Lead lead, int from, int to, int sign, double minPeakMv) {
        int extreme = from;
        for (int t = from; t <= to; t++) {
            if (sign * m.v(lead, t) > sign * m.v(lead, extreme)) {
                extreme = t;
            }
        }
        int a = extreme;
        while (a > from && sign * m.v(lead, a - 1) > 0) {
            a--;
        }
        int b = extreme;
        while (b < to && sign * m.v(lead, b + 1) > 0) {
            b++;
        }
        double worst = 1;
        for (int p = a + 1; p < b; p++) {
            if (!isPeak(m, lead, p, sign) || sign * m.v(lead, p) < minPeakMv) {
                continue;
            }
            double low = sign * m.v(lead, p);
            for (int q = p + 1; q < b; q++) {
                low = Math.min(low, sign * m.v(lead, q));
                if (isPeak(m, lead, q, sign) && sign * m.v(lead, q) >= minPeakMv) {
                    double smaller = Math.min(sign * m.v(lead, p), sign * m.v(lead, q));
                    worst = Math.min(worst, low / smaller);
                }
            }
        }
        return worst;
    }

    /** Number of local maxima of {@code lead} in samples {@code [from, to]} whose prominence is at least {@code mv}. */
    static int humps(BeatMeasurements m, Lead lead, int from, int to, double mv) {
        int count = 0;
        for (int p = from + 1; p < to; p++) {
            if (!isPeak(m, lead, p, 1)) {
                continue;
            }
            double h = m.v(lead, p);
            double leftLow = h;
            int t = p - 1;
            while (t >= from && m.v(lead, t) <= h) {
                leftLow = Math.min(leftLow, m.v(lead, t--));
            }
            double rightLow = h;
            t = p + 1;
            while (t <= to && m.v(lead, t) <= h) {
                rightLow = Math.min(rightLow, m.v(lead, t++));
            }
            count += h - Math.max(leftLow, rightLow) >= mv ? 1 : 0;
        }
        return count;
    }

    /** R peak time of {@code lead}: from QRS onset to the largest QRS value, ms. */
    static double rPeakTimeMs(BeatMeasurements m, Lead lead) {
        int peak = m.qrsOnset;
        for (int t = m.qrsOnset; t <= m.qrsOffset; t++) {
            peak = m.v(lead, t) > m.v(lead, peak) ? t : peak;
        }
        return (peak - m.qrsOnset) * EcgFormat.MS_PER_SAMPLE;
    }

    /**
     * Humps of the ST-T complex of {@code lead}: {@link #humps} from the J point until the lead, after its largest
     * value within {@value #ST_T_SEARCH_MS} ms of J, has fallen below a quarter of that value (the end of the T wave
     * in this lead, before any later drift of the baseline).
     */
    static int stTHumps(BeatMeasurements m, Lead lead, double prominenceMv) {
        int to = Math.min(EcgFormat.SAMPLES - 2, m.qrsOffset + BeatMeasurements.ms(ST_T_SEARCH_MS));
        int top = m.qrsOffset;
        for (int t = m.qrsOffset; t <= to; t++) {
            top = m.v(lead, t) > m.v(lead, top) ? t : top;
        }
        int end = top;
        while (end < to && m.v(lead, end) >= 0.25 * m.v(lead, top)) {
            end++;
        }
        return humps(m, lead, m.qrsOffset, end, prominenceMv);
    }

    private static boolean isPeak(BeatMeasurements m, Lead lead, int t, int sign) {
        double v = sign * m.v(lead, t);
        return v >= sign * m.v(lead, t - 1) && v > sign * m.v(lead, t + 1);
    }
}
