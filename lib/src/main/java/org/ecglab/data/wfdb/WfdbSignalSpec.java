package org.ecglab.data.wfdb;

import java.util.Objects;

/**
 * One signal line of a WFDB header:
 * {@code file format[xsamp][:skew][+offset] adcgain[(baseline)][/units] adcres adczero initval checksum blocksize
 * description}. Physical value = {@code (digital - baseline) / gain}, in {@code units}.
 *
 * @param fileName       signal file, relative to the header's folder
 * @param format         storage format (16, 32 and 212 are supported by {@link WfdbRecord})
 * @param samplesPerFrame samples of this signal per frame (1 unless the header says {@code x2} etc.)
 * @param skew           skew in frames (0 unless given)
 * @param byteOffset     bytes to skip at the start of the signal file (0 unless given)
 * @param gain           ADC units per physical unit (a header with gain 0 or none, an uncalibrated signal, is refused)
 * @param baseline       digital value of physical zero; defaults to {@code adcZero}
 * @param units          physical units, "mV" when not given
 * @param adcResolution  bits (0 when not given)
 * @param adcZero        digital value of the ADC's mid-range (0 when not given)
 * @param initialValue   first sample, or null when the header does not give it (then it is not checked)
 * @param checksum       16-bit sum of all samples, or null when not given (then it is not checked)
 * @param blockSize      block size (0 for ordinary files)
 * @param description    signal name, e.g. lead "I"; empty when not given
 */
public record WfdbSignalSpec(String fileName, int format, int samplesPerFrame, int skew, long byteOffset,
        double gain, int baseline, String units, int adcResolution, int adcZero, Integer initialValue,
        Integer checksum, int blockSize, String description) {

    /** Gain the WFDB library assumes when a header gives none or 0. */
    public static final double DEFAULT_GAIN = 200.0;

    public WfdbSignalSpec {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(description, "description");
        if (!(gain > 0) || !Double.isFinite(gain)) {
            throw new IllegalArgumentException("gain must be positive and finite, got " + gain);
        }
    }

    /** A simple spec for writing: one sample per frame, no skew or offset, initial value and checksum filled in. */
    public static WfdbSignalSpec of(String fileName, int format, double gain, int baseline, String units,
            int adcResolution, int initialValue, int checksum, String description) {
        return new WfdbSignalSpec(fileName, format, 1, 0, 0, gain, baseline, units, adcResolution, 0, initialValue,
                checksum, 0, description);
    }

    /**
     * Factor that turns this signal's physical units into millivolts (1 for mV, 0.001 for uV/µV, 1000 for V).
     *
     * @throws IllegalArgumentException for units that are not a voltage
     */
    public double toMillivolts() {
        return switch (units.trim()) {
            case "mV", "" -> 1.0;
            case "uV", "\u00b5V", "\u03bcV", "microvolts" -> 0.001;
            case "V" -> 1000.0;
            default -> throw new IllegalArgumentException("signal '" + description + "' has units '" + units
                    + "', not a voltage (expected mV, uV or V)");
        };
    }

    /** The 16-bit checksum WFDB writes: the sum of all samples modulo 65536, as a signed short. */
    public static int checksumOf(int[] samples) {
        int sum = 0;
        for (int v : samples) {
            sum += v;
        }
        return (short) sum;
    }
}
