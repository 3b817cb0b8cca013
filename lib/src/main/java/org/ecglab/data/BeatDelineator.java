package org.ecglab.data;

/**
 * Finds the four fiducial points of a 12-lead median beat from the signal alone, for ECGs that come without them
 * (our own delineation; its accuracy against the synthetic generator's designed points is measured in the tests and
 * reported in the README). Two curves over all twelve leads drive it:
 *
 * <ul>
 *   <li>the spatial velocity {@code v(t) = sqrt(Σ_leads (s(t+1) − s(t−1))²) / 2} of the lightly smoothed signal
 *       (moving average over {@value #QRS_SMOOTHING} samples): the QRS is where it peaks; QRS onset and offset are the
 *       last and first samples around that peak where it falls below {@value #QRS_THRESHOLD} of its peak;</li>
 *   <li>the spatial magnitude {@code m(t) = sqrt(Σ_leads (s(t) − r(t))²)} of the signal smoothed over
 *       {@value #WAVE_SMOOTHING} samples, against an isoelectric line {@code r} drawn per lead from the mean of the
 *       first {@value #START_REFERENCE_MS} ms to the mean of the last {@value #END_REFERENCE_MS} ms (which removes
 *       linear baseline drift): the T wave is its largest value from {@value #T_SEARCH_FROM_MS} ms after QRS offset
 *       on, and T end the first sample after the T peak where it falls below {@value #WAVE_THRESHOLD} of that peak;
 *       the P wave is its largest value between {@value #P_SEARCH_MS} ms and {@value #P_GAP_MS} ms before QRS onset,
 *       and P onset the last sample before the P peak below {@value #WAVE_THRESHOLD} of that peak. A P peak under
 *       {@value #MIN_P_MV} mV (no visible atrial wave) leaves P onset absent.</li>
 * </ul>
 * The RR interval cannot be read from one median beat and is left unknown ({@code NaN}).
 */
public final class BeatDelineator {
    static final int QRS_SMOOTHING = 3;
    static final double QRS_THRESHOLD = 0.05;
    static final int WAVE_SMOOTHING = 11;
    static final double WAVE_THRESHOLD = 0.1;
    static final double START_REFERENCE_MS = 20;
    static final double END_REFERENCE_MS = 100;
    static final double T_SEARCH_FROM_MS = 80;
    static final double P_SEARCH_MS = 320;
    static final double P_GAP_MS = 30;
    static final double MIN_P_MV = 0.03;

    private BeatDelineator() {
    }

    /**
     * The fiducial points of {@code ecg}.
     *
     * @param ecg {@code [12][600]} in mV, finite
     * @return P onset (or absent), QRS onset and offset, T end (or absent when the beat ends before the T wave
     *         does); RR unknown
     * @throws IllegalArgumentException if the signal is malformed
     */
    public static BeatFiducials delineate(float[][] ecg) {
        EcgFormat.validate(ecg, "beat to delineate");
        int n = EcgFormat.SAMPLES;
        double[][] light = smooth(ecg, QRS_SMOOTHING);
        double[] v = new double[n];
        for (int t = 1; t < n - 1; t++) {
            double s = 0;
            for (double[] lead : light) {
                double d = (lead[t + 1] - lead[t - 1]) / 2;
                s += d * d;
            }
            v[t] = Math.sqrt(s);
        }
        int peak = argmax(v, 1, n - 1);
        double qrsLevel = QRS_THRESHOLD * v[peak];
        int qrsOnset = peak;
        while (qrsOnset > 1 && v[qrsOnset - 1] >= qrsLevel) {
            qrsOnset--;
        }
        int qrsOffset = peak;
        while (qrsOffset < n - 2 && v[qrsOffset + 1] >= qrsLevel) {
            qrsOffset++;
        }
        if (qrsOffset == qrsOnset) {
            qrsOffset = qrsOnset + 1;
        }

        double[] m = magnitude(smooth(ecg, WAVE_SMOOTHING));
        int tEnd = BeatFiducials.ABSENT;
        int tFrom = qrsOffset + EcgFormat.msToSample(T_SEARCH_FROM_MS);
        int tTo = n - EcgFormat.msToSample(END_REFERENCE_MS);
        if (tFrom < tTo) {
            int tPeak = argmax(m, tFrom, tTo);
            double level = WAVE_THRESHOLD * m[tPeak];
            for (int t = tPeak + 1; t < tTo; t++) {
                if (m[t] < level) {
                    tEnd = t;
                    break;
                }
            }
        }
        int pOnset = BeatFiducials.ABSENT;
        int pFrom = Math.max(1, qrsOnset - EcgFormat.msToSample(P_SEARCH_MS));
        int pTo = qrsOnset - EcgFormat.msToSample(P_GAP_MS);
        if (pFrom < pTo) {
            int pPeak = argmax(m, pFrom, pTo);
            if (m[pPeak] >= MIN_P_MV) {
                double level = WAVE_THRESHOLD * m[pPeak];
                for (int t = pPeak - 1; t >= 0; t--) {
                    if (m[t] < level) {
                        pOnset = t;
                        break;
                    }
                }
            }
        }
        return new BeatFiducials(pOnset, qrsOnset, qrsOffset, tEnd, Double.NaN);
    }

    /** Centred moving average over {@code width} samples (shorter at the ends), per lead. */
    static double[][] smooth(float[][] ecg, int width) {
        int half = width / 2;
        double[][] out = new double[ecg.length][EcgFormat.SAMPLES];
        for (int l = 0; l < ecg.length; l++) {
            double[] prefix = new double[EcgFormat.SAMPLES + 1];
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                prefix[t + 1] = prefix[t] + ecg[l][t];
            }
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                int a = Math.max(0, t - half);
                int b = Math.min(EcgFormat.SAMPLES, t + half + 1);
                out[l][t] = (prefix[b] - prefix[a]) / (b - a);
            }
        }
        return out;
    }

    /** Spatial magnitude against a straight isoelectric line per lead from the window's start to its end. */
    static double[] magnitude(double[][] s) {
        int n = EcgFormat.SAMPLES;
        int head = EcgFormat.msToSample(START_REFERENCE_MS);
        int tail = EcgFormat.msToSample(END_REFERENCE_MS);
        double[] m = new double[n];
        for (double[] lead : s) {
            double start = mean(lead, 0, head);
            double end = mean(lead, n - tail, n);
            double x0 = (head - 1) / 2.0;
            double x1 = n - (tail + 1) / 2.0;
            for (int t = 0; t < n; t++) {
                double r = start + (end - start) * (t - x0) / (x1 - x0);
                double d = lead[t] - r;
                m[t] += d * d;
            }
        }
        for (int t = 0; t < n; t++) {
            m[t] = Math.sqrt(m[t]);
        }
        return m;
    }

    private static double mean(double[] a, int from, int to) {
        double s = 0;
        for (int t = from; t < to; t++) {
            s += a[t];
        }
        return s / (to - from);
    }

    private static int argmax(double[] a, int from, int to) {
        int best = from;
        for (int t = from + 1; t < to; t++) {
            if (a[t] > a[best]) {
                best = t;
            }
        }
        return best;
    }
}
