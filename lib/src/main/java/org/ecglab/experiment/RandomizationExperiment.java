package org.ecglab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecglab.attribution.ProgressListener;
import org.ecglab.data.EcgDataset;
import org.ecglab.metrics.MapMeasure;
import org.ecglab.nn.Architecture;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Experiment 3, dependence on model weights: the model-parameter randomisation test of Adebayo et al. (2018,
 * "Sanity checks for saliency maps"), as Arends et al. (2026) ran it. Each task model's layers are re-initialised
 * ({@link ModelRandomizer}: cascading from the output layer down, or one layer at a time), and after every step each
 * method's map of the randomised model is compared with its map of the trained model on the same ECGs (positives of
 * the task). A method that explains the model must lose the resemblance as the learnt weights go; the study found
 * that some methods keep a residual correlation even when every layer is random.
 *
 * <p>Output: one row per ECG × method × mode × step × measure ({@code ecg_id, task, method, mode, step, layer,
 * measure, score}); {@code step} counts from 1 (output layer) and {@code layer} names the layer re-initialised at that
 * step (in a cascade: the lowest so far). The trained model's maps come from the {@link MapStore}; the randomised
 * models' maps are not kept (they would fill the disk), but each step's rows are cached as soon as they are done, so
 * an interrupted run resumes at the first unfinished step.
 */
public final class RandomizationExperiment {
    private final RandomizationConfig config;
    private final ResultCache cache;
    private final MapStore maps;
    private final ProgressListener progress;

