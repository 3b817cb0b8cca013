package org.ecglab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.stats.BootstrapInterval;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Means with percentile bootstrap 95% intervals ({@link BootstrapInterval}) of one score column of a result table,
 * per group of rows. Each row must be one independent unit (e.g. one ECG): where an experiment has several rows per
 * unit (the seed pairs of one ECG) it averages them per unit first. Undefined scores (NaN, e.g. the correlation with
 * a constant map) are counted in {@code n_undefined} and left out of the mean, never silently averaged in.
 */
public final class Summaries {
    /** Label of the rows pooled over tasks. */
    public static final String POOLED = "pooled";

    private Summaries() {
    }

    /**
     * One row per distinct combination of {@code groupColumns} (in order of first appearance), and, if
     * {@code poolColumn} is not null, also per combination with that column set to {@value #POOLED} (after all
     * others). Columns: the group columns, {@code n, n_undefined, mean, ci_low, ci_high}.
     *
     * @param groupColumns columns of {@code rows} (any type; compared and reported as text)
     * @param poolColumn   one of the group columns to pool over (e.g. {@code task}), or null
     * @param score        the double column summarised
     */
    public static Table meanByGroup(Table rows, List<String> groupColumns, String poolColumn, String score,
            int resamples, long seed, String name) {
        Map<List<String>, List<Double>> groups = new LinkedHashMap<>();
        Map<List<String>, List<Double>> pooled = new LinkedHashMap<>();
        int pool = poolColumn == null ? -1 : groupColumns.indexOf(poolColumn);
        if (poolColumn != null && pool < 0) {
            throw new IllegalArgumentException("pool column " + poolColumn + " is not a group column " + groupColumns);
        }
        DoubleColumn values = rows.doubleColumn(score);
        List<Column<?>> keys = groupColumns.stream().<Column<?>>map(rows::column).toList();
        for (int r = 0; r < rows.rowCount(); r++) {
            List<String> key = new ArrayList<>(keys.size());
            for (Column<?> k : keys) {
                key.add(k.getString(r));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(values.getDouble(r));
            if (pool >= 0) {
                List<String> pooledKey = new ArrayList<>(key);
                pooledKey.set(pool, POOLED);
                pooled.computeIfAbsent(pooledKey, k -> new ArrayList<>()).add(values.getDouble(r));
            }
        }
        groups.putAll(pooled);
        Table out = Table.create(name);
        for (String c : groupColumns) {
            out.addColumns(StringColumn.create(c));
        }
        out.addColumns(IntColumn.create("n"), IntColumn.create("n_undefined"), DoubleColumn.create("mean"),
                DoubleColumn.create("ci_low"), DoubleColumn.create("ci_high"));
        for (Map.Entry<List<String>, List<Double>> g : groups.entrySet()) {
            double[] defined = g.getValue().stream().mapToDouble(Double::doubleValue).filter(Double::isFinite)
                    .toArray();
            BootstrapInterval ci = BootstrapInterval.ofMean(defined, resamples, 0.95, seed);
            for (int c = 0; c < groupColumns.size(); c++) {
                out.stringColumn(c).append(g.getKey().get(c));
            }
            out.intColumn("n").append(defined.length);
            out.intColumn("n_undefined").append(g.getValue().size() - defined.length);
            out.doubleColumn("mean").append(ci.mean());
            out.doubleColumn("ci_low").append(ci.lower());
            out.doubleColumn("ci_high").append(ci.upper());
        }
        return out;
    }

    /**
     * The rows of {@code table} whose columns equal the given values, e.g.
     * {@code select(summary, "task", "pooled", "measure", "spearman_absolute")}; numeric columns compare numerically
     * ({@code "50"} matches 50.0).
     *
     * @param columnValuePairs column name, value, column name, value, ...
     */
    public static Table select(Table table, String... columnValuePairs) {
        if (columnValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("give column names and values in pairs");
        }
        Table out = table;
        for (int i = 0; i < columnValuePairs.length; i += 2) {
            Column<?> c = out.column(columnValuePairs[i]);
            String v = columnValuePairs[i + 1];
            out = out.where(c instanceof NumericColumn<?> n ? n.isEqualTo(Double.parseDouble(v))
                    : out.stringColumn(columnValuePairs[i]).isEqualTo(v));
        }
        return out;
    }

    /**
     * The value of {@code column} in the one row selected by {@code columnValuePairs}.
     *
     * @throws IllegalArgumentException if no row or more than one row matches (the message names the selection)
     */
    public static double value(Table table, String column, String... columnValuePairs) {
        Table rows = select(table, columnValuePairs);
        if (rows.rowCount() != 1) {
            throw new IllegalArgumentException((rows.rowCount() == 0 ? "no" : rows.rowCount()) + " rows of "
                    + table.name() + " match " + String.join(", ", columnValuePairs));
        }
        return rows.numberColumn(column).getDouble(0);
    }
}
