package org.ecglab.data.ptbxl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;
import org.ecglab.data.wfdb.WfdbException;
import org.ecglab.data.wfdb.WfdbFormat;
import org.ecglab.data.wfdb.WfdbRecord;
import org.ecglab.data.wfdb.WfdbSignalSpec;

/**
 * Reads one PTB-XL+ median-beat record into the lab's format ({@link EcgFormat}: {@code float[12][600]}, mV,
 * 500 Hz, leads in {@link Lead} order) under the units rule of {@link BeatUnits}: the header's physical values
 * {@code (digital - baseline) / gain} are converted to mV as the source's {@link BeatUnits.ValueUnit} says, and the
 * beat's largest peak-to-peak amplitude is then verified to be physiological. Leads are placed by their names; a beat
 * at another rate is resampled linearly to 500 Hz and must then span 600 samples (1.2 s).
 */
public final class MedianBeatFile {
    private static final System.Logger LOG = System.getLogger(MedianBeatFile.class.getName());

    /**
     * A beat as read.
     *
     * @param header      the header file
     * @param signal      the beat in mV, after any rescale
     * @param asRead      the largest peak-to-peak amplitude before any rescale
     * @param headerUnits the units the header claims (e.g. "mV"; several joined by "/" if the leads differ)
     * @param rescale     the factor applied after the units rule (1 = none; 0.001 or 1000 under
     *                    {@link BeatUnits.OnMismatch#RESCALE})
     */
    public record Beat(Path header, float[][] signal, BeatUnits.PeakToPeak asRead, String headerUnits, double rescale) {
    }

    private MedianBeatFile() {
    }

    /**
     * @param hea    the median-beat header file
     * @param unit   what the stored physical values are
     * @param policy what to do with a beat outside the physiological amplitude range
     * @throws IOException naming the file: WFDB errors, wrong lead count or names, wrong length, missing samples,
     *                     units that are not a voltage, or an amplitude outside the physiological range (with the
     *                     amplitude, the lead and the units the header claims)
     */
    public static Beat read(Path hea, BeatUnits.ValueUnit unit, BeatUnits.OnMismatch policy) throws IOException {
        WfdbRecord r = WfdbRecord.read(hea);
        if (r.numSignals() != EcgFormat.LEADS) {
            throw new WfdbException(hea, "expected " + EcgFormat.LEADS + " leads, found " + r.numSignals() + " "
                    + r.signalNames());
        }
        double fs = r.header().samplingFrequency();
        float[][] out = new float[EcgFormat.LEADS][];
        Set<String> units = new LinkedHashSet<>();
        for (int s = 0; s < r.numSignals(); s++) {
            WfdbSignalSpec spec = r.header().signals().get(s);
            Lead lead;
            double toMv;
            try {
                lead = Lead.parse(spec.description());
                toMv = BeatUnits.toMillivolts(unit, spec.toMillivolts());
            } catch (IllegalArgumentException e) {
                throw new WfdbException(hea, "signal " + s + ": " + e.getMessage(), e);
            }
            units.add(spec.units());
            if (out[lead.index()] != null) {
                throw new WfdbException(hea, "lead " + lead + " appears twice in " + r.signalNames());
            }
            int[] digital = r.digital(s);
            int invalid = WfdbFormat.of(spec.format()).min();
            for (int t = 0; t < digital.length; t++) {
                // WFDB marks a missing sample with the format's most negative value: it becomes NaN, which we reject
                if (digital[t] == invalid) {
                    throw new WfdbException(hea, "lead " + lead + " sample " + t + " is missing (NaN in WFDB terms)");
                }
            }
            double[] physical = r.physical(s);
            double[] resampled = resample(physical, fs, EcgFormat.SAMPLING_RATE_HZ);
            if (resampled.length != EcgFormat.SAMPLES) {
                throw new WfdbException(hea, "lead " + lead + " has " + physical.length + " samples at " + fs
                        + " Hz (" + resampled.length + " at 500 Hz); expected " + EcgFormat.SAMPLES
                        + " at 500 Hz (1.2 s)");
            }
            float[] f = new float[resampled.length];
            for (int t = 0; t < f.length; t++) {
                f[t] = (float) (resampled[t] * toMv);
            }
            out[lead.index()] = f;
        }
        String headerUnits = String.join("/", units);
        BeatUnits.PeakToPeak ptp = BeatUnits.largestPeakToPeak(out);
        double factor = BeatUnits.rescaleFactor(ptp.millivolts(), policy);
        if (factor == 0) {
            throw new WfdbException(hea, "largest peak-to-peak amplitude across leads is " + ptp + " read "
                    + unit.description() + " (header says " + headerUnits + "), outside the physiological "
                    + BeatUnits.range() + (policy == BeatUnits.OnMismatch.FAIL ? "; if the file's unit differs by a "
                    + "factor of 1000, load with OnMismatch.RESCALE (import-ptbxl --on-unit-mismatch rescale)" : ""));
        }
        if (factor != 1) {
            LOG.log(System.Logger.Level.WARNING, hea + ": amplitude " + ptp + " outside " + BeatUnits.range()
                    + ", rescaled by " + factor);
            for (float[] lead : out) {
                for (int t = 0; t < lead.length; t++) {
                    lead[t] = (float) (lead[t] * factor);
                }
            }
        }
        try {
            EcgFormat.validate(out, hea.toString());
        } catch (IllegalArgumentException e) {
            throw new WfdbException(hea, e.getMessage(), e);
        }
        return new Beat(hea, out, ptp, headerUnits, factor);
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
