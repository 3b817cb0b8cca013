package org.ecglab.data.ptbxl;

import java.util.Locale;
import org.ecglab.data.Lead;

/**
 * The units rule for median beats: units are decided per source, never guessed per file, and then verified on every
 * beat. After conversion to millivolts, a beat's largest peak-to-peak amplitude across its twelve leads must lie in
 * the physiological range [{@value #MIN_PEAK_TO_PEAK_MV}, {@value #MAX_PEAK_TO_PEAK_MV}] mV: a real QRS complex
 * spans about 0.5 to 5 mV, so a beat read 1000 times too large (µV taken for mV) spans hundreds of "mV" and one read
 * 1000 times too small spans a few µV. Either is an error naming the file, the amplitude and the unit the header
 * claims, or, with {@link OnMismatch#RESCALE}, a logged rescale by 1000 when that brings the beat into range. The
 * check catches factor-1000 errors; it cannot catch a wrong factor of a few (e.g. ADC counts of 4.88 µV).
 */
public final class BeatUnits {
    /** Smallest largest-lead peak-to-peak amplitude accepted (mV). */
    public static final double MIN_PEAK_TO_PEAK_MV = 0.1;
    /** Largest largest-lead peak-to-peak amplitude accepted (mV). */
    public static final double MAX_PEAK_TO_PEAK_MV = 10.0;

    /** What the stored physical values of a source are. */
    public enum ValueUnit {
        /** The header's units are right: values are converted with the header's unit ({@code mV}, {@code uV}, V). */
        AS_HEADER("in the header's units"),
        /** The values are microvolts whatever the header says. */
        MICROVOLTS("as microvolts whatever the header says");

        private final String description;

        ValueUnit(String description) {
            this.description = description;
        }

        /** How the values are read, e.g. "as microvolts whatever the header says". */
        public String description() {
            return description;
        }
    }

    /** What to do with a beat whose amplitude is outside the physiological range. */
    public enum OnMismatch {
        /** Refuse it: the load fails with an error naming the file, the amplitude and the header's unit. */
        FAIL,
        /** Rescale it by 1000 or 1/1000 if that brings it into range (logged and counted), else refuse it. */
        RESCALE
    }

    /** The largest peak-to-peak amplitude of a beat and the lead it occurs in. */
    public record PeakToPeak(double millivolts, Lead lead) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.4g mV (lead %s)", millivolts, lead.label());
        }
    }

    private BeatUnits() {
    }

    /** Whether an amplitude (mV) lies in the physiological range. */
    public static boolean physiological(double peakToPeakMv) {
        return peakToPeakMv >= MIN_PEAK_TO_PEAK_MV && peakToPeakMv <= MAX_PEAK_TO_PEAK_MV;
    }

    /** The largest over the leads of (maximum - minimum) of a beat in the lab's lead order. */
    public static PeakToPeak largestPeakToPeak(float[][] signal) {
        double best = -1;
        Lead where = Lead.I;
        for (int l = 0; l < signal.length; l++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (float v : signal[l]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (hi - lo > best) {
                best = hi - lo;
                where = Lead.STANDARD_ORDER.get(l);
            }
        }
        return new PeakToPeak(best, where);
    }

    /**
     * The factor a beat with largest amplitude {@code peakToPeakMv} must be multiplied by under {@code policy}: 1 if it
     * is in range; under {@link OnMismatch#RESCALE}, 0.001 or 1000 if that brings it into range; otherwise 0, meaning
     * the beat is refused.
     */
    public static double rescaleFactor(double peakToPeakMv, OnMismatch policy) {
        if (physiological(peakToPeakMv)) {
            return 1;
        }
        if (policy == OnMismatch.RESCALE) {
            for (double f : new double[] {1e-3, 1e3}) {
                if (physiological(peakToPeakMv * f)) {
                    return f;
                }
            }
        }
        return 0;
    }

    /** The range as text, for messages and reports. */
    static String range() {
        return String.format(Locale.ROOT, "%s-%s mV", MIN_PEAK_TO_PEAK_MV, MAX_PEAK_TO_PEAK_MV);
    }

    /**
     * Millivolts per stored physical unit under {@code unit}, given the header's own factor to mV
     * ({@link org.ecglab.data.wfdb.WfdbSignalSpec#toMillivolts()}).
     */
    static double toMillivolts(ValueUnit unit, double headerFactor) {
        return unit == ValueUnit.MICROVOLTS ? 1e-3 : headerFactor;
    }
}
