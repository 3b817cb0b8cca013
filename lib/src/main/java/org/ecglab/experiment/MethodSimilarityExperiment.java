package org.ecglab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecglab.LibraryVersion;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.AttributionRunner;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.attribution.ProgressListener;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.EcgDataset;
import org.ecglab.metrics.MapSimilarity;
import org.ecglab.metrics.ValueMode;
import org.ecglab.stats.BootstrapInterval;
import org.ecglab.stats.Correlation;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Experiment 1, inter-method similarity (Arends et al. 2026): every configured method explains the same task model
 * on the same ECGs (positives of the task), and every pair of maps is compared by rank correlation of the
 * flattened maps, on absolute and on signed values. A map without a lead axis (Grad-CAM) is compared with the others
 * on the time axis ({@link MapSimilarity}: the other map reduced to its time profile).
 *
 * <p>Output: one row per ECG × method pair × value mode with columns {@code ecg_id, task, method_a, method_b,
 * values} and the score (named after the correlation, {@code spearman} by default; NaN where a map is constant).
 * Each task's rows are cached separately, keyed by the config, the model id, the target and the ECG ids, so an
 * interrupted run resumes at the first unfinished task. {@link #summarize} adds means with bootstrap intervals.
 */
public final class MethodSimilarityExperiment {
    /** Label of the pooled rows in the summary. */
    public static final String POOLED = "pooled";
    // ECGs attributed together; bounds the number of maps held at once to CHUNK × methods.
    private static final int CHUNK = 32;

    private final MethodSimilarityConfig config;
    private final ResultCache cache;
    private final ProgressListener progress;

    /** An experiment with its own cache over {@code config.cacheDir()}, reporting no progress. */
    public MethodSimilarityExperiment(MethodSimilarityConfig config) {
        this(config, ProgressListener.NONE);
    }

    /**
     * @param progress told, per task computed (not loaded from the cache), how many of its maps are done
     */
    public MethodSimilarityExperiment(MethodSimilarityConfig config, ProgressListener progress) {
        this.config = Objects.requireNonNull(config, "config");
        this.cache = new ResultCache(config.cacheDir());
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

    /** The per-ECG rows for all tasks, in the order of {@code models}. */
    public Table run(EcgDataset data, List<TaskModel> models) {
        Table all = emptyTable();
        for (TaskModel tm : models) {
            all.append(runTask(data, tm));
        }
        return all;
    }

    /** The per-ECG rows of one task, loaded from the cache when present. */
    public Table runTask(EcgDataset data, TaskModel tm) {
        int[] selected = data.positives(config.split(), tm.task());
        selected = Arrays.copyOf(selected, Math.min(selected.length, config.maxEcgsPerTask()));
        List<String> ids = new ArrayList<>();
        for (int i : selected) {
            ids.add(data.ids().get(i));
        }
        // Ids and model ids alone do not identify what was computed (synthetic ids repeat across seeds, a retrained
        // model keeps its id), so the key holds the content: the selected signals, the weights and the library.
        String key = config.canonical() + "; task=" + tm.task().id() + "; model=" + tm.model().id() + "; weights="
                + tm.model().parameterFingerprint() + "; target=" + tm.target() + "; ecgs=" + String.join(",", ids)
                + "; signals=" + DatasetHash.of(data.subset(selected)) + "; library=" + LibraryVersion.get();
        int[] rows = selected;
        return cache.getOrCompute("method_similarity-" + tm.task().id(), key, columnTypes(),
                () -> compute(data, tm, rows));
    }

    private Table compute(EcgDataset data, TaskModel tm, int[] selected) {
        Table table = emptyTable();
        List<AttributionMethod> methods = config.methods().stream().map(MethodSpec::create).toList();
        Correlation corr = config.correlation();
        EcgDataset records = data.subset(selected);
        int[] targets = new int[records.size()];
        Arrays.fill(targets, tm.target());
        new AttributionRunner(CHUNK, progress).forEachChunk(methods, tm.model(), records.signals(), targets,
                Baselines.zero(), (from, maps) -> {
                    for (int e = 0; e < maps.get(0).size(); e++) {
                        String ecgId = records.ids().get(from + e);
                        for (ValueMode mode : config.valueModes()) {
                            PreparedMaps prepared = new PreparedMaps(maps, e, mode, corr);
                            for (int a = 0; a < methods.size(); a++) {
                                for (int b = a + 1; b < methods.size(); b++) {
                                    addRow(table, ecgId, tm.task().id(), config.methods().get(a).label(),
                                            config.methods().get(b).label(), mode.label(), prepared.similarity(a, b));
                                }
                            }
                        }
                    }
                });
        return table;
    }

    /**
     * One ECG's maps of every method, prepared once for the correlation in both forms a pair may need: flattened, and
     * as time profiles for pairs where one map has no lead axis ({@link MapSimilarity#timeAxisOnly}).
     */
    private static final class PreparedMaps {
        private final float[][][] maps;
        private final ValueMode mode;
        private final Correlation correlation;
        private final double[][] flat;
        private final double[][] profiles;

        PreparedMaps(List<Attribution> attributions, int ecg, ValueMode mode, Correlation correlation) {
            this.maps = attributions.stream().map(a -> a.map(ecg)).toArray(float[][][]::new);
            this.mode = mode;
            this.correlation = correlation;
            this.flat = new double[maps.length][];
            this.profiles = new double[maps.length][];
        }

        double similarity(int a, int b) {
            boolean timeOnly = MapSimilarity.timeAxisOnly(maps[a], maps[b]);
            return Correlation.ofPrepared(vector(a, timeOnly), vector(b, timeOnly));
        }

        private double[] vector(int m, boolean timeOnly) {
            double[][] cache = timeOnly ? profiles : flat;
            if (cache[m] == null) {
                cache[m] = correlation.prepare(MapSimilarity.comparable(maps[m], mode, timeOnly));
            }
            return cache[m];
        }
    }

    /**
     * Mean score with a percentile bootstrap interval per task × method pair × value mode, and pooled over tasks
     * (task {@value #POOLED}). Rows with an undefined (NaN) score are counted in {@code n_undefined} and left out of
     * the mean. Columns: {@code task, method_a, method_b, values, n, n_undefined, mean, ci_low, ci_high}.
     */
    public Table summarize(Table rows) {
        String score = config.correlation().label();
        Map<List<String>, List<Double>> groups = new LinkedHashMap<>();
        // Pooled groups are kept apart so the summary lists every task first and the pooled rows last.
        Map<List<String>, List<Double>> pooled = new LinkedHashMap<>();
        for (int r = 0; r < rows.rowCount(); r++) {
            String methodA = rows.stringColumn("method_a").get(r);
            String methodB = rows.stringColumn("method_b").get(r);
            String values = rows.stringColumn("values").get(r);
            double s = rows.doubleColumn(score).get(r);
            groups.computeIfAbsent(List.of(rows.stringColumn("task").get(r), methodA, methodB, values),
                    k -> new ArrayList<>()).add(s);
            pooled.computeIfAbsent(List.of(POOLED, methodA, methodB, values), k -> new ArrayList<>()).add(s);
        }
        groups.putAll(pooled);
        Table out = Table.create("method_similarity_summary", StringColumn.create("task"),
                StringColumn.create("method_a"), StringColumn.create("method_b"), StringColumn.create("values"),
                IntColumn.create("n"), IntColumn.create("n_undefined"), DoubleColumn.create("mean"),
                DoubleColumn.create("ci_low"), DoubleColumn.create("ci_high"));
        for (Map.Entry<List<String>, List<Double>> g : groups.entrySet()) {
            double[] defined = g.getValue().stream().mapToDouble(Double::doubleValue).filter(Double::isFinite)
                    .toArray();
            BootstrapInterval ci = BootstrapInterval.ofMean(defined, config.bootstrapResamples(), 0.95,
                    config.seed());
            for (int c = 0; c < 4; c++) {
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
     * The mean score of one row of a {@link #summarize} table.
     *
     * @param task a class id or {@value #POOLED}
     * @throws IllegalArgumentException if the summary has no such row
     */
    public static double mean(Table summary, String task, String methodA, String methodB, ValueMode values) {
        for (int r = 0; r < summary.rowCount(); r++) {
            if (summary.stringColumn("task").get(r).equals(task)
                    && summary.stringColumn("method_a").get(r).equals(methodA)
                    && summary.stringColumn("method_b").get(r).equals(methodB)
                    && summary.stringColumn("values").get(r).equals(values.label())) {
                return summary.doubleColumn("mean").get(r);
            }
        }
        throw new IllegalArgumentException("no summary row for task " + task + ", " + methodA + " vs " + methodB
                + ", " + values.label() + " values");
    }

    private Table emptyTable() {
        return Table.create("method_similarity", StringColumn.create("ecg_id"), StringColumn.create("task"),
                StringColumn.create("method_a"), StringColumn.create("method_b"), StringColumn.create("values"),
                DoubleColumn.create(config.correlation().label()));
    }

    private static ColumnType[] columnTypes() {
        return new ColumnType[] {ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.STRING,
                ColumnType.STRING, ColumnType.DOUBLE};
    }

    private static void addRow(Table t, String ecgId, String task, String a, String b, String values, double s) {
        t.stringColumn("ecg_id").append(ecgId);
        t.stringColumn("task").append(task);
        t.stringColumn("method_a").append(a);
        t.stringColumn("method_b").append(b);
        t.stringColumn("values").append(values);
        t.doubleColumn(5).append(s);
    }
}
