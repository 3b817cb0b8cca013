package org.ecglab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ecglab.metrics.Aopc;
import org.ecglab.metrics.PerturbationOrder;
import org.ecglab.stats.BinaryMetrics;
import org.ecglab.stats.BootstrapInterval;
import org.ecglab.stats.PercentileBootstrap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Perturbation curves and areas over them, with percentile bootstrap 95% intervals over ECGs, from the rows of
 * {@link PerturbationExperiment}. The random reference's rankings are averaged per ECG first (its curve is the
 * expected effect of removing features at random).
 *
 * <ul>
 *   <li>mean target logit of the positives: the mean over positive ECGs at each percentage; its AOPC is the mean of
 *       the ECGs' own AOPCs ({@link Aopc}), bootstrapped over positives;</li>
 *   <li>AUROC of the task on its perturbed positives and negatives; its AOPC is that of the AUROC curve, bootstrapped
 *       over the task's ECGs. Pooled over tasks: the mean of the tasks' values, bootstrapped over all ECGs at once
 *       (a resample without both classes of some task is skipped).</li>
 * </ul>
 */
public final class PerturbationSummary {
    private PerturbationSummary() {
    }

    /** One task's ECGs for one method and order: labels and logits {@code [ECG][grid point]}. */
    record TaskCurves(List<String> ids, int[] labels, double[][] logits) {
        double[] column(int j) {
            double[] out = new double[logits.length];
            for (int e = 0; e < out.length; e++) {
                out[e] = logits[e][j];
            }
            return out;
        }
    }

    /** The rows regrouped: (method, order) → task → curves; and the percentage grid. */
    private record Grouped(List<Double> grid, Map<List<String>, Map<String, TaskCurves>> groups) {
    }

    private static Grouped group(Table rows) {
        List<Double> grid = new ArrayList<>(new TreeSet<>(rows.doubleColumn("percent").asList()));
        Map<List<String>, Map<String, Map<String, double[]>>> sums = new LinkedHashMap<>();
        Map<String, Integer> labels = new LinkedHashMap<>();
        for (int r = 0; r < rows.rowCount(); r++) {
            String task = rows.stringColumn("task").get(r);
            String ecg = rows.stringColumn("ecg_id").get(r);
            labels.put(task + "/" + ecg, rows.intColumn("label").get(r));
            double[] acc = sums.computeIfAbsent(List.of(rows.stringColumn("method").get(r),
                    rows.stringColumn("order").get(r)), k -> new LinkedHashMap<>())
                    .computeIfAbsent(task, k -> new LinkedHashMap<>())
                    .computeIfAbsent(ecg, k -> new double[2 * grid.size()]);
            int j = grid.indexOf(rows.doubleColumn("percent").getDouble(r));
            acc[j] += rows.doubleColumn("logit").getDouble(r);
            acc[grid.size() + j]++;
        }
        Map<List<String>, Map<String, TaskCurves>> groups = new LinkedHashMap<>();
        sums.forEach((key, byTask) -> {
            Map<String, TaskCurves> curves = new LinkedHashMap<>();
            byTask.forEach((task, byEcg) -> {
                List<String> ids = new ArrayList<>(byEcg.keySet());
                int[] lab = new int[ids.size()];
                double[][] logits = new double[ids.size()][grid.size()];
                for (int e = 0; e < ids.size(); e++) {
                    lab[e] = labels.get(task + "/" + ids.get(e));
                    double[] acc = byEcg.get(ids.get(e));
                    for (int j = 0; j < grid.size(); j++) {
                        logits[e][j] = acc[grid.size() + j] == 0 ? Double.NaN : acc[j] / acc[grid.size() + j];
                    }
                }
                curves.put(task, new TaskCurves(ids, lab, logits));
            });
            groups.put(key, curves);
        });
        return new Grouped(grid, groups);
    }

