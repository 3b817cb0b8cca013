package org.ecglab.data.ptbxl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a load applied the units rule of {@link BeatUnits}: the rule used for the source, how many beats were verified,
 * which were rescaled (refused beats fail the load, so a report never lists them), and the range of the beats'
 * largest peak-to-peak amplitudes as read, before any rescale.
 *
 * @param rule             e.g. "Uni-G values read as microvolts whatever the header says"
 * @param checked          beats whose amplitude was verified (all loaded beats)
 * @param rescaled         ecg_id to the factor applied, for beats outside the range that were rescaled
 * @param minPeakToPeakMv  smallest largest-lead peak-to-peak amplitude as read (NaN when no beat was read)
 * @param maxPeakToPeakMv  largest one
 * @param headerUnits      the units the headers claimed (e.g. "mV"), joined by ", " if they differ
 */
public record UnitCheckSummary(String rule, int checked, Map<Integer, Double> rescaled, double minPeakToPeakMv,
        double maxPeakToPeakMv, String headerUnits) {

    public UnitCheckSummary {
        rescaled = Collections.unmodifiableMap(new LinkedHashMap<>(rescaled));
    }

    /** Beats verified in range as read, without a rescale. */
    public int inRange() {
        return checked - rescaled.size();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("units: ").append(rule).append(" (headers say ").append(headerUnits.isEmpty() ? "-" : headerUnits)
                .append("); ").append(String.format(Locale.ROOT, "%d beats checked against %s peak-to-peak: %d in "
                        + "range, %d rescaled", checked, BeatUnits.range(), inRange(), rescaled.size()));
        if (checked > 0) {
            sb.append(String.format(Locale.ROOT, "; largest-lead amplitude as read %.3g-%.3g mV", minPeakToPeakMv,
                    maxPeakToPeakMv));
        }
        sb.append('\n');
        if (!rescaled.isEmpty()) {
            sb.append("rescaled (ecg_id=factor): ").append(rescaled).append('\n');
        }
        return sb.toString();
    }
}
