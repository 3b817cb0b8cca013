package org.ecglab.data;

/**
 * Finds the four fiducial points of a 12-lead median beat from the signal alone, for ECGs that come without them
 * (our own delineation; its accuracy against the synthetic generator's designed points is measured by
 * {@code BeatDelineatorAccuracyTest} and reported in the README). Two curves over all twelve leads drive it:
 *
 * <ul>
 *   <li>the spatial velocity {@code v(t) = sqrt(Σ_leads (s(t+1) − s(t−1))²) / 2} of the signal smoothed over
 *       {@link Settings#qrsSmoothing()} samples: the QRS is where it peaks; QRS onset (offset) is the last sample
 *       before (first after) the peak that is followed (preceded) by {@value #QUIET} samples below a fraction of the
 *       peak ({@link Settings#qrsOnsetThreshold()}, {@link Settings#qrsOffsetThreshold()}), so that the brief dip
 *       between Q and R does not end the complex; a second burst of velocity of at least a quarter of the peak
 *       within 100 ms after that offset (the slow terminal R′ of a right bundle branch block, which moves little
 *       until its sharp end) extends the QRS to the quiet stretch after it;</li>
 *   <li>the spatial magnitude {@code m(t) = sqrt(Σ_leads (s(t) − r(t))²)} of the signal smoothed over
 *       {@link Settings#waveSmoothing()} samples, against a straight isoelectric line {@code r} per lead through two
 *       short reference windows around the wave (which removes baseline drift locally): for the P wave from
 *       {@link Settings#pSearchMs()} before QRS onset to just before QRS onset, for the T wave from just before QRS
 *       onset to the last {@link Settings#endReferenceMs()} of the window. The wave's peak is the largest {@code m} in
 *       its search window (for T from {@link Settings#tSearchFromMs()} after QRS offset); P onset (T end) is the last
 *       sample before (first after) the peak where {@code m} is within {@link Settings#waveThreshold()} of the way
 *       from the curve's lowest value on that side of the peak up to the peak. A P peak under
 *       {@link Settings#minPMv()} mV leaves P onset absent (no visible atrial wave), and so does a T wave that has
 *       not ended by the end reference.</li>
 * </ul>
 * The constants were chosen on synthetic beats of seeds 1000–1039 (all nine classes) and are tested on other seeds.
 * The RR interval cannot be read from one median beat and is left unknown ({@code NaN}).
 */
public final class BeatDelineator {
    private static final int REFERENCE = 5;
    private static final int QUIET = 5;
    /** A velocity burst this large (relative to the QRS peak) within the window after the QRS extends the QRS. */
    private static final double LATE_BURST = 0.25;
    private static final double LATE_BURST_WINDOW_MS = 100;

    /**
     * The delineator's constants.
     *
     * @param qrsSmoothing       moving-average width for the velocity, samples
     * @param qrsOnsetThreshold  QRS onset: velocity below this fraction of its peak
     * @param qrsOffsetThreshold QRS offset: velocity below this fraction of its peak
     * @param waveSmoothing      moving-average width for the magnitude, samples
     * @param waveThreshold      P onset and T end: magnitude below this fraction of the wave's peak
     * @param pSearchMs          the P wave is looked for this long before QRS onset
     * @param tSearchFromMs      the T wave is looked for from this long after QRS offset
     * @param endReferenceMs     the last this-many ms of the window are the isoelectric reference after T
     * @param minPMv             smallest P-wave magnitude taken as a P wave, mV
     */
    public record Settings(int qrsSmoothing, double qrsOnsetThreshold, double qrsOffsetThreshold, int waveSmoothing,
            double waveThreshold, double pSearchMs, double tSearchFromMs, double endReferenceMs, double minPMv) {
    }

    /** The settings {@link #delineate(float[][])} uses. */
    public static final Settings DEFAULTS = new Settings(5, 0.1, 0.1, 11, 0.1, 330, 80, 60, 0.03);

    private BeatDelineator() {
    }

    /** The fiducial points of {@code ecg} with the {@link #DEFAULTS}. */
    public static BeatFiducials delineate(float[][] ecg) {
        return delineate(ecg, DEFAULTS);
    }