    /**
     * The curves: per task and pooled × method × order × percentage, the mean logit of the positives and the AUROC,
     * each with its interval. Columns: {@code task, method, order, percent, n_positives, mean_logit, mean_logit_low,
     * mean_logit_high, n, auroc, auroc_low, auroc_high}.
     */
    public static Table curves(Table rows, int resamples, long seed) {
        Grouped g = group(rows);
        Table out = Table.create("perturbation_curves", StringColumn.create("task"), StringColumn.create("method"),
                StringColumn.create("order"), DoubleColumn.create("percent"), IntColumn.create("n_positives"),
                DoubleColumn.create("mean_logit"), DoubleColumn.create("mean_logit_low"),
                DoubleColumn.create("mean_logit_high"), IntColumn.create("n"), DoubleColumn.create("auroc"),
                DoubleColumn.create("auroc_low"), DoubleColumn.create("auroc_high"));
        PercentileBootstrap bootstrap = new PercentileBootstrap(resamples, 0.95, seed);
        forEachGroup(g, (key, task, parts) -> {
            for (int j = 0; j < g.grid().size(); j++) {
                int jj = j;
                double[] positives = positives(parts, c -> c.column(jj));
                BootstrapInterval logit = BootstrapInterval.ofMean(positives, resamples, 0.95, seed);
                PercentileBootstrap.Estimate auroc = pooledBootstrap(bootstrap, parts,
                        (c, sample, count) -> aurocAt(c, sample, count, jj));
                out.stringColumn("task").append(task);
                out.stringColumn("method").append(key.get(0));
                out.stringColumn("order").append(key.get(1));
                out.doubleColumn("percent").append(g.grid().get(j));
                out.intColumn("n_positives").append(positives.length);
                out.doubleColumn("mean_logit").append(logit.mean());
                out.doubleColumn("mean_logit_low").append(logit.lower());
                out.doubleColumn("mean_logit_high").append(logit.upper());
                out.intColumn("n").append(auroc.n());
                out.doubleColumn("auroc").append(auroc.estimate());
                out.doubleColumn("auroc_low").append(auroc.lower());
                out.doubleColumn("auroc_high").append(auroc.upper());
            }
        });
        return out;
    }

    /**
     * The areas over the curves: per task and pooled × method × order, the AOPC of the positives' logits and of the
     * AUROC, each with its interval. Columns: {@code task, method, order, n_positives, aopc_logit, aopc_logit_low,
     * aopc_logit_high, n, aopc_auroc, aopc_auroc_low, aopc_auroc_high}.
     */
    public static Table aopc(Table rows, int resamples, long seed) {
        Grouped g = group(rows);
        Table out = Table.create("perturbation_aopc", StringColumn.create("task"), StringColumn.create("method"),
                StringColumn.create("order"), IntColumn.create("n_positives"), DoubleColumn.create("aopc_logit"),
                DoubleColumn.create("aopc_logit_low"), DoubleColumn.create("aopc_logit_high"), IntColumn.create("n"),
                DoubleColumn.create("aopc_auroc"), DoubleColumn.create("aopc_auroc_low"),
                DoubleColumn.create("aopc_auroc_high"));
        PercentileBootstrap bootstrap = new PercentileBootstrap(resamples, 0.95, seed);
        forEachGroup(g, (key, task, parts) -> {
            double[] perEcg = positives(parts, PerturbationSummary::ecgAopcs);
            BootstrapInterval logit = BootstrapInterval.ofMean(perEcg, resamples, 0.95, seed);
            PercentileBootstrap.Estimate auroc = pooledBootstrap(bootstrap, parts, (c, sample, count) -> {
                double[] curve = new double[g.grid().size()];
                for (int j = 0; j < curve.length; j++) {
                    curve[j] = aurocAt(c, sample, count, j);
                    if (Double.isNaN(curve[j])) {
                        return Double.NaN;
                    }
                }
                return Aopc.of(curve);
            });
            out.stringColumn("task").append(task);
            out.stringColumn("method").append(key.get(0));
            out.stringColumn("order").append(key.get(1));
            out.intColumn("n_positives").append(perEcg.length);
            out.doubleColumn("aopc_logit").append(logit.mean());
            out.doubleColumn("aopc_logit_low").append(logit.lower());
            out.doubleColumn("aopc_logit_high").append(logit.upper());
            out.intColumn("n").append(auroc.n());
            out.doubleColumn("aopc_auroc").append(auroc.estimate());
            out.doubleColumn("aopc_auroc_low").append(auroc.lower());
            out.doubleColumn("aopc_auroc_high").append(auroc.upper());
        });
        return out;
    }

    /**
     * The AOPC of each positive ECG's logit curve: columns {@code ecg_id, task, method, order, aopc}. The units of
     * paired comparisons (e.g. a method's most-relevant-first order against the random reference on the same ECGs).
     */
    public static Table perEcgAopc(Table rows) {
        Grouped g = group(rows);
        Table out = Table.create("perturbation_aopc_per_ecg", StringColumn.create("ecg_id"),
                StringColumn.create("task"), StringColumn.create("method"), StringColumn.create("order"),
                DoubleColumn.create("aopc"));
        g.groups().forEach((key, byTask) -> byTask.forEach((task, c) -> {
            double[] aopcs = ecgAopcs(c);
            for (int e = 0; e < c.ids().size(); e++) {
                if (c.labels()[e] == 1) {
                    out.stringColumn("ecg_id").append(c.ids().get(e));
                    out.stringColumn("task").append(task);
                    out.stringColumn("method").append(key.get(0));
                    out.stringColumn("order").append(key.get(1));
                    out.doubleColumn("aopc").append(aopcs[e]);
                }
            }
        }));
        return out;
    }

