package org.ecglab.data.synthetic;

import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;

/**
 * Measures a noise-free 12-lead median beat from the signal alone, like a simple ECG measurement program:
 * fiducial points from the spatial velocity and magnitude (root sum of squares over the 12 leads), then intervals
 * and per-lead amplitudes. Knows nothing about the generator's parameters.
 *
 * <ul>
 * <li>QRS: the spatial velocity {@code V(t) = sqrt(Σ_l (dv_l/dt)²)} peaks inside the QRS (searched 250–520 ms).
 *     Onset = going back from that peak, the first time V has stayed below {@value #VELOCITY_MV_PER_MS} mV/ms for
 *     {@value #QUIET_MS} ms while the spatial excursion over the last {@value #EXCURSION_MS} ms
 *     ({@code sqrt(Σ_l (v_l(t) − v_l(t − 60 ms))²)}) is below {@value #ONSET_MAGNITUDE_FRACTION} of its largest QRS
 *     value (the velocity briefly vanishes at R peaks and on the flat top of a broad R, just after the QRS has moved
 *     far, so a quiet stretch there is not an onset).
 *     Offset = going back from {@value #OFFSET_SEARCH_MS} ms after the peak, the first time V reaches
 *     {@value #OFFSET_MV_PER_MS} mV/ms (ST and T slopes stay below it; the flat top of a broad R' does not end
 *     the QRS). Both thresholds rise to {@value #NOISE_MARGIN} times the velocity of the noise where it is higher
 *     (its 95th percentile over 0–40 ms, where no wave is).</li>
 * <li>P onset: going back from the largest spatial magnitude before the QRS, the first time it falls below 5 % of
 *     that peak. T end: the last time the magnitude is above 5 % of its largest value after J + 40 ms.</li>
 * <li>Baseline of each lead: mean over 20–10 ms before QRS onset (the PR segment).</li>
 * </ul>
 * Beats with measurement noise are smoothed first ({@link #ofNoisy}); P onset and T end, which rest on small
 * magnitudes, are meant for noise-free beats.
 */
final class BeatMeasurements {
    static final double VELOCITY_MV_PER_MS = 0.015;
    static final double OFFSET_MV_PER_MS = 0.035;
    static final double OFFSET_SEARCH_MS = 200;
    static final double QUIET_MS = 16;
    static final double ONSET_MAGNITUDE_FRACTION = 0.2;
    static final double EXCURSION_MS = 60;
    /** Velocity thresholds are at least this many times the 95th percentile of the velocity in 0–40 ms. */
    static final double NOISE_MARGIN = 2;
    static final double EDGE_FRACTION = 0.05;
    /** Deflections smaller than this (mV) are not counted as waves. */
    static final double WAVE_MV = 0.05;
    /** Moving-average length for noisy beats, samples (odd). */
    static final int NOISY_SMOOTHING = 5;

    private final float[][] ecg;
    private final double rrMs;
    private final double[] baseline = new double[EcgFormat.LEADS];
    final int pOnset;
    final int qrsOnset;
    final int qrsOffset;
    final int tEnd;

