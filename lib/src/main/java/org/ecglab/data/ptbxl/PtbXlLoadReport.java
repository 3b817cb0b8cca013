package org.ecglab.data.ptbxl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.Split;

/**
 * What a PTB-XL(+) load did: records in the table and loaded, positives per class and split, the SCP statements
 * that no rule maps (with the number of records carrying each), statements that were mapped but below their
 * likelihood threshold, and the records whose files were missing on disk.
 *
 * @param source          what was loaded (folder and median-beat source)
 * @param recordsInTable  rows of ptbxl_database.csv considered
 * @param loaded          records in the resulting dataset
 * @param splitSizes      records per split
 * @param counts          positives per split and class
 * @param unmapped        statement to number of records, for statements without a mapping rule, most frequent first
 * @param belowThreshold  statement to number of records where a mapped statement's likelihood was too low
 * @param missingOnDisk   ecg_ids whose median-beat files do not exist
 * @param releaseMissing  how many of the release's {@value PtbXlPlusMedianBeats#RELEASE_RECORDS} ECGs have no beat of
 *                        this source according to the release's description (-1 if unknown), to compare with
 * @param units           how the units rule was applied
 * @param fiducials       what happened to ECGdeli fiducial points
 */
public record PtbXlLoadReport(String source, int recordsInTable, int loaded, Map<Split, Integer> splitSizes,
        Map<Split, Map<DiagnosticClass, Integer>> counts, Map<String, Integer> unmapped,
        Map<String, Integer> belowThreshold, List<Integer> missingOnDisk, int releaseMissing,
        UnitCheckSummary units, FiducialSummary fiducials) {

    public PtbXlLoadReport {
        splitSizes = Collections.unmodifiableMap(new LinkedHashMap<>(splitSizes));
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        unmapped = Collections.unmodifiableMap(byCountDescending(unmapped));
        belowThreshold = Collections.unmodifiableMap(byCountDescending(belowThreshold));
        missingOnDisk = List.copyOf(missingOnDisk);
    }

    private static Map<String, Integer> byCountDescending(Map<String, Integer> m) {
        Map<String, Integer> out = new LinkedHashMap<>();
        m.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * The missing-file count set against the release's: "as in the release" when the whole table was considered and
     * the counts agree, a warning when they differ, and the release's figure for reference on a partial load.
     */
    public String releaseComparison() {
        if (releaseMissing < 0) {
            return "";
        }
        int all = PtbXlPlusMedianBeats.RELEASE_RECORDS;
        String release = String.format(Locale.ROOT, "the PTB-XL+ 1.0.1 release is described as lacking this source's "
                + "beat for %,d of %,d ECGs", releaseMissing, all);
        if (recordsInTable != all) {
            return String.format(Locale.ROOT, "missing: %,d of %,d records considered (%s)%n", missingOnDisk.size(),
                    recordsInTable, release);
        }
        return missingOnDisk.size() == releaseMissing
                ? String.format(Locale.ROOT, "missing: %,d of %,d, as in the release (%s)%n", missingOnDisk.size(), all,
                        release)
                : String.format(Locale.ROOT, "missing: %,d of %,d, NOT as in the release (%s): is the download "
                        + "complete?%n", missingOnDisk.size(), all, release);
    }

    /** Positives of one class over all splits. */
    public int total(DiagnosticClass c) {
        return counts.values().stream().mapToInt(m -> m.getOrDefault(c, 0)).sum();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(source).append('\n');
        sb.append(String.format(Locale.ROOT, "records: %d in table, %d loaded, %d missing on disk%n", recordsInTable, loaded,
                missingOnDisk.size()));
        sb.append(String.format(Locale.ROOT, "%-6s %7s %7s %7s %7s%n", "class", "train", "val", "test", "total"));
        for (DiagnosticClass c : DiagnosticClass.values()) {
            sb.append(String.format(Locale.ROOT, "%-6s %7d %7d %7d %7d%n", c.id(), counts.get(Split.TRAIN).get(c),
                    counts.get(Split.VALIDATION).get(c), counts.get(Split.TEST).get(c), total(c)));
        }
        sb.append(String.format(Locale.ROOT, "%-6s %7d %7d %7d %7d%n", "all", splitSizes.get(Split.TRAIN),
                splitSizes.get(Split.VALIDATION), splitSizes.get(Split.TEST), loaded));
        sb.append("unmapped statements (records): ").append(unmapped.isEmpty() ? "none" : unmapped).append('\n');
        if (!belowThreshold.isEmpty()) {
            sb.append("mapped but below min_likelihood (records): ").append(belowThreshold).append('\n');
        }
        if (!missingOnDisk.isEmpty()) {
            List<Integer> shown = missingOnDisk.subList(0, Math.min(20, missingOnDisk.size()));
            sb.append("missing on disk (ecg_id): ").append(shown)
                    .append(missingOnDisk.size() > shown.size() ? " ..." : "").append('\n');
        }
        sb.append(releaseComparison());
        sb.append(units);
        sb.append(fiducials);
        return sb.toString();
    }
}
