package org.ecglab.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ecglab.data.io.AtomicFiles;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * The results table of a registry as a CSV file ({@value #NAME} in the registry folder, or wherever the user asks):
 * one row per output of each model, columns as {@link SuiteResult#table()}, full precision. A run merges its rows
 * into the file, so training a subset of the tasks keeps the rows of the others: a row of the same model, task and
 * seed is replaced, the others are kept. A file that is not a results table of the lab is never replaced.
 */
public final class ResultsFile {
    /** The file name in the registry folder. */
    public static final String NAME = "results.csv";
    private static final String HEADER = String.join(",", SuiteTables.COLUMNS);

    private ResultsFile() {
    }

    /** Whether {@code csv} is a regular file whose first line is the lab's results columns. */
    static boolean isResultsTable(Path csv) {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return HEADER.equals(first == null ? null : first.strip());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Checks, before any training, that the results can be written to {@code csv}.
     *
     * @throws IOException naming the file if it is a folder or special file, cannot be created, or exists and is
     *                     not a results table of the lab
     */
    public static void checkWritable(Path csv) throws IOException {
        AtomicFiles.checkWritable(csv);
        if (Files.isRegularFile(csv) && !isResultsTable(csv)) {
            throw new IOException(csv + " exists and is not a results table of the lab (its first line is not "
                    + "'model,task,seed,...'); refusing to replace it. Give another results file.");
        }
    }

    /**
     * Merges {@code rows} (a {@link SuiteResult#table()}) into {@code csv}, atomically; with a registry folder given,
     * under its results lock, so two runs that finish together both keep their rows.
     *
     * @param registry the registry the rows come from, or null
     * @return the table as written
     * @throws IOException naming the file if it cannot be read or written, or is not a results table of the lab
     */
    public static Table merge(Path csv, Table rows, Path registry) throws IOException {
        if (registry != null && Files.isDirectory(registry)) {
            try (RegistryLock lock = RegistryLock.results(registry)) {
                return mergeUnlocked(csv, rows);
            }
        }
        return mergeUnlocked(csv, rows);
    }

    private static Table mergeUnlocked(Path csv, Table rows) throws IOException {
        checkWritable(csv);
        Table merged = rows.emptyCopy();
        if (Files.isRegularFile(csv)) {
            Table old = read(csv, rows.typeArray());
            Set<String> replaced = new HashSet<>();
            for (int i = 0; i < rows.rowCount(); i++) {
                replaced.add(key(rows, i));
            }
            for (int i = 0; i < old.rowCount(); i++) {
                if (!replaced.contains(key(old, i))) {
                    merged.addRow(i, old);
                }
            }
        }
        merged.append(rows);
        AtomicFiles.write(csv, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            merged.write().csv(CsvWriteOptions.builder(w).header(true).usePrintFormatters(false).build());
            w.flush();
        });
        return merged;
    }

    private static Table read(Path csv, ColumnType[] types) throws IOException {
        try {
            return Table.read().csv(CsvReadOptions.builder(csv.toFile()).columnTypes(types).build());
        } catch (RuntimeException e) {
            throw new IOException(csv + ": cannot read the earlier results to merge into (" + e.getMessage()
                    + "); move the file away or give another results file", e);
        }
    }

    private static String key(Table t, int row) {
        StringBuilder sb = new StringBuilder();
        for (String c : SuiteTables.KEY) {
            sb.append(t.column(c).getString(row)).append('\u0000');
        }
        return sb.toString();
    }

    /** The columns of a results table, in order. */
    public static List<String> columns() {
        return SuiteTables.COLUMNS;
    }
}