    BeatMeasurements(float[][] ecg, double rrMs) {
        EcgFormat.validate(ecg, "measured beat");
        this.ecg = ecg;
        this.rrMs = rrMs;
        int n = EcgFormat.SAMPLES;
        double[] velocity = new double[n];
        double[] magnitude = new double[n];
        double[] excursion = new double[n];
        int lag = ms(EXCURSION_MS);
        for (int t = 1; t < n - 1; t++) {
            double v2 = 0;
            double m2 = 0;
            double e2 = 0;
            for (float[] lead : ecg) {
                double d = (lead[t + 1] - lead[t - 1]) / (2 * EcgFormat.MS_PER_SAMPLE);
                v2 += d * d;
                m2 += lead[t] * lead[t];
                double e = t >= lag ? lead[t] - lead[t - lag] : 0;
                e2 += e * e;
            }
            velocity[t] = Math.sqrt(v2);
            magnitude[t] = Math.sqrt(m2);
            excursion[t] = Math.sqrt(e2);
        }
        // Muscle noise has a velocity of its own: thresholds rise above it, measured where no wave can be (0-40 ms).
        double[] floor = java.util.Arrays.copyOfRange(velocity, 1, ms(40));
        java.util.Arrays.sort(floor);
        double noise = floor[(int) (0.95 * (floor.length - 1))];
        double onsetThreshold = Math.max(VELOCITY_MV_PER_MS, NOISE_MARGIN * noise);
        double offsetThreshold = Math.max(OFFSET_MV_PER_MS, NOISE_MARGIN * noise);
        int peak = argmax(velocity, ms(250), ms(520));
        int quiet = ms(QUIET_MS);
        double qrsExcursion = excursion[argmax(excursion, peak - ms(60), peak + ms(60))];
        int on = peak;
        while (on > quiet && !(allBelow(velocity, on - quiet, on, onsetThreshold)
                && excursion[on] < ONSET_MAGNITUDE_FRACTION * qrsExcursion)) {
            on--;
        }
        // Backwards from well after the QRS: broad waves (R' of RBBB) have a flat top where V vanishes.
        int off = Math.min(n - 2, peak + ms(OFFSET_SEARCH_MS));
        while (off > peak && velocity[off] < offsetThreshold) {
            off--;
        }
        qrsOnset = on;
        qrsOffset = off;
        int pPeak = argmax(magnitude, 1, on - ms(20));
        int p = pPeak;
        while (p > 0 && magnitude[p] >= EDGE_FRACTION * magnitude[pPeak]) {
            p--;
        }
        pOnset = p;
        // Backwards from the end of the window: ST and T forces may cancel briefly, the end of T is the last rise.
        int tPeak = argmax(magnitude, off + ms(40), n - 2);
        int te = n - 2;
        while (te > tPeak && magnitude[te] < EDGE_FRACTION * magnitude[tPeak]) {
            te--;
        }
        tEnd = te + 1;
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            double s = 0;
            int from = on - ms(20);
            int to = on - ms(10);
            for (int t = from; t <= to; t++) {
                s += ecg[l][t];
            }
            baseline[l] = s / (to - from + 1);
        }
    }

    /**
     * Measures a beat with measurement noise as an ECG program would: each lead is first smoothed by a moving average
     * over {@value #NOISY_SMOOTHING} samples (10 ms, first zero at 100 Hz), which keeps the QRS and removes most
     * muscle noise. Baseline wander needs no filter: the baseline is the PR segment, next to the QRS, and the
     * velocity thresholds adapt to the noise that is left.
     */
    static BeatMeasurements ofNoisy(float[][] ecg, double rrMs) {
        float[][] smooth = new float[ecg.length][];
        for (int l = 0; l < ecg.length; l++) {
            float[] x = ecg[l];
            smooth[l] = new float[x.length];
            for (int t = 0; t < x.length; t++) {
                double s = 0;
                int n = 0;
                for (int k = Math.max(0, t - NOISY_SMOOTHING / 2); k <= Math.min(x.length - 1, t + NOISY_SMOOTHING / 2);
                        k++) {
                    s += x[k];
                    n++;
                }
                smooth[l][t] = (float) (s / n);
            }
        }
        return new BeatMeasurements(smooth, rrMs);
    }

    static int ms(double ms) {
        return EcgFormat.msToSample(ms);
    }

    double prMs() {
        return (qrsOnset - pOnset) * EcgFormat.MS_PER_SAMPLE;
    }

    double qrsMs() {
        return (qrsOffset - qrsOnset) * EcgFormat.MS_PER_SAMPLE;
    }

    double qtMs() {
        return (tEnd - qrsOnset) * EcgFormat.MS_PER_SAMPLE;
    }

    /** Bazett: QT / sqrt(RR in seconds). */
    double qtcMs() {
        return qtMs() / Math.sqrt(rrMs / 1000.0);
    }

    /** Value of {@code lead} at sample {@code t} relative to its PR-segment baseline, mV. */
    double v(Lead lead, int t) {
        return ecg[lead.index()][t] - baseline[lead.index()];
    }

    /** ST deviation at the J point (the QRS offset) relative to the PR segment, mV. */
    double stJMv(Lead lead) {
        return v(lead, qrsOffset);
    }

    /** ST deviation at J + 60 ms relative to the PR segment, mV. */
    double stMv(Lead lead) {
        return v(lead, qrsOffset + ms(60));
    }

    /** Largest positive QRS deflection (R amplitude), mV, >= 0. */
    double rMv(Lead lead) {
        double max = 0;
        for (int t = qrsOnset; t <= qrsOffset; t++) {
            max = Math.max(max, v(lead, t));
        }
        return max;
    }

    /** Largest negative QRS deflection (S or QS depth), mV, >= 0. */
    double sMv(Lead lead) {
        double min = 0;
        for (int t = qrsOnset; t <= qrsOffset; t++) {
            min = Math.min(min, v(lead, t));
        }
        return -min;
    }

    /** Sokolow–Lyon voltage S(V1) + max(R(V5), R(V6)), mV. */
    double sokolowLyonMv() {
        return sMv(Lead.V1) + Math.max(rMv(Lead.V5), rMv(Lead.V6));
    }

    /**
     * Q wave: if the first QRS deflection beyond ±0.03 mV is negative, its width (QRS onset until the lead returns
     * to baseline) in ms and depth in mV; otherwise {0, 0}.
     */
    double[] qWave(Lead lead) {
        int t = qrsOnset;
        while (t <= qrsOffset && Math.abs(v(lead, t)) <= 0.03) {
            t++;
        }
        if (t > qrsOffset || v(lead, t) > 0) {
            return new double[] {0, 0};
        }
        double depth = 0;
        while (t <= qrsOffset && v(lead, t) < 0) {
            depth = Math.max(depth, -v(lead, t));
            t++;
        }
        return new double[] {(t - qrsOnset) * EcgFormat.MS_PER_SAMPLE, depth};
    }

    /** T-wave amplitude: the signed value of largest magnitude between J + 40 ms and T end, mV. */
    double tMv(Lead lead) {
        double best = 0;
        for (int t = qrsOffset + ms(40); t <= tEnd; t++) {
            if (Math.abs(v(lead, t)) > Math.abs(best)) {
                best = v(lead, t);
            }
        }
        return best;
    }

    /**
     * Signed peaks of the QRS deflections in order: a deflection starts when the lead leaves ±{@value #WAVE_MV} mV
     * on the other side of the previous one (hysteresis), e.g. r, S, R' gives {+0.2, −0.8, +0.7}.
     */
    double[] deflections(Lead lead) {
        double[] peaks = new double[64];
        int count = 0;
        int sign = 0;
        for (int t = qrsOnset; t <= qrsOffset; t++) {
            double x = v(lead, t);
            int s = x > WAVE_MV ? 1 : x < -WAVE_MV ? -1 : 0;
            if (s != 0 && s != sign) {
                sign = s;
                peaks[count++] = x;
            } else if (s != 0 && Math.abs(x) > Math.abs(peaks[count - 1])) {
                peaks[count - 1] = x;
            }
        }
        return java.util.Arrays.copyOf(peaks, count);
    }

    /** rsR' pattern: a positive, a negative, then a positive deflection taller than the first (R' > r). */
    boolean hasRsrPrime(Lead lead) {
        double[] d = deflections(lead);
        for (int i = 0; i + 2 < d.length; i++) {
            if (d[i] > 0 && d[i + 1] < 0) {
                for (int k = i + 2; k < d.length; k++) {
                    if (d[k] > d[i]) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Duration of the last run of negative values inside the QRS (terminal S), ms; 0 if it is shallower than a wave. */
    double terminalSMs(Lead lead) {
        int t = qrsOffset;
        while (t >= qrsOnset && v(lead, t) >= 0) {
            t--;
        }
        int end = t;
        double depth = 0;
        while (t >= qrsOnset && v(lead, t) < 0) {
            depth = Math.max(depth, -v(lead, t));
            t--;
        }
        return depth < WAVE_MV ? 0 : (end - t) * EcgFormat.MS_PER_SAMPLE;
    }

    /** Duration of the run of positive values around the largest QRS value (the R wave), ms. */
    double rWaveMs(Lead lead) {
        int peak = qrsOnset;
        for (int t = qrsOnset; t <= qrsOffset; t++) {
            if (v(lead, t) > v(lead, peak)) {
                peak = t;
            }
        }
        if (v(lead, peak) <= 0) {
            return 0;
        }
        int a = peak;
        while (a > qrsOnset && v(lead, a - 1) > 0) {
            a--;
        }
        int b = peak;
        while (b < qrsOffset && v(lead, b + 1) > 0) {
            b++;
        }
        return (b - a + 1) * EcgFormat.MS_PER_SAMPLE;
    }

    private static boolean allBelow(double[] x, int from, int to, double threshold) {
        for (int t = from; t <= to; t++) {
            if (x[t] >= threshold) {
                return false;
            }
        }
        return true;
    }

    private static int argmax(double[] x, int from, int to) {
        int best = from;
        for (int t = from; t <= to; t++) {
            if (x[t] > x[best]) {
                best = t;
            }
        }
        return best;
    }
}
