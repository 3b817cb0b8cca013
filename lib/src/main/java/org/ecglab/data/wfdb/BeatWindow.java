package org.ecglab.data.wfdb;

import java.util.List;
import java.util.Locale;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;

/**
 * One heartbeat cut from a raw recording into the lab's format: a 1.2 s window that starts {@code msBeforePeak}
 * before the tallest peak of a reference lead (searched where a whole window fits), each lead resampled by linear
 * interpolation to 600 samples at 500 Hz and placed by its name, so the result is {@code float[12][600]} in mV. This
 * is a single beat, not a median beat (which would average the ten or so beats of the recording and have less
 * noise); it lets a raw record be looked at in the lab's figures.
 *
 * @param signal       {@code [12][600]} in mV, leads in the standard order
 * @param peakSample   index of the reference lead's tallest peak in the recording
 * @param peakMv       the reference lead's value there
 * @param startSeconds where the window starts in the recording
 * @param samplingHz   the recording's sampling rate
 */
public record BeatWindow(float[][] signal, int peakSample, double peakMv, double startSeconds, double samplingHz) {
    /** Window length: the lab's 1.2 s. */
    public static final double SECONDS = EcgFormat.SAMPLES / (double) EcgFormat.SAMPLING_RATE_HZ;

    /**
     * The window of a WFDB record whose signals are named by lead (e.g. PTB-XL's {@code I}, {@code AVR}, ...).
     *
     * @throws IllegalArgumentException if a signal name is not a lead, a lead is missing or repeated, or the
     *                                  recording is shorter than one window
     */
    public static BeatWindow of(WfdbRecord record, Lead reference, double msBeforePeak) {
        double[][] mv = new double[record.numSignals()][];
        for (int s = 0; s < mv.length; s++) {
            mv[s] = record.millivolts(s);
        }
        List<Lead> leads = record.signalNames().stream().map(Lead::parse).toList();
        return cut(mv, leads, record.header().samplingFrequency(), reference, msBeforePeak);
    }

    /**
     * The window of signals {@code millivolts[s]}, signal {@code s} being lead {@code leads.get(s)}.
     *
     * @throws IllegalArgumentException if the leads are not the twelve, once each, the signals differ in length, or
     *                                  the recording is shorter than one window
     */
    public static BeatWindow cut(double[][] millivolts, List<Lead> leads, double samplingHz, Lead reference,
            double msBeforePeak) {
        if (leads.size() != EcgFormat.LEADS || leads.stream().distinct().count() != EcgFormat.LEADS
                || millivolts.length != EcgFormat.LEADS) {
            throw new IllegalArgumentException("need each of the 12 leads once, got " + leads);
        }
        int n = millivolts[0].length;
        int window = (int) Math.round(SECONDS * samplingHz);
        int before = (int) Math.round(msBeforePeak / 1000 * samplingHz);
        if (before < 0 || before >= window || n <= window) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "cannot cut a %.1f s window starting %.0f ms "
                    + "before a peak from %d samples at %.0f Hz", SECONDS, msBeforePeak, n, samplingHz));
        }
        double[] ref = millivolts[leads.indexOf(reference)];
        int peak = before;
        // Peaks are searched where the whole window, and the sample after it for interpolation, lie in the record.
        for (int t = before; t < n - (window - before); t++) {
            if (ref[t] > ref[peak]) {
                peak = t;
            }
        }
        int from = peak - before;
        float[][] out = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int s = 0; s < EcgFormat.LEADS; s++) {
            double[] v = millivolts[s];
            if (v.length != n) {
                throw new IllegalArgumentException("signal " + s + " (" + leads.get(s) + ") has " + v.length
                        + " samples, signal 0 has " + n);
            }
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                double pos = from + t * samplingHz / EcgFormat.SAMPLING_RATE_HZ;
                int k = Math.min((int) Math.floor(pos), n - 2);
                double f = pos - k;
                out[leads.get(s).index()][t] = (float) ((1 - f) * v[k] + f * v[k + 1]);
            }
        }
        EcgFormat.validate(out, "beat window");
        return new BeatWindow(out, peak, ref[peak], from / samplingHz, samplingHz);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BeatWindow[peak at %.2f s (%.2f mV); window %.2f-%.2f s of the recording]",
                peakSample / samplingHz, peakMv, startSeconds, startSeconds + SECONDS);
    }
}
