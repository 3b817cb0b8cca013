package org.ecglab.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.metrics.MapSimilarity;
import org.ecglab.metrics.RelevanceMass;
import org.ecglab.metrics.ValueMode;
import org.ecglab.stats.Correlation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Several methods on the first positive test ECGs of a few classes, each explained by its own task model, with the
 * relevance mass inside the ground-truth mask ({@link RelevanceMass}) and the time per ECG: what the method-family
 * notebooks show side by side. The maps are kept for figures.
 *
 * @param table one row per task and method: task, method, ecgs, seconds_per_ecg, mass_inside (mean over the ECGs) and
 *              chance (the mean share of the ECGs' samples inside their masks)
 * @param maps  per task, per method label, the attribution of the task's ECGs (the first is
 *              {@link LabDefaults#exampleEcg})
 * @param ecgs  per task, the dataset indices of the ECGs explained
 */
public record ExampleExplanations(Table table, Map<DiagnosticClass, Map<String, Attribution>> maps,
        Map<DiagnosticClass, int[]> ecgs) {

    /**
     * @param models        one task model per class to explain
     * @param methods       the methods, by label
     * @param ecgsPerClass  at most this many positives of the test split per class
     * @throws IllegalArgumentException if a class has no positive test ECG
     */
    public static ExampleExplanations run(EcgDataset data, List<TaskModel> models, List<MethodSpec> methods,
            int ecgsPerClass) {
        StringColumn task = StringColumn.create("task");
        StringColumn method = StringColumn.create("method");
        IntColumn count = IntColumn.create("ecgs");
        DoubleColumn seconds = DoubleColumn.create("seconds_per_ecg");
        DoubleColumn mass = DoubleColumn.create("mass_inside");
        DoubleColumn chance = DoubleColumn.create("chance");
        Map<DiagnosticClass, Map<String, Attribution>> maps = new LinkedHashMap<>();
        Map<DiagnosticClass, int[]> chosen = new LinkedHashMap<>();
        for (TaskModel tm : models) {
            int[] positives = data.positives(Split.TEST, tm.task());
            if (positives.length == 0) {
                throw new IllegalArgumentException(data.name() + " has no " + tm.task().id() + " ECG in its test split");
            }
            int[] idx = java.util.Arrays.copyOf(positives, Math.min(ecgsPerClass, positives.length));
            float[][][] x = data.subset(idx).signals();
            int[] targets = new int[idx.length];
            java.util.Arrays.fill(targets, tm.target());
            double share = 0;
            for (int i : idx) {
                share += RelevanceMass.maskShare(data.mask(i)) / idx.length;
            }
            Map<String, Attribution> byMethod = new LinkedHashMap<>();
            for (MethodSpec spec : methods) {
                AttributionMethod m = spec.create();
                long start = System.nanoTime();
                Attribution a = m.attribute(tm.model(), x, targets);
                double perEcg = (System.nanoTime() - start) / 1e9 / idx.length;
                double inside = 0;
                for (int k = 0; k < idx.length; k++) {
                    inside += RelevanceMass.inside(a.map(k), data.mask(idx[k])) / idx.length;
                }
                byMethod.put(spec.label(), a);
                task.append(tm.task().id());
                method.append(spec.label());
                count.append(idx.length);
                seconds.append(perEcg);
                mass.append(inside);
                chance.append(share);
            }
            maps.put(tm.task(), byMethod);
            chosen.put(tm.task(), idx);
        }
        return new ExampleExplanations(Table.create("Relevance mass inside the ground-truth mask", task, method, count,
                seconds, mass, chance), maps, chosen);
    }

    /**
     * Per method, the Spearman correlation of its map with {@code reference}'s on every explained ECG (all tasks in
     * order), on absolute or signed values ({@link MapSimilarity}, as experiment 1 compares methods).
     *
     * @throws IllegalArgumentException if {@code reference} was not run
     */
    public Map<String, double[]> agreementWith(String reference, ValueMode mode) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<DiagnosticClass, Map<String, Attribution>> task : maps.entrySet()) {
            Attribution ref = task.getValue().get(reference);
            if (ref == null) {
                throw new IllegalArgumentException("method " + reference + " was not run; methods: "
                        + task.getValue().keySet());
            }
            for (Map.Entry<String, Attribution> m : task.getValue().entrySet()) {
                if (m.getKey().equals(reference)) {
                    continue;
                }
                double[] values = new double[ref.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = MapSimilarity.similarity(ref.map(k), m.getValue().map(k), mode, Correlation.SPEARMAN);
                }
                double[] before = out.getOrDefault(m.getKey(), new double[0]);
                double[] joined = java.util.Arrays.copyOf(before, before.length + values.length);
                System.arraycopy(values, 0, joined, before.length, values.length);
                out.put(m.getKey(), joined);
            }
        }
        return out;
    }

    /** The mean relevance mass inside the mask of {@code method} on {@code task}'s ECGs. */
    public double massInside(DiagnosticClass task, String method) {
        return row(task, method, "mass_inside");
    }

    /** The share of {@code task}'s ECGs' samples inside their masks (a uniform map's mass inside). */
    public double chance(DiagnosticClass task) {
        return row(task, table.stringColumn("method").get(0), "chance");
    }

    private double row(DiagnosticClass task, String method, String column) {
        for (int r = 0; r < table.rowCount(); r++) {
            if (table.stringColumn("task").get(r).equals(task.id()) && table.stringColumn("method").get(r).equals(method)) {
                return table.doubleColumn(column).get(r);
            }
        }
        throw new IllegalArgumentException("no row for task " + task.id() + " and method " + method);
    }
}
