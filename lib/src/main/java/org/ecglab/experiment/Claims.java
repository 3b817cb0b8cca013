package org.ecglab.experiment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Checks for the claims a notebook's prose makes about the numbers its cells compute. Each check returns a line to
 * print ({@code "checked: ..."}) when the claim holds and throws an {@link AssertionError} naming the claim and what
 * was found when it does not, so that a cell stops, and the notebook fails, the moment its text stops being true.
 */
public final class Claims {
    private Claims() {
    }

    /**
     * A claim decided by the caller.
     *
     * @param claim what the prose says, e.g. "the four limb-lead identities hold exactly"
     * @param found what was measured, shown in both outcomes
     */
    public static String check(boolean holds, String claim, String found) {
        if (!holds) {
            throw new AssertionError("claim failed: " + claim + "; found " + found);
        }
        return "checked: " + claim + " (" + found + ")";
    }

    /** {@code lo <= value <= hi}. */
    public static String between(String what, double value, double lo, double hi) {
        return check(value >= lo && value <= hi, what + " lies in [" + bound(lo) + ", " + bound(hi) + "]",
                num(value));
    }

    /** {@code value < bound}. */
    public static String below(String what, double value, double bound) {
        return check(value < bound, what + " is below " + bound(bound), num(value));
    }

    /**
     * Every value of {@code column} is at least {@code min}; the message names the rows below it by
     * {@code labelColumns} (e.g. task and seed) and reports the lowest value.
     *
     * @throws IllegalArgumentException if a column is missing or not numeric
     */
    public static String allAtLeast(Table table, String column, double min, String... labelColumns) {
        NumericColumn<?> values = table.numberColumn(column);
        String claim = "all " + table.rowCount() + " rows have " + column + " >= " + bound(min);
        if (table.rowCount() == 0) {
            return check(false, claim, "no rows");
        }
        List<String> below = new ArrayList<>();
        int lowest = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            double v = values.getDouble(r);
            if (v < values.getDouble(lowest)) {
                lowest = r;
            }
            if (!(v >= min)) {
                below.add(label(table, r, labelColumns) + " " + num(v));
            }
        }
        String found = below.isEmpty() ? "lowest " + num(values.getDouble(lowest)) + ", "
                + label(table, lowest, labelColumns) : below.size() + " below: " + below;
        return check(below.isEmpty(), claim, found);
    }

    /**
     * {@code a}'s 95% interval lies wholly above {@code b}'s (non-overlapping intervals), e.g. two rows of a summary
     * with {@code ci_low} and {@code ci_high}: the statement "a is higher than b" backed without a test, for samples
     * too small for a paired test to reach significance.
     */
    public static String intervalAbove(String a, double aLow, double aHigh, String b, double bLow, double bHigh) {
        return check(aLow > bHigh, "the 95% interval of " + a + " lies above that of " + b, String.format(Locale.ROOT,
                "%s [%.4g, %.4g], %s [%.4g, %.4g]", a, aLow, aHigh, b, bLow, bHigh));
    }

    /**
     * {@code a} scores higher than {@code b} by a paired test corrected for multiple comparisons: the row of a
     * {@link MethodComparisons} table names {@code a} in its {@code higher} column.
     *
     * @param what the score compared, e.g. "self-consistency (Spearman, absolute)"
     */
    public static String higher(Table comparisons, String a, String b, String what) {
        Table row = MethodComparisons.row(comparisons, a, b);
        double median = row.doubleColumn("median_difference").get(0);
        String found = String.format(Locale.ROOT, "median of %s - %s = %.4g, Holm-adjusted p = %.3g, n = %d", a, b,
                row.stringColumn("method_a").get(0).equals(a) ? median : -median, row.doubleColumn("p_holm").get(0),
                row.intColumn("n").get(0));
        return check(row.stringColumn("higher").get(0).equals(a), a + " scores higher than " + b + " on " + what
                + " (Wilcoxon signed-rank, Holm-corrected)", found);
    }

    private static String label(Table table, int row, String... columns) {
        List<String> parts = new ArrayList<>();
        for (String c : columns) {
            Column<?> column = table.column(c);
            parts.add(column.getString(row));
        }
        return String.join(" ", parts);
    }

    /** A measured value, to four significant digits. */
    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** A bound as the prose writes it: 0.95, 300, and small ones in Java's exponent form, 1.0E-12. */
    private static String bound(double v) {
        return v != 0 && Math.abs(v) < 1e-3 ? Double.toString(v)
                : new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
