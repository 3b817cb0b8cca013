package org.ecglab.experiment;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ecglab.data.io.AtomicFiles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.csv.CsvWriteOptions;

/** Display and file helpers for result tables in notebooks and on the command line. */
public final class Tables {
    private Tables() {
    }

    /**
     * Sets every double column of {@code table} to print with {@code digits} decimals and returns the table. Only
     * printing changes; the stored values and CSV output keep full precision.
     */
    public static Table rounded(Table table, int digits) {
        if (digits < 0 || digits > 12) {
            throw new IllegalArgumentException("digits must be in [0, 12], got " + digits);
        }
        for (Column<?> column : table.columns()) {
            if (column instanceof DoubleColumn doubles) {
                doubles.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(digits));
            }
        }
        return table;
    }

    /**
     * Writes {@code table} as UTF-8 CSV with a header row, atomically ({@link AtomicFiles}: a reader sees the old file
     * or the new one, never half of it). Values keep full precision: {@link #rounded} affects only printing.
     *
     * @throws IOException naming the file if it cannot be written
     */
    public static void writeCsv(Table table, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            table.write().csv(CsvWriteOptions.builder(w).header(true).usePrintFormatters(false).build());
            w.flush();
        });
    }
}
