package org.ecglab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecglab.attribution.ProgressListener;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.metrics.MapMeasure;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Experiment 2, self-consistency (Arends et al. 2026): K task models per class that differ only in their training
 * seed explain the same ECGs (positives of the task) with the same method; for each method and ECG every pair of
 * the K maps is compared ({@code K(K−1)/2} pairs). A method whose maps reflect what the data say, rather than the
 * accidents of one training run, gives similar maps for equally good models. The study reports mean correlations of
 * 0.41–0.65 for most methods.
 *
 * <p>Output: one row per ECG × method × model pair × measure ({@code ecg_id, task, method, model_a, model_b,
 * measure, score}). The pairs of one ECG are not independent, so {@link #perEcg} first averages them per ECG, and
 * {@link #summarize} bootstraps over ECGs. Maps come from the {@link MapStore}; each task's rows are cached.
 */
public final class SelfConsistencyExperiment {
    private final SelfConsistencyConfig config;
    private final ResultCache cache;
    private final MapStore maps;
    private final ProgressListener progress;

    /**
     * @param progress told how many maps (ECGs × methods × models, over all tasks) are done
     */
    public SelfConsistencyExperiment(SelfConsistencyConfig config, ProgressListener progress) {
        this.config = Objects.requireNonNull(config, "config");
        this.cache = new ResultCache(config.cacheDir());
        this.maps = MapStore.under(config.cacheDir());
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The configuration. */
    public SelfConsistencyConfig config() {
        return config;
    }

    /** Number of task tables computed (not loaded from the cache) by this instance. */
    public int computedTasks() {
        return cache.computedCount();
    }

    /** The store the maps come from. */
    public MapStore maps() {
        return maps;
    }

    /**
     * The per-pair rows of every task, tasks in order of first appearance in {@code models}.
     *
     * @param models at least two models per task (different seeds; ids must differ)
     * @throws IllegalArgumentException if a task has fewer than two models or two with the same id
     */
    public Table run(EcgDataset data, List<TaskModel> models) {
        Map<DiagnosticClass, List<TaskModel>> byTask = new LinkedHashMap<>();
        for (TaskModel tm : models) {
            byTask.computeIfAbsent(tm.task(), t -> new ArrayList<>()).add(tm);
        }
        Map<DiagnosticClass, EcgSelection> selections = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<DiagnosticClass, List<TaskModel>> e : byTask.entrySet()) {
            List<TaskModel> group = e.getValue();
            if (group.size() < 2 || group.stream().map(tm -> tm.model().id()).distinct().count() != group.size()) {
                throw new IllegalArgumentException("task " + e.getKey().id() + " needs at least two models with "
                        + "different ids, got " + group.stream().map(tm -> tm.model().id()).toList());
            }
            EcgSelection s = EcgSelection.positives(data, config.split(), e.getKey(), config.maxEcgsPerTask());
            selections.put(e.getKey(), s);
            total += (long) s.size() * config.methods().size() * group.size();
        }
        ProgressParts parts = new ProgressParts(progress, total);
        BaselinePolicy baselines = BaselinePolicy.of(data);
        Table all = emptyTable();
        for (Map.Entry<DiagnosticClass, List<TaskModel>> e : byTask.entrySet()) {
            List<TaskModel> group = e.getValue();
            EcgSelection s = selections.get(e.getKey());
            ProgressParts taskParts = new ProgressParts(parts.next((long) s.size() * config.methods().size()
                    * group.size()), (long) s.size() * config.methods().size() * group.size());
            if (s.size() == 0) {
                continue;
            }
            StringBuilder key = new StringBuilder(config.canonical()).append("; ").append(s.key()).append("; ")
                    .append(baselines.key());
            group.forEach(tm -> key.append("; ").append(tm.key()));
            all.append(cache.getOrCompute("self_consistency-" + e.getKey().id(), key.toString(), columnTypes(),
                    () -> compute(group, s, baselines, taskParts)));
        }
        return all;
    }

    private Table compute(List<TaskModel> group, EcgSelection selection, BaselinePolicy baselines,
            ProgressParts taskParts) {
        int n = selection.size();
        float[][][] signals = selection.signals();
        int methods = config.methods().size();
        // maps[k][m][e]: model k, method m, ECG e
        float[][][][][] all = new float[group.size()][methods][][][];
        for (int k = 0; k < group.size(); k++) {
            TaskModel tm = group.get(k);
            int[] targets = new int[n];
            Arrays.fill(targets, tm.target());
            float[][][][] perMethod = all[k];
            for (int m = 0; m < methods; m++) {
                perMethod[m] = new float[n][][];
            }
            maps.forEachChunk(config.methods(), tm.model(), signals, targets, baselines,
                    taskParts.next((long) n * methods),
                    (from, chunk) -> {
                        for (int m = 0; m < methods; m++) {
                            System.arraycopy(chunk.get(m), 0, perMethod[m], from, chunk.get(m).length);
                        }
                    });
        }
        Table table = emptyTable();
        List<String> ids = selection.ids();
        String task = group.get(0).task().id();
        for (int e = 0; e < n; e++) {
            for (int m = 0; m < methods; m++) {
                for (MapMeasure measure : config.measures()) {
                    double[][] prepared = new double[group.size()][];
                    for (int k = 0; k < group.size(); k++) {
                        prepared[k] = measure.prepare(all[k][m][e]);
                    }
                    for (int a = 0; a < group.size(); a++) {
                        for (int b = a + 1; b < group.size(); b++) {
                            table.stringColumn("ecg_id").append(ids.get(e));
                            table.stringColumn("task").append(task);
                            table.stringColumn("method").append(config.methods().get(m).label());
                            table.stringColumn("model_a").append(group.get(a).model().id());
                            table.stringColumn("model_b").append(group.get(b).model().id());
                            table.stringColumn("measure").append(measure.label());
                            table.doubleColumn("score").append(measure.between(prepared[a], prepared[b]));
                        }
                    }
                }
            }
        }
        return table;
    }

    /**
     * The mean over model pairs per ECG × method × measure (undefined pairs left out; NaN if all are): columns
     * {@code ecg_id, task, method, measure, score}. These are the units of the summary and of the box plots.
     */
    public static Table perEcg(Table rows) {
        Map<List<String>, double[]> sums = new LinkedHashMap<>();
        for (int r = 0; r < rows.rowCount(); r++) {
            List<String> key = List.of(rows.stringColumn("ecg_id").get(r), rows.stringColumn("task").get(r),
                    rows.stringColumn("method").get(r), rows.stringColumn("measure").get(r));
            double s = rows.doubleColumn("score").getDouble(r);
            double[] acc = sums.computeIfAbsent(key, k -> new double[2]);
            if (Double.isFinite(s)) {
                acc[0] += s;
                acc[1]++;
            }
        }
        Table out = Table.create("self_consistency_per_ecg", StringColumn.create("ecg_id"),
                StringColumn.create("task"), StringColumn.create("method"), StringColumn.create("measure"),
                DoubleColumn.create("score"));
        sums.forEach((key, acc) -> {
            for (int c = 0; c < 4; c++) {
                out.stringColumn(c).append(key.get(c));
            }
            out.doubleColumn("score").append(acc[1] == 0 ? Double.NaN : acc[0] / acc[1]);
        });
        return out;
    }

    /**
     * Mean per-ECG consistency with a bootstrap interval over ECGs, per task × method × measure and pooled over tasks
     * (task {@value Summaries#POOLED}). Columns: {@code task, method, measure, n, n_undefined, mean, ci_low,
     * ci_high}.
     */
    public Table summarize(Table rows) {
        return Summaries.meanByGroup(perEcg(rows), List.of("task", "method", "measure"), "task", "score",
                config.bootstrapResamples(), config.seed(), "self_consistency_summary");
    }

    /**
     * Per-ECG mean consistency of each method for one measure, pooled over tasks (undefined values left out), in
     * the order of the config's methods: the box plot's data.
     */
    public Map<String, double[]> distributions(Table rows, MapMeasure measure) {
        Table per = perEcg(rows);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String method : MethodLists.labels(config.methods())) {
            out.put(method, Summaries.select(per, "method", method, "measure", measure.label())
                    .doubleColumn("score").removeMissing().asDoubleArray());
        }
        return out;
    }

    private static Table emptyTable() {
        return Table.create("self_consistency", StringColumn.create("ecg_id"), StringColumn.create("task"),
                StringColumn.create("method"), StringColumn.create("model_a"), StringColumn.create("model_b"),
                StringColumn.create("measure"), DoubleColumn.create("score"));
    }

    private static ColumnType[] columnTypes() {
        return new ColumnType[] {ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.STRING,
                ColumnType.STRING, ColumnType.STRING, ColumnType.DOUBLE};
    }
}
