package org.ecglab.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.stats.Holm;
import org.ecglab.stats.PairedTest;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Statements such as "method A scores higher than method B" backed by statistics: paired Wilcoxon signed-rank tests
 * ({@link PairedTest}) on the units both methods were scored on (e.g. the same ECGs), with Holm's correction
 * ({@link Holm}) over every comparison made, so that the family-wise error rate stays at α however many pairs a
 * notebook looks at. A difference counts only if its Holm-adjusted p is at most α; the {@code higher} column then
 * names the method with the higher scores ({@code W+ > W−}), otherwise it says {@value #NONE}.
 *
 * <p>Result columns: {@code method_a, method_b, n, median_difference, mean_difference, p, p_holm, higher}
 * (preceded by a {@code group} column for {@link #withinGroups}); differences are {@code a − b}.
 * {@link Claims#higher} checks a row in a notebook. "Methods" are whatever the method column holds: method labels,
 * or e.g. the measures of one method pair.
 */
public final class MethodComparisons {
    /** {@code higher} value when the difference is not significant. */
    public static final String NONE = "none";
    /** The family-wise error rate used unless a caller chooses another. */
    public static final double ALPHA = 0.05;

    private MethodComparisons() {
    }

    /**
     * Every pair of {@code methods}, in the order given ({@code a} before {@code b}).
     *
     * @param rows        one row per unit × method
     * @param unitColumns the columns that identify a unit, e.g. {@code task, ecg_id}
     * @throws IllegalArgumentException if fewer than two methods are given or two methods share no scored unit
     */
    public static Table pairwise(Table rows, List<String> unitColumns, String methodColumn, String scoreColumn,
            List<String> methods, double alpha) {
        if (methods.size() < 2) {
            throw new IllegalArgumentException("need at least two methods to compare, got " + methods);
        }
        List<String[]> pairs = new ArrayList<>();
        for (int a = 0; a < methods.size(); a++) {
            for (int b = a + 1; b < methods.size(); b++) {
                pairs.add(new String[] {methods.get(a), methods.get(b)});
            }
        }
        Map<String, Map<String, Double>> scores = scores(rows, unitColumns, methodColumn, scoreColumn);
        List<PairedTest> tests = pairs.stream().map(p -> test(scores, p, scoreColumn)).toList();
        return table(pairs, tests, null, alpha);
    }

    /**
     * Each of {@code methods} against one {@code reference} (e.g. the random order of a perturbation test), Holm
     * over the methods.
     */
    public static Table againstReference(Table rows, List<String> unitColumns, String methodColumn,
            String scoreColumn, List<String> methods, String reference, double alpha) {
        List<String[]> pairs = new ArrayList<>();
        for (String m : methods) {
            if (!m.equals(reference)) {
                pairs.add(new String[] {m, reference});
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no method to compare with " + reference);
        }
        Map<String, Map<String, Double>> scores = scores(rows, unitColumns, methodColumn, scoreColumn);
        List<PairedTest> tests = pairs.stream().map(p -> test(scores, p, scoreColumn)).toList();
        return table(pairs, tests, null, alpha);
    }

    /**
     * The same comparison of {@code a} with {@code b} within each group of rows (e.g. absolute against signed
     * agreement within each pair of methods, where {@code groupColumns} are {@code method_a, method_b}), Holm over the
     * groups. The {@code group} column joins the group's values with " / ".
     */
    public static Table withinGroups(Table rows, List<String> groupColumns, List<String> unitColumns,
            String methodColumn, String scoreColumn, String a, String b, double alpha) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        List<Column<?>> keys = groupColumns.stream().<Column<?>>map(rows::column).toList();
        for (int r = 0; r < rows.rowCount(); r++) {
            List<String> key = new ArrayList<>();
            for (Column<?> c : keys) {
                key.add(c.getString(r));
            }
            groups.computeIfAbsent(String.join(" / ", key), k -> new ArrayList<>()).add(r);
        }
        List<String[]> pairs = new ArrayList<>();
        List<PairedTest> tests = new ArrayList<>();
        for (List<Integer> members : groups.values()) {
            String[] pair = {a, b};
            pairs.add(pair);
            tests.add(test(scores(rows.rows(members.stream().mapToInt(Integer::intValue).toArray()), unitColumns,
                    methodColumn, scoreColumn), pair, scoreColumn));
        }
        return table(pairs, tests, new ArrayList<>(groups.keySet()), alpha);
    }

    /** Method → unit → score. */
    private static Map<String, Map<String, Double>> scores(Table rows, List<String> unitColumns, String methodColumn,
            String scoreColumn) {
        Map<String, Map<String, Double>> byMethod = new HashMap<>();
        List<Column<?>> units = unitColumns.stream().<Column<?>>map(rows::column).toList();
        for (int r = 0; r < rows.rowCount(); r++) {
            StringBuilder unit = new StringBuilder();
            for (Column<?> c : units) {
                unit.append(c.getString(r)).append('\u0000');
            }
            byMethod.computeIfAbsent(rows.stringColumn(methodColumn).get(r), k -> new HashMap<>())
                    .put(unit.toString(), rows.numberColumn(scoreColumn).getDouble(r));
        }
        return byMethod;
    }

    private static PairedTest test(Map<String, Map<String, Double>> byMethod, String[] pair, String scoreColumn) {
        Map<String, Double> a = byMethod.get(pair[0]);
        Map<String, Double> b = byMethod.get(pair[1]);
        if (a == null || b == null) {
            throw new IllegalArgumentException("no " + scoreColumn + " rows for method "
                    + (a == null ? pair[0] : pair[1]) + "; methods present: " + byMethod.keySet());
        }
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        a.forEach((unit, s) -> {
            Double t = b.get(unit);
            if (t != null && Double.isFinite(s) && Double.isFinite(t)) {
                x.add(s);
                y.add(t);
            }
        });
        if (x.isEmpty()) {
            throw new IllegalArgumentException(pair[0] + " and " + pair[1] + " share no unit with a defined "
                    + scoreColumn);
        }
        return PairedTest.wilcoxon(x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Table table(List<String[]> pairs, List<PairedTest> tests, List<String> groups, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        double[] adjusted = Holm.adjust(tests.stream().mapToDouble(PairedTest::p).toArray());
        Table out = Table.create("method_comparisons");
        if (groups != null) {
            out.addColumns(StringColumn.create("group"));
        }
        out.addColumns(StringColumn.create("method_a"), StringColumn.create("method_b"), IntColumn.create("n"),
                DoubleColumn.create("median_difference"), DoubleColumn.create("mean_difference"),
                DoubleColumn.create("p"), DoubleColumn.create("p_holm"), StringColumn.create("higher"));
        for (int i = 0; i < pairs.size(); i++) {
            PairedTest t = tests.get(i);
            if (groups != null) {
                out.stringColumn("group").append(groups.get(i));
            }
            out.stringColumn("method_a").append(pairs.get(i)[0]);
            out.stringColumn("method_b").append(pairs.get(i)[1]);
            out.intColumn("n").append(t.n() + t.zeros());
            out.doubleColumn("median_difference").append(t.medianDifference());
            out.doubleColumn("mean_difference").append(t.meanDifference());
            out.doubleColumn("p").append(t.p());
            out.doubleColumn("p_holm").append(adjusted[i]);
            out.stringColumn("higher").append(adjusted[i] > alpha || t.wPlus() == t.wMinus() ? NONE
                    : t.firstHigher() ? pairs.get(i)[0] : pairs.get(i)[1]);
        }
        return out;
    }

    /**
     * The row comparing {@code a} and {@code b} (in either order) of a comparisons table.
     *
     * @throws IllegalArgumentException if the table has no such row
     */
    public static Table row(Table comparisons, String a, String b) {
        Table r = Summaries.select(comparisons, "method_a", a, "method_b", b);
        if (r.rowCount() == 0) {
            r = Summaries.select(comparisons, "method_a", b, "method_b", a);
        }
        if (r.rowCount() != 1) {
            throw new IllegalArgumentException("no single comparison of " + a + " with " + b + " in "
                    + comparisons.name() + " (" + r.rowCount() + " rows; select one group first)");
        }
        return r;
    }
}
