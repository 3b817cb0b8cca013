package org.ecglab.data.ptbxl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecglab.data.wfdb.WfdbRecord;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * PTB-XL's record table {@code ptbxl_database.csv}, read through Tablesaw with explicit column types for the
 * columns used (ecg_id int, patient_id double, scp_codes, filename_lr and filename_hr strings, strat_fold int);
 * all other columns are skipped unparsed, so type guessing can never change the result.
 */
public final class PtbXlDatabase {
    /** Sampling rate of a raw PTB-XL record. */
    public enum Rate {
        /** 100 Hz ({@code filename_lr}, {@code records100/}). */
        HZ100,
        /** 500 Hz ({@code filename_hr}, {@code records500/}). */
        HZ500
    }

    private static final Map<String, ColumnType> COLUMNS = Map.of("ecg_id", ColumnType.INTEGER, "patient_id",
            ColumnType.DOUBLE, "scp_codes", ColumnType.STRING, "strat_fold", ColumnType.INTEGER, "filename_lr",
            ColumnType.STRING, "filename_hr", ColumnType.STRING);

    private final Path csv;
    private final Map<Integer, PtbXlRecord> records;

    private PtbXlDatabase(Path csv, Map<Integer, PtbXlRecord> records) {
        this.csv = csv;
        this.records = Collections.unmodifiableMap(records);
    }

    /**
     * Reads {@code ptbxl_database.csv}.
     *
     * @throws IOException naming the file if it is missing, lacks a required column, or a row has a malformed
     *                     scp_codes, a missing value or a strat_fold outside 1..10 (with the ecg_id)
     */
    public static PtbXlDatabase load(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new IOException(csv + ": PTB-XL database file does not exist");
        }
        List<String> header = header(csv);
        List<String> missing = COLUMNS.keySet().stream().filter(c -> !header.contains(c)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IOException(csv + ": missing column(s) " + missing + "; is this ptbxl_database.csv?");
        }
        Table table;
        try {
            table = Table.read().csv(CsvReadOptions.builder(csv.toFile())
                    .columnTypes(name -> COLUMNS.getOrDefault(name, ColumnType.SKIP))
                    .maxCharsPerColumn(1 << 16)
                    .build());
        } catch (RuntimeException e) {
            throw new IOException(csv + ": cannot parse CSV: " + e.getMessage(), e);
        }
        Map<Integer, PtbXlRecord> records = new LinkedHashMap<>();
        for (Row row : table) {
            int line = row.getRowNumber() + 2;
            if (row.isMissing("ecg_id") || row.isMissing("strat_fold") || row.isMissing("scp_codes")
                    || row.isMissing("filename_lr") || row.isMissing("filename_hr")) {
                throw new IOException(csv + ": line " + line + ": a required value is empty");
            }
            int id = row.getInt("ecg_id");
            int fold = row.getInt("strat_fold");
            if (fold < 1 || fold > 10) {
                throw new IOException(csv + ": ecg_id " + id + ": strat_fold " + fold + " is outside 1..10");
            }
            Map<String, Double> codes;
            try {
                codes = ScpCodes.parse(row.getString("scp_codes"));
            } catch (IllegalArgumentException e) {
                throw new IOException(csv + ": ecg_id " + id + " (line " + line + "): " + e.getMessage(), e);
            }
            double patient = row.isMissing("patient_id") ? Double.NaN : row.getDouble("patient_id");
            PtbXlRecord r = new PtbXlRecord(id, patient, codes, fold, row.getString("filename_lr"),
                    row.getString("filename_hr"));
            if (records.put(id, r) != null) {
                throw new IOException(csv + ": ecg_id " + id + " appears twice");
            }
        }
        return new PtbXlDatabase(csv, records);
    }

    private static List<String> header(Path csv) throws IOException {
        try (var lines = Files.lines(csv)) {
            String first = lines.findFirst().orElseThrow(() -> new IOException(csv + ": file is empty"));
            List<String> names = new ArrayList<>();
            for (String s : first.split(",")) {
                names.add(s.strip().replace("\"", "").replace("\uFEFF", ""));
            }
            return names;
        }
    }

    /** The CSV this table came from. */
    public Path file() {
        return csv;
    }

    /** All records by ecg_id, in file order. */
    public Map<Integer, PtbXlRecord> records() {
        return records;
    }

    /** The ecg_ids in file order. */
    public Set<Integer> ids() {
        return records.keySet();
    }

    /**
     * The record with the given id.
     *
     * @throws IllegalArgumentException if the table has no such record
     */
    public PtbXlRecord record(int ecgId) {
        PtbXlRecord r = records.get(ecgId);
        if (r == null) {
            throw new IllegalArgumentException(csv + ": no record with ecg_id " + ecgId);
        }
        return r;
    }

    /**
     * Reads the raw 10-second record of {@code ecgId} from a PTB-XL folder (the one holding {@code records100/}
     * and {@code records500/}), checking its WFDB checksums.
     *
     * @throws IOException (a {@link org.ecglab.data.wfdb.WfdbException}) naming the file if it is missing or bad
     */
    public WfdbRecord readRaw(Path ptbxlRoot, int ecgId, Rate rate) throws IOException {
        PtbXlRecord r = record(ecgId);
        return WfdbRecord.read(ptbxlRoot.resolve(rate == Rate.HZ100 ? r.filenameLr() : r.filenameHr()));
    }

    @Override
    public String toString() {
        return "PtbXlDatabase[" + csv + ", " + records.size() + " records]";
    }
}
