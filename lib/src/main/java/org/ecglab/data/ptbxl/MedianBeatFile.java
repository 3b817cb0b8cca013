package org.ecglab.data.ptbxl;

import java.io.IOException;
import java.nio.file.Path;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;
import org.ecglab.data.wfdb.WfdbException;
import org.ecglab.data.wfdb.WfdbFormat;
import org.ecglab.data.wfdb.WfdbRecord;

/**
 * Reads one PTB-XL+ median-beat record into the lab's format ({@link EcgFormat}: {@code float[12][600]}, mV,
 * 500 Hz, leads in {@link Lead} order). PTB-XL+ stores the beats in microvolts although the headers say mV, so
 * the header's physical values {@code (digital - baseline) / gain} are divided by 1000. Leads are placed by their
 * names; a beat at another rate is resampled linearly to 500 Hz and must then span 600 samples (1.2 s).
 */
public final class MedianBeatFile {
    private MedianBeatFile() {
    }

    /**
     * @param hea the median-beat header file
     * @throws IOException naming the file: WFDB errors, wrong lead count or names, wrong length, missing samples
     */
    public static float[][] readMillivolts(Path hea) throws IOException {
        WfdbRecord r = WfdbRecord.read(hea);
        if (r.numSignals() != EcgFormat.LEADS) {
            throw new WfdbException(hea, "expected " + EcgFormat.LEADS + " leads, found " + r.numSignals() + " "
                    + r.signalNames());
        }
        double fs = r.header().samplingFrequency();
        float[][] out = new float[EcgFormat.LEADS][];
        for (int s = 0; s < r.numSignals(); s++) {
            Lead lead;
            try {
                lead = Lead.parse(r.signalNames().get(s));
            } catch (IllegalArgumentException e) {
                throw new WfdbException(hea, "signal " + s + ": " + e.getMessage(), e);
            }
            if (out[lead.index()] != null) {
                throw new WfdbException(hea, "lead " + lead + " appears twice in " + r.signalNames());
            }
            int[] digital = r.digital(s);
            int invalid = WfdbFormat.of(r.header().signals().get(s).format()).min();
            for (int t = 0; t < digital.length; t++) {
                // WFDB marks a missing sample with the format's most negative value: it becomes NaN, which we reject
                if (digital[t] == invalid) {
                    throw new WfdbException(hea, "lead " + lead + " sample " + t + " is missing (NaN in WFDB terms)");
                }
            }
            double[] microvolts = r.physical(s);
            double[] mv = resample(microvolts, fs, EcgFormat.SAMPLING_RATE_HZ);
            if (mv.length != EcgFormat.SAMPLES) {
                throw new WfdbException(hea, "lead " + lead + " has " + microvolts.length + " samples at " + fs
                        + " Hz (" + mv.length + " at 500 Hz); expected " + EcgFormat.SAMPLES + " at 500 Hz (1.2 s)");
            }
            float[] f = new float[mv.length];
            for (int t = 0; t < f.length; t++) {
                f[t] = (float) (mv[t] / 1000.0);
            }
            out[lead.index()] = f;
        }
        try {
            EcgFormat.validate(out, hea.toString());
        } catch (IllegalArgumentException e) {
            throw new WfdbException(hea, e.getMessage(), e);
        }
        return out;
    }

    /**
     * Linear resampling from {@code from} to {@code to} Hz: output sample {@code k} is the straight-line
     * interpolation of the input at position {@code k * from / to}; the output has
     * {@code round(n * to / from)} samples. Returns the input unchanged when the rates are equal.
     */
    static double[] resample(double[] x, double from, double to) {
        if (from == to) {
            return x;
        }
        int n = (int) Math.round(x.length * to / from);
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            double pos = k * from / to;
            int i = (int) Math.floor(pos);
            if (i >= x.length - 1) {
                y[k] = x[x.length - 1];
            } else {
                double w = pos - i;
                y[k] = (1 - w) * x[i] + w * x[i + 1];
            }
        }
        return y;
    }
}
