package org.ecglab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecglab.attribution.ProgressListener;
import org.ecglab.data.EcgDataset;
import org.ecglab.metrics.MapMeasure;
import org.ecglab.stats.AverageLinkage;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Experiment 1, inter-method similarity (Arends et al. 2026): every configured method explains the same task model
 * on the same ECGs (positives of the task), and every pair of maps is compared by each configured
 * {@link MapMeasure} (Spearman rank correlation of the flattened maps, on absolute and on signed values, by default).
 * A map without a lead axis (Grad-CAM) is compared with a 12-lead map on the time axis
 * ({@link org.ecglab.metrics.MapSimilarity}: the other map reduced to its time profile).
 *
 * <p>Output: one row per ECG × method pair × measure with columns {@code ecg_id, task, method_a, method_b, measure,
 * score} (NaN where a map is constant). Maps come from the {@link MapStore} under the cache folder (shared with the
 * other experiments); each task's rows are cached as a whole, keyed by the config, the model's weights, the target
 * and the ECGs' content, so an interrupted run resumes at the first unfinished chunk of maps.
 * {@link #summarize} adds means with bootstrap intervals; {@link #matrix} and {@link #clusteredOrder} give the
 * method-by-method heatmap.
 */
public final class MethodSimilarityExperiment {
    /** Label of the rows pooled over tasks. */
    public static final String POOLED = Summaries.POOLED;

    private final MethodSimilarityConfig config;
    private final ResultCache cache;
    private final MapStore maps;
    private final ProgressListener progress;

    /** An experiment with its own cache over {@code config.cacheDir()}, reporting no progress. */
    public MethodSimilarityExperiment(MethodSimilarityConfig config) {
        this(config, ProgressListener.NONE);
    }

    /**
     * @param progress told how many maps (ECGs × methods, over all tasks) are done
     */
    public MethodSimilarityExperiment(MethodSimilarityConfig config, ProgressListener progress) {
        this.config = Objects.requireNonNull(config, "config");
        this.cache = new ResultCache(config.cacheDir());
        this.maps = MapStore.under(config.cacheDir());
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The configuration. */
    public MethodSimilarityConfig config() {
        return config;
    }

    /** Number of task tables computed (not loaded from the cache) by this instance. */
    public int computedTasks() {
        return cache.computedCount();
    }

    /** The store the maps come from (its counters say how many chunks were computed and loaded). */
    public MapStore maps() {
        return maps;
    }

    /** The per-ECG rows for all tasks, in the order of {@code models}. */
    public Table run(EcgDataset data, List<TaskModel> models) {
        List<EcgSelection> selections = models.stream()
                .map(tm -> EcgSelection.positives(data, config.split(), tm.task(), config.maxEcgsPerTask())).toList();
        ProgressParts parts = new ProgressParts(progress, selections.stream()
                .mapToLong(s -> (long) s.size() * config.methods().size()).sum());
        BaselinePolicy baselines = BaselinePolicy.of(data);
        Table all = emptyTable();
        for (int i = 0; i < models.size(); i++) {
            all.append(runTask(models.get(i), selections.get(i), baselines,
                    parts.next((long) selections.get(i).size() * config.methods().size())));
        }
        return all;
    }

    /** The per-ECG rows of one task, loaded from the cache when present. */
    public Table runTask(EcgDataset data, TaskModel tm) {
        return runTask(tm, EcgSelection.positives(data, config.split(), tm.task(), config.maxEcgsPerTask()),
                BaselinePolicy.of(data), progress);
    }

    private Table runTask(TaskModel tm, EcgSelection selection, BaselinePolicy baselines,
            ProgressListener taskProgress) {
        if (selection.size() == 0) {
            return emptyTable();
        }
        String key = config.canonical() + "; " + tm.key() + "; " + selection.key() + "; " + baselines.key();
        return cache.getOrCompute("method_similarity-" + tm.task().id(), key, columnTypes(),
                () -> compute(tm, selection, baselines, taskProgress));
    }

    private Table compute(TaskModel tm, EcgSelection selection, BaselinePolicy baselines,
            ProgressListener taskProgress) {
        Table table = emptyTable();
        List<String> labels = MethodLists.labels(config.methods());
        List<String> ids = selection.ids();
        int[] targets = new int[selection.size()];
        Arrays.fill(targets, tm.target());
        maps.forEachChunk(config.methods(), tm.model(), selection.signals(), targets, baselines, taskProgress,
                (from, chunk) -> {
            for (int e = 0; e < chunk.get(0).length; e++) {
                for (MapMeasure measure : config.measures()) {
                    double[][] prepared = new double[labels.size()][];
                    for (int m = 0; m < labels.size(); m++) {
                        prepared[m] = measure.prepare(chunk.get(m)[e]);
                    }
                    for (int a = 0; a < labels.size(); a++) {
                        for (int b = a + 1; b < labels.size(); b++) {
                            float[][] mapA = chunk.get(a)[e];
                            float[][] mapB = chunk.get(b)[e];
                            // Maps of different lead counts are matched pairwise, so they cannot share preparations.
                            double s = mapA.length == mapB.length ? measure.between(prepared[a], prepared[b])
                                    : measure.compare(mapA, mapB);
                            addRow(table, ids.get(from + e), tm.task().id(), labels.get(a), labels.get(b),
                                    measure.label(), s);
                        }
                    }
                }
            }
        });
        return table;
    }

    /**
     * Mean score with a percentile bootstrap interval per task × method pair × measure, and pooled over tasks (task
     * {@value #POOLED}); see {@link Summaries#meanByGroup}. Columns: {@code task, method_a, method_b, measure, n,
     * n_undefined, mean, ci_low, ci_high}.
     */
    public Table summarize(Table rows) {
        return Summaries.meanByGroup(rows, List.of("task", "method_a", "method_b", "measure"), "task", "score",
                config.bootstrapResamples(), config.seed(), "method_similarity_summary");
    }

    /**
     * The mean score of one row of a {@link #summarize} table.
     *
     * @param task a class id or {@value #POOLED}
     * @throws IllegalArgumentException if the summary has no such row
     */
    public static double mean(Table summary, String task, String methodA, String methodB, MapMeasure measure) {
        return Summaries.value(summary, "mean", "task", task, "method_a", methodA, "method_b", methodB, "measure",
                measure.label());
    }

    /**
     * The symmetric method-by-method matrix of mean scores of one task (or {@value #POOLED}) and measure, in the
     * order of {@code methods}, with 1 on the diagonal (a map compared with itself) and NaN where every ECG's score of
     * the pair was undefined (a constant map).
     *
     * @throws IllegalArgumentException if a pair is missing from the summary
     */
    public static double[][] matrix(Table summary, String task, MapMeasure measure, List<String> methods) {
        int n = methods.size();
        double[][] m = new double[n][n];
        for (int a = 0; a < n; a++) {
            m[a][a] = 1;
            for (int b = a + 1; b < n; b++) {
                Table row = Summaries.select(summary, "task", task, "measure", measure.label(), "method_a",
                        methods.get(a), "method_b", methods.get(b));
                if (row.rowCount() == 0) {
                    row = Summaries.select(summary, "task", task, "measure", measure.label(), "method_a",
                            methods.get(b), "method_b", methods.get(a));
                }
                if (row.rowCount() != 1) {
                    throw new IllegalArgumentException("summary has no row for " + methods.get(a) + " vs "
                            + methods.get(b) + " (" + task + ", " + measure.label() + ")");
                }
                m[a][b] = row.doubleColumn("mean").getDouble(0);
                m[b][a] = m[a][b];
            }
        }
        return m;
    }

    /**
     * The methods in the leaf order of an average-linkage clustering ({@link AverageLinkage}) on the distance
     * {@code 1 − mean score}, so that methods that agree sit next to each other in the heatmap; an undefined mean (a
     * method whose map was constant on every ECG) counts as a score of 0.
     */
    public static List<String> clusteredOrder(Table summary, String task, MapMeasure measure, List<String> methods) {
        double[][] s = matrix(summary, task, measure, methods);
        double[][] d = new double[s.length][s.length];
        for (int a = 0; a < s.length; a++) {
            for (int b = 0; b < s.length; b++) {
                // An undefined mean (every ECG's score NaN: a constant map) is no evidence of agreement: score 0.
                d[a][b] = 1 - (Double.isNaN(s[a][b]) ? 0 : s[a][b]);
            }
        }
        List<String> out = new ArrayList<>();
        for (int i : AverageLinkage.leafOrder(d)) {
            out.add(methods.get(i));
        }
        return out;
    }

    private static Table emptyTable() {
        return Table.create("method_similarity", StringColumn.create("ecg_id"), StringColumn.create("task"),
                StringColumn.create("method_a"), StringColumn.create("method_b"), StringColumn.create("measure"),
                DoubleColumn.create("score"));
    }

    private static ColumnType[] columnTypes() {
        return new ColumnType[] {ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.STRING,
                ColumnType.STRING, ColumnType.DOUBLE};
    }

    private static void addRow(Table t, String ecgId, String task, String a, String b, String measure, double s) {
        t.stringColumn("ecg_id").append(ecgId);
        t.stringColumn("task").append(task);
        t.stringColumn("method_a").append(a);
        t.stringColumn("method_b").append(b);
        t.stringColumn("measure").append(measure);
        t.doubleColumn("score").append(s);
    }
}
