package org.ecglab.data.ptbxl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a load did with ECGdeli fiducial points: whether they were asked for, for how many beats they were placed
 * ({@link FiducialAligner}), and for the others why not (e.g. no points file, no raw 500 Hz record, alignment
 * refused), with the ecg_ids.
 *
 * @param requested whether the load was asked for fiducial points
 * @param placed    beats whose points were placed
 * @param absent    reason to ecg_ids, for beats without points
 */
public record FiducialSummary(boolean requested, int placed, Map<String, List<Integer>> absent) {
    /** Not asked for. */
    public static final FiducialSummary NOT_REQUESTED = new FiducialSummary(false, 0, Map.of());

    public FiducialSummary {
        Map<String, List<Integer>> copy = new LinkedHashMap<>();
        absent.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        absent = Collections.unmodifiableMap(copy);
    }

    /** Beats without points. */
    public int absentCount() {
        return absent.values().stream().mapToInt(List::size).sum();
    }

    /** A summary being filled while loading. */
    static final class Builder {
        private int placed;
        private final Map<String, List<Integer>> absent = new LinkedHashMap<>();

        void placed() {
            placed++;
        }

        void absent(String reason, int ecgId) {
            absent.computeIfAbsent(reason, k -> new ArrayList<>()).add(ecgId);
        }

        FiducialSummary build() {
            return new FiducialSummary(true, placed, absent);
        }
    }

    @Override
    public String toString() {
        if (!requested) {
            return "fiducial points: not requested\n";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "fiducial points (ECGdeli, aligned to the beat): %d placed, %d absent%n", placed, absentCount()));
        absent.forEach((reason, ids) -> sb.append("  absent, ").append(reason).append(": ")
                .append(ids.subList(0, Math.min(10, ids.size()))).append(ids.size() > 10 ? " ..." : "")
                .append('\n'));
        return sb.toString();
    }
}
