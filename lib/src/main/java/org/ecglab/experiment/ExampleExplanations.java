package org.ecglab.experiment;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.metrics.MapSimilarity;
import org.ecglab.metrics.RelevanceMass;
import org.ecglab.metrics.ValueMode;
import org.ecglab.stats.Correlation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Several methods on the same {@link ClassExamples} (a method with {@code waves} feature masks takes the fiducial
 * points the examples carry, {@link ClassExamples#forExamples}), with the relevance mass of each map inside its ECG's ground-truth
 * mask ({@link RelevanceMass}) and the time per ECG: the side-by-side view of a method-family notebook.
 *
 * @param examples the ECGs and task models
 * @param table    one row per class and method: task, method, ecgs, seconds_per_ecg, mass_inside (mean over the
 *                 ECGs) and chance (the mean share of the ECGs' samples inside their masks: a uniform map's mass)
 * @param maps     per method label, the maps of every class's examples
 */
public record ExampleExplanations(ClassExamples examples, Table table,
        Map<String, Map<DiagnosticClass, Attribution>> maps) {

    /** Runs every method on every class's examples. */
    public static ExampleExplanations run(ClassExamples examples, List<MethodSpec> methods) {
        StringColumn task = StringColumn.create("task");
        StringColumn method = StringColumn.create("method");
        IntColumn count = IntColumn.create("ecgs");
        DoubleColumn seconds = DoubleColumn.create("seconds_per_ecg");
        DoubleColumn mass = DoubleColumn.create("mass_inside");
        DoubleColumn chance = DoubleColumn.create("chance");
        Map<String, Map<DiagnosticClass, Attribution>> maps = new LinkedHashMap<>();
        for (MethodSpec spec : methods) {
            maps.put(spec.label(), new LinkedHashMap<>());
        }
        for (DiagnosticClass c : examples.classes()) {
            int[] idx = examples.indices(c);
            float[][][] x = examples.signals(c);
            double share = Arrays.stream(idx).mapToDouble(i -> RelevanceMass.maskShare(examples.data().mask(i)))
                    .average().orElseThrow();
            for (MethodSpec spec : methods) {
                AttributionMethod m = examples.forExamples(spec.create(), c);
                long start = System.nanoTime();
                Attribution a = m.attribute(examples.model(c), x, new int[x.length]);
                double perEcg = (System.nanoTime() - start) / 1e9 / idx.length;
                double inside = 0;
                for (int k = 0; k < idx.length; k++) {
                    inside += RelevanceMass.inside(a.map(k), examples.data().mask(idx[k])) / idx.length;
                }
                maps.get(spec.label()).put(c, a);
                task.append(c.id());
                method.append(spec.label());
                count.append(idx.length);
                seconds.append(perEcg);
                mass.append(inside);
                chance.append(share);
            }
        }
        return new ExampleExplanations(examples, Table.create("Relevance mass inside the ground-truth mask", task,
                method, count, seconds, mass, chance), maps);
    }

    /** The mean relevance mass inside the mask of {@code method} on {@code task}'s examples. */
    public double massInside(DiagnosticClass task, String method) {
        return row(task, method, "mass_inside");
    }

    /** The mean share of {@code task}'s examples' samples inside their masks (a uniform map's mass inside). */
    public double chance(DiagnosticClass task) {
        return row(task, table.stringColumn("method").get(0), "chance");
    }

    /**
     * Per method other than {@code reference}, the Spearman correlation of its map with {@code reference}'s on every
     * example (classes in order), on absolute or signed values ({@link MapSimilarity}, as experiment 1 compares
     * methods).
     *
     * @throws IllegalArgumentException if {@code reference} was not run
     */
    public Map<String, double[]> agreementWith(String reference, ValueMode mode) {
        Map<DiagnosticClass, Attribution> ref = maps.get(reference);
        if (ref == null) {
            throw new IllegalArgumentException("method " + reference + " was not run; methods: " + maps.keySet());
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<DiagnosticClass, Attribution>> m : maps.entrySet()) {
            if (!m.getKey().equals(reference)) {
                out.put(m.getKey(), ref.entrySet().stream().flatMapToDouble(e -> {
                    Attribution other = m.getValue().get(e.getKey());
                    return java.util.stream.IntStream.range(0, other.size()).mapToDouble(k -> MapSimilarity
                            .similarity(e.getValue().map(k), other.map(k), mode, Correlation.SPEARMAN));
                }).toArray());
            }
        }
        return out;
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