    /**
     * Each method's most-relevant-first removal against the random order, on the same positive ECGs: paired Wilcoxon
     * tests of the per-ECG logit AOPCs, Holm over the methods ({@link MethodComparisons#againstReference}). A method
     * whose row names it in {@code higher} finds what the model uses better than chance.
     */
    public static Table versusRandom(Table rows, List<String> methods, double alpha) {
        Table per = perEcgAopc(rows);
        Table morfAndRandom = per.where(per.stringColumn("order").isIn(PerturbationOrder.MORF.label(),
                PerturbationOrder.RANDOM.label()));
        return MethodComparisons.againstReference(morfAndRandom, List.of("task", "ecg_id"), "method", "aopc", methods,
                PerturbationExperiment.RANDOM, alpha).setName("perturbation_versus_random");
    }

    private static double[] ecgAopcs(TaskCurves c) {
        double[] out = new double[c.logits().length];
        for (int e = 0; e < out.length; e++) {
            out[e] = Aopc.of(c.logits()[e]);
        }
        return out;
    }

    /** Receives one method and order's curves of one task, or of all tasks (task {@value Summaries#POOLED}). */
    @FunctionalInterface
    private interface GroupVisitor {
        void visit(List<String> methodAndOrder, String task, List<TaskCurves> parts);
    }

    /** Visits every method and order, each task and then the pooled tasks. */
    private static void forEachGroup(Grouped g, GroupVisitor visitor) {
        g.groups().forEach((key, byTask) -> {
            byTask.forEach((task, curves) -> visitor.visit(key, task, List.of(curves)));
            visitor.visit(key, Summaries.POOLED, new ArrayList<>(byTask.values()));
        });
    }

    /** The values of the positive ECGs of all parts, from a per-ECG vector of each part. */
    private static double[] positives(List<TaskCurves> parts, java.util.function.Function<TaskCurves, double[]> f) {
        List<Double> out = new ArrayList<>();
        for (TaskCurves c : parts) {
            double[] v = f.apply(c);
            for (int e = 0; e < v.length; e++) {
                if (c.labels()[e] == 1) {
                    out.add(v[e]);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A statistic of the ECGs {@code rows[0..count)} (indices into {@code c}, repeats allowed) of one part. */
    @FunctionalInterface
    private interface PartStatistic {
        double of(TaskCurves c, int[] rows, int count);
    }

    /**
     * The mean over parts of a per-part statistic, bootstrapped over all ECGs of all parts at once (a resample's ECGs
     * go back to their part; a resample that leaves a part without positives or negatives is skipped).
     */
    private static PercentileBootstrap.Estimate pooledBootstrap(PercentileBootstrap bootstrap, List<TaskCurves> parts,
            PartStatistic statistic) {
        int n = parts.stream().mapToInt(c -> c.ids().size()).sum();
        int[] part = new int[n];
        int[] within = new int[n];
        for (int p = 0, u = 0; p < parts.size(); p++) {
            for (int e = 0; e < parts.get(p).ids().size(); e++, u++) {
                part[u] = p;
                within[u] = e;
            }
        }
        int[][] members = new int[parts.size()][n];
        int[] counts = new int[parts.size()];
        return bootstrap.estimate(n, sample -> {
            Arrays.fill(counts, 0);
            for (int u : sample) {
                members[part[u]][counts[part[u]]++] = within[u];
            }
            double sum = 0;
            for (int p = 0; p < parts.size(); p++) {
                double v = counts[p] == 0 ? Double.NaN : statistic.of(parts.get(p), members[p], counts[p]);
                if (Double.isNaN(v)) {
                    return Double.NaN;
                }
                sum += v;
            }
            return sum / parts.size();
        });
    }

    /**
     * AUROC at grid point {@code j} of the ECGs {@code rows[0..count)}, by counting positive–negative pairs (ties
     * count one half), the Mann–Whitney form of {@link BinaryMetrics#auroc}; NaN unless both classes are present.
     * Counting is quadratic but cheap for the tens of ECGs per task an experiment perturbs, and it needs no sorting
     * of every bootstrap resample.
     */
    static double aurocAt(TaskCurves c, int[] rows, int count, int j) {
        double wins = 0;
        long pairs = 0;
        for (int a = 0; a < count; a++) {
            if (c.labels()[rows[a]] != 1) {
                continue;
            }
            double positive = c.logits()[rows[a]][j];
            for (int b = 0; b < count; b++) {
                if (c.labels()[rows[b]] == 0) {
                    double negative = c.logits()[rows[b]][j];
                    wins += positive > negative ? 1 : positive == negative ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return pairs == 0 ? Double.NaN : wins / pairs;
    }
}
