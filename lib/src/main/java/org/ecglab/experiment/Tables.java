package org.ecglab.experiment;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/** Display helpers for result tables in notebooks and on the command line. */
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
}