    /**
     * @param progress told how many maps (ECGs × methods × models: the trained one and every step) are done
     */
    public RandomizationExperiment(RandomizationConfig config, ProgressListener progress) {
        this.config = Objects.requireNonNull(config, "config");
        this.cache = new ResultCache(config.cacheDir());
        this.maps = MapStore.under(config.cacheDir());
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The configuration. */
    public RandomizationConfig config() {
        return config;
    }

    /** Number of steps computed (not loaded from the cache) by this instance. */
    public int computedSteps() {
        return cache.computedCount();
    }

    /**
     * The rows of every task, mode and step.
     *
     * @param models one model per task; each must carry its {@link Architecture}
     * @throws IllegalArgumentException if a model has no architecture
     */
    public Table run(EcgDataset data, List<TaskModel> models) {
        List<EcgSelection> selections = new ArrayList<>();
        long total = 0;
        for (TaskModel tm : models) {
            Architecture architecture = architecture(tm);
            EcgSelection s = EcgSelection.positives(data, config.split(), tm.task(), config.maxEcgsPerTask());
            selections.add(s);
            total += unitsPerModel(s) * (1 + (long) config.modes().size()
                    * ModelRandomizer.parameterisedLayersTopDown(architecture).size());
        }
        ProgressParts parts = new ProgressParts(progress, total);
        BaselinePolicy baselines = BaselinePolicy.of(data);
        Table all = emptyTable();
        for (int i = 0; i < models.size(); i++) {
            all.append(runTask(models.get(i), selections.get(i), baselines, parts));
        }
        return all;
    }

    private static Architecture architecture(TaskModel tm) {
        return tm.model().architecture().orElseThrow(() -> new IllegalArgumentException("randomising model "
                + tm.model().id() + " needs its layers, but it wraps a bare DJL block; build it with "
                + "EcgClassifier.of(id, architecture, outputNames)"));
    }

    private long unitsPerModel(EcgSelection s) {
        return (long) s.size() * config.methods().size();
    }

    private Table runTask(TaskModel tm, EcgSelection selection, BaselinePolicy baselines, ProgressParts parts) {
        Table out = emptyTable();
        Architecture architecture = architecture(tm);
        ProgressListener originalProgress = parts.next(unitsPerModel(selection));
        if (selection.size() == 0) {
            return out;
        }
        int[] targets = new int[selection.size()];
        Arrays.fill(targets, tm.target());
        float[][][] signals = selection.signals();
        OriginalMaps original = new OriginalMaps(tm, signals, targets, baselines, originalProgress);
        for (RandomizationMode mode : config.modes()) {
            try (RandomizationSteps steps = mode == RandomizationMode.CASCADING
                    ? ModelRandomizer.cascade(tm.model(), architecture, config.randomSeed())
                    : ModelRandomizer.independent(tm.model(), architecture, config.randomSeed())) {
                for (int k = 0; k < steps.size(); k++) {
                    RandomizationStep step = steps.get(k);
                    int number = k + 1;
                    ProgressListener stepProgress = parts.next(unitsPerModel(selection));
                    String key = config.canonical() + "; " + tm.key() + "; " + selection.key() + "; "
                            + baselines.key() + "; mode="
                            + mode.label() + "; step=" + number + "; randomised weights="
                            + step.model().parameterFingerprint();
                    out.append(cache.getOrCompute("randomization-" + tm.task().id() + "-" + mode.label() + "-step"
                            + number, key, columnTypes(), () -> computeStep(tm, selection, signals, targets,
                                    baselines, original.get(), mode, number, step, stepProgress)));
                }
            }
        }
        return out;
    }

    /** The trained model's maps of one task, fetched on first use (not at all when every step is cached). */
    private final class OriginalMaps {
        private final TaskModel tm;
        private final float[][][] signals;
        private final int[] targets;
        private final BaselinePolicy baselines;
        private final ProgressListener listener;
        private List<float[][][]> values;

        OriginalMaps(TaskModel tm, float[][][] signals, int[] targets, BaselinePolicy baselines,
                ProgressListener listener) {
            this.tm = tm;
            this.signals = signals;
            this.targets = targets;
            this.baselines = baselines;
            this.listener = listener;
        }

        List<float[][][]> get() {
            if (values == null) {
                List<float[][][]> out = new ArrayList<>();
                for (int m = 0; m < config.methods().size(); m++) {
                    out.add(new float[signals.length][][]);
                }
                maps.forEachChunk(config.methods(), tm.model(), signals, targets, baselines, listener,
                        (from, chunk) -> {
                    for (int m = 0; m < chunk.size(); m++) {
                        System.arraycopy(chunk.get(m), 0, out.get(m), from, chunk.get(m).length);
                    }
                });
                values = out;
            }
            return values;
        }
    }

    private Table computeStep(TaskModel tm, EcgSelection selection, float[][][] signals, int[] targets,
            BaselinePolicy baselines, List<float[][][]> original, RandomizationMode mode, int number, RandomizationStep step,
            ProgressListener stepProgress) {
        Table table = emptyTable();
        List<String> ids = selection.ids();
        // Randomised models' maps are compared and dropped, never stored.
        new MapStore(null).forEachChunk(config.methods(), step.model(), signals, targets, baselines, stepProgress,
                (from, chunk) -> {
                    for (int m = 0; m < chunk.size(); m++) {
                        for (int e = 0; e < chunk.get(m).length; e++) {
                            for (MapMeasure measure : config.measures()) {
                                table.stringColumn("ecg_id").append(ids.get(from + e));
                                table.stringColumn("task").append(tm.task().id());
                                table.stringColumn("method").append(config.methods().get(m).label());
                                table.stringColumn("mode").append(mode.label());
                                table.intColumn("step").append(number);
                                table.stringColumn("layer").append(step.label());
                                table.stringColumn("measure").append(measure.label());
                                table.doubleColumn("score").append(measure.compare(original.get(m)[from + e],
                                        chunk.get(m)[e]));
                            }
                        }
                    }
                });
        return table;
    }

    /**
     * Mean score with a bootstrap interval over ECGs per task × mode × step × layer × method × measure, and pooled over
     * tasks. Columns: {@code task, mode, step, layer, method, measure, n, n_undefined, mean, ci_low, ci_high} (step
     * as text).
     */
    public Table summarize(Table rows) {
        return Summaries.meanByGroup(rows, List.of("task", "mode", "step", "layer", "method", "measure"), "task",
                "score", config.bootstrapResamples(), config.seed(), "randomization_summary");
    }

    /**
     * The residual similarity at full randomisation: the last cascading step (every parameterised layer
     * re-initialised), pooled over tasks, per method and measure, with {@code ci_contains_zero} (whether the 95%
     * interval of the mean includes 0). Columns: {@code method, measure, layer, n, mean, ci_low, ci_high,
     * ci_contains_zero}.
     *
     * @throws IllegalArgumentException if the summary has no cascading rows
     */
    public static Table residual(Table summary) {
        Table cascade = Summaries.select(summary, "task", Summaries.POOLED, "mode",
                RandomizationMode.CASCADING.label());
        if (cascade.rowCount() == 0) {
            throw new IllegalArgumentException("the summary has no pooled cascading rows");
        }
        int last = cascade.stringColumn("step").asList().stream().mapToInt(Integer::parseInt).max().orElseThrow();
        Table rows = Summaries.select(cascade, "step", Integer.toString(last));
        Table out = rows.selectColumns("method", "measure", "layer", "n", "mean", "ci_low", "ci_high")
                .setName("randomization_residual");
        out.addColumns(BooleanColumn.create("ci_contains_zero", rows.rowCount()));
        for (int r = 0; r < rows.rowCount(); r++) {
            out.booleanColumn("ci_contains_zero").set(r, rows.doubleColumn("ci_low").getDouble(r) <= 0
                    && rows.doubleColumn("ci_high").getDouble(r) >= 0);
        }
        return out;
    }

    private static Table emptyTable() {
        return Table.create("randomization", StringColumn.create("ecg_id"), StringColumn.create("task"),
                StringColumn.create("method"), StringColumn.create("mode"), IntColumn.create("step"),
                StringColumn.create("layer"), StringColumn.create("measure"), DoubleColumn.create("score"));
    }

    private static ColumnType[] columnTypes() {
        return new ColumnType[] {ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.STRING,
                ColumnType.INTEGER, ColumnType.STRING, ColumnType.STRING, ColumnType.DOUBLE};
    }
}