    /**
     * The fiducial points of {@code ecg}.
     *
     * @param ecg {@code [12][600]} in mV, finite
     * @return P onset (or absent), QRS onset and offset, T end (or absent); RR unknown
     * @throws IllegalArgumentException if the signal is malformed
     */
    public static BeatFiducials delineate(float[][] ecg, Settings s) {
        EcgFormat.validate(ecg, "beat to delineate");
        int n = EcgFormat.SAMPLES;
        double[][] light = smooth(ecg, s.qrsSmoothing());
        double[] v = new double[n];
        for (int t = 1; t < n - 1; t++) {
            double sum = 0;
            for (double[] lead : light) {
                double d = (lead[t + 1] - lead[t - 1]) / 2;
                sum += d * d;
            }
            v[t] = Math.sqrt(sum);
        }
        int peak = argmax(v, 1, n - 1);
        if (v[peak] == 0) {
            throw new IllegalArgumentException("beat to delineate is flat: no QRS complex to find");
        }
        int qrsOnset = quietFrom(v, peak, -1, s.qrsOnsetThreshold() * v[peak]);
        int qrsOffset = quietFrom(v, peak, +1, s.qrsOffsetThreshold() * v[peak]);
        // A slow terminal wavefront (the R' of a bundle branch block) moves little until its sharp end: a second burst
        // of velocity soon after the first quiet stretch still belongs to the QRS.
        int lateEnd = Math.min(n - 2, qrsOffset + EcgFormat.msToSample(LATE_BURST_WINDOW_MS));
        if (qrsOffset + 1 < lateEnd) {
            int late = argmax(v, qrsOffset + 1, lateEnd);
            if (v[late] >= LATE_BURST * v[peak]) {
                qrsOffset = quietFrom(v, late, +1, s.qrsOffsetThreshold() * v[peak]);
            }
        }
        qrsOffset = Math.max(qrsOffset, qrsOnset + 1);

        double[][] wide = smooth(ecg, s.waveSmoothing());
        int prEnd = Math.max(REFERENCE, qrsOnset - REFERENCE);
        int pStart = Math.max(0, qrsOnset - EcgFormat.msToSample(s.pSearchMs()));
        int pOnset = BeatFiducials.ABSENT;
        if (prEnd - pStart > 4 * REFERENCE) {
            double[] m = magnitude(wide, pStart, prEnd);
            int pPeak = argmax(m, pStart + REFERENCE, prEnd - REFERENCE);
            if (m[pPeak] >= s.minPMv()) {
                double floor = min(m, pStart, pPeak);
                for (int t = pPeak - 1; t >= pStart; t--) {
                    if (m[t] - floor < s.waveThreshold() * (m[pPeak] - floor)) {
                        pOnset = t;
                        break;
                    }
                }
            }
        }
        int tEnd = BeatFiducials.ABSENT;
        int endRef = n - EcgFormat.msToSample(s.endReferenceMs());
        int tFrom = qrsOffset + EcgFormat.msToSample(s.tSearchFromMs());
        if (tFrom < endRef) {
            double[] m = magnitude(wide, prEnd, n);
            int tPeak = argmax(m, tFrom, endRef);
            double floor = min(m, tPeak, endRef);
            for (int t = tPeak + 1; t < endRef; t++) {
                if (m[t] - floor < s.waveThreshold() * (m[tPeak] - floor)) {
                    tEnd = t;
                    break;
                }
            }
        }
        return new BeatFiducials(pOnset, qrsOnset, qrsOffset, tEnd, Double.NaN);
    }

    /**
     * Walking from {@code peak} in direction {@code step}, the last sample before the first run of {@value #QUIET}
     * samples whose velocity is below {@code level} (a shorter dip, such as the turn between Q and R, does not end
     * the complex).
     */
    private static int quietFrom(double[] v, int peak, int step, double level) {
        int t = peak;
        int quiet = 0;
        while (t + step >= 1 && t + step <= v.length - 2) {
            t += step;
            quiet = v[t] < level ? quiet + 1 : 0;
            if (quiet == QUIET) {
                return t - step * QUIET;
            }
        }
        return t - step * quiet;
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

    /**
     * Spatial magnitude over {@code [from, to)} against a straight line per lead through the means of the first and
     * the last {@value #REFERENCE} samples of that range; zero outside it.
     */
    static double[] magnitude(double[][] s, int from, int to) {
        double[] m = new double[EcgFormat.SAMPLES];
        double x0 = from + (REFERENCE - 1) / 2.0;
        double x1 = to - (REFERENCE + 1) / 2.0;
        for (double[] lead : s) {
            double start = mean(lead, from, from + REFERENCE);
            double end = mean(lead, to - REFERENCE, to);
            for (int t = from; t < to; t++) {
                double d = lead[t] - (start + (end - start) * (t - x0) / (x1 - x0));
                m[t] += d * d;
            }
        }
        for (int t = from; t < to; t++) {
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

    private static double min(double[] a, int from, int to) {
        double best = Double.POSITIVE_INFINITY;
        for (int t = from; t < to; t++) {
            best = Math.min(best, a[t]);
        }
        return best;
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
