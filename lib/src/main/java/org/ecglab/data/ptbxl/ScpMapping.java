package org.ecglab.data.ptbxl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ecglab.data.DiagnosticClass;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Which SCP-ECG statements make a record positive for each of the nine {@link DiagnosticClass} tasks, read from a
 * CSV with columns {@code scp_code,task,min_likelihood,notes}. A record carries task {@code T} if it has any
 * statement mapped to {@code T} with likelihood {@code >= min_likelihood}. The default mapping
 * ({@code data/scp_to_task.csv}, rationale in {@code data/README.md}) ships inside the library.
 */
public final class ScpMapping {
    /** One row of the mapping CSV. */
    public record Rule(String scpCode, DiagnosticClass task, double minLikelihood, String notes) {
    }

    /** The labels of one record, and the statements that did not count. */
    public record Labels(boolean[] labels, Set<String> unmapped, Set<String> belowThreshold) {
    }

    private static final String RESOURCE = "scp_to_task.csv";
    private static final String[] COLUMNS = {"scp_code", "task", "min_likelihood", "notes"};

    private final String source;
    private final Map<String, List<Rule>> byCode;

    private ScpMapping(String source, List<Rule> rules) {
        this.source = source;
        Map<String, List<Rule>> m = new LinkedHashMap<>();
        for (Rule r : rules) {
            m.computeIfAbsent(r.scpCode(), k -> new ArrayList<>()).add(r);
        }
        m.replaceAll((k, v) -> List.copyOf(v));
        this.byCode = Collections.unmodifiableMap(m);
    }

    /** The mapping shipped with the library (identical to {@code data/scp_to_task.csv}). */
    public static ScpMapping defaults() {
        try (InputStream in = ScpMapping.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the library jar");
            }
            return read(in, "default mapping (" + RESOURCE + ")");
        } catch (IOException e) {
            throw new IllegalStateException("default SCP mapping is unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a user's mapping CSV.
     *
     * @throws IOException naming the file and line if it is missing, lacks a column, names an unknown task, has a
     *                     likelihood outside 0..100, or repeats a (statement, task) pair
     */
    public static ScpMapping load(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new IOException(csv + ": mapping file does not exist");
        }
        try (InputStream in = Files.newInputStream(csv)) {
            return read(in, csv.toString());
        }
    }

    private static ScpMapping read(InputStream in, String source) throws IOException {
        Table t;
        try {
            // Every column as text: numbers are parsed below, so a bad one is named by line, not by Tablesaw.
            t = Table.read().csv(CsvReadOptions.builder(in).tableName(source).columnTypes(new ColumnType[] {
                    ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.STRING}).build());
        } catch (RuntimeException e) {
            // Tablesaw's own text (kept as the cause, shown with --debug) speaks of its internals, not of the file.
            throw new IOException(source + ": cannot read it as the mapping CSV: expected a header line "
                    + String.join(",", COLUMNS) + " and one rule per line with exactly these 4 fields (text with "
                    + "commas in double quotes)", e);
        }
        if (!t.columnNames().equals(List.of(COLUMNS))) {
            throw new IOException(source + ": columns are " + t.columnNames() + ", expected "
                    + String.join(",", COLUMNS));
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Row row : t) {
            int line = row.getRowNumber() + 2;
            String code = row.getString("scp_code").strip();
            String likelihood = row.getString("min_likelihood").strip();
            if (code.isEmpty() || likelihood.isEmpty()) {
                throw new IOException(source + ": line " + line + ": scp_code and min_likelihood are required");
            }
            DiagnosticClass task;
            try {
                task = DiagnosticClass.parse(row.getString("task"));
            } catch (IllegalArgumentException e) {
                throw new IOException(source + ": line " + line + ": " + e.getMessage(), e);
            }
            double min;
            try {
                min = Double.parseDouble(likelihood);
            } catch (NumberFormatException e) {
                throw new IOException(source + ": line " + line + ": min_likelihood '" + likelihood
                        + "' is not a number (a likelihood 0..100)", e);
            }
            if (!(min >= 0 && min <= 100)) {
                throw new IOException(source + ": line " + line + ": min_likelihood " + min + " is outside 0..100");
            }
            if (!seen.add(code + "->" + task)) {
                throw new IOException(source + ": line " + line + ": " + code + " -> " + task + " appears twice");
            }
            rules.add(new Rule(code, task, min, row.isMissing("notes") ? "" : row.getString("notes")));
        }
        return new ScpMapping(source, rules);
    }

    /** Labels a record from its {@code scp_codes}. */
    public Labels labels(Map<String, Double> scpCodes) {
        boolean[] y = new boolean[DiagnosticClass.ALL.size()];
        Set<String> unmapped = new TreeSet<>();
        Set<String> below = new TreeSet<>();
        for (Map.Entry<String, Double> e : scpCodes.entrySet()) {
            List<Rule> rules = byCode.get(e.getKey());
            if (rules == null) {
                unmapped.add(e.getKey());
                continue;
            }
            for (Rule r : rules) {
                if (e.getValue() >= r.minLikelihood()) {
                    y[r.task().ordinal()] = true;
                } else {
                    below.add(e.getKey());
                }
            }
        }
        return new Labels(y, Collections.unmodifiableSet(unmapped), Collections.unmodifiableSet(below));
    }

    /** Where the mapping was read from. */
    public String source() {
        return source;
    }

    /** All rules in file order. */
    public List<Rule> rules() {
        return byCode.values().stream().flatMap(List::stream).toList();
    }

    /** The statements mapped to each task. */
    public Map<DiagnosticClass, List<String>> statementsByTask() {
        Map<DiagnosticClass, List<String>> m = new EnumMap<>(DiagnosticClass.class);
        for (DiagnosticClass c : DiagnosticClass.values()) {
            m.put(c, new ArrayList<>());
        }
        rules().forEach(r -> m.get(r.task()).add(r.scpCode()));
        return m;
    }

    @Override
    public String toString() {
        return "ScpMapping[" + source + ", " + statementsByTask() + "]";
    }
}
