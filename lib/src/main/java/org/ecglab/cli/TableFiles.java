package org.ecglab.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ecglab.data.io.AtomicFiles;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;

/** Result tables as CSV files. */
final class TableFiles {
    private TableFiles() {
    }

    /**
     * Writes {@code table} as UTF-8 CSV with a header row, atomically (a reader sees the old file or the new one).
     * Values keep full precision: print formatters such as {@code Tables.rounded} affect only printing.
     *
     * @throws IOException if the file cannot be written
     */
    static void writeCsv(Table table, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            table.write().csv(CsvWriteOptions.builder(w).header(true).usePrintFormatters(false).build());
            w.flush();
        });
    }
}
