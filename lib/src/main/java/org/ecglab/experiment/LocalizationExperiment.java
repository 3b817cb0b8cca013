package org.ecglab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecglab.attribution.ProgressListener;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.metrics.Localization;
import org.ecglab.stats.Holm;
import org.ecglab.stats.PairedTest;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Experiment 5, ground-truth localisation (beyond the study; synthetic data only, since no public ECG data set marks
 * where a pathology changed the signal): each method's map of a task model's positive ECGs is scored against the
 * ECG's pathology mask ({@link Localization}: relevance mass inside the mask, AUROC of the map as a mask detector,
 * pointing game), per method and class. A uniform map scores the mask's area share (given in {@code mask_fraction}),
 * an AUROC of 0.5 and a pointing hit equal to the area share, so these are the chance levels.
 *
 * <p>Tasks whose positives have no mask (NORM: nothing pathological to find) are left out. Output: one row per ECG ×
 * method ({@code ecg_id, task, method, mask_fraction, mass_inside, mask_auroc, pointing_hit}). Maps come from the
 * {@link MapStore} (the same positives and model as experiment 1); each task's rows are cached.
 */
public final class LocalizationExperiment {
    /** The scores in the table, in column order. */
    public static final List<String> SCORES = List.of("mass_inside", "mask_auroc", "pointing_hit");

    private final LocalizationConfig config;
    private final ResultCache cache;
    private final MapStore maps;
    private final ProgressListener progress;

    /**
     * @param progress told how many maps (ECGs × methods, over all tasks) are done
     */
    public LocalizationExperiment(LocalizationConfig config, ProgressListener progress) {
        this.config = Objects.requireNonNull(config, "config");
        this.cache = new ResultCache(config.cacheDir());
        this.maps = MapStore.under(config.cacheDir());
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The configuration. */
    public LocalizationConfig config() {
        return config;
    }

    /** Number of task tables computed (not loaded from the cache) by this instance. */
    public int computedTasks() {
        return cache.computedCount();
    }

    /**
     * The rows of every task with masks.
     *
     * @throws IllegalArgumentException if the dataset has no ground-truth masks (real data)
     */
    public Table run(EcgDataset data, List<TaskModel> models) {
        if (!data.hasMasks()) {
            throw new IllegalArgumentException("dataset " + data.name() + " has no ground-truth masks; localisation "
                    + "needs synthetic data, where the pathology's mask is known");
        }
        List<TaskModel> scored = new ArrayList<>();
        List<EcgSelection> selections = new ArrayList<>();
        for (TaskModel tm : models) {
            EcgSelection s = EcgSelection.positives(data, config.split(), tm.task(), config.maxEcgsPerTask());
            if (hasMask(s)) {
                scored.add(tm);
                selections.add(s);
            }
        }
        ProgressParts parts = new ProgressParts(progress, selections.stream()
                .mapToLong(s -> (long) s.size() * config.methods().size()).sum());
        BaselinePolicy baselines = BaselinePolicy.of(data);
        Table all = emptyTable();
        for (int i = 0; i < scored.size(); i++) {
            TaskModel tm = scored.get(i);
            EcgSelection s = selections.get(i);
            ProgressListener part = parts.next((long) s.size() * config.methods().size());
            all.append(cache.getOrCompute("localization-" + tm.task().id(), config.canonical() + "; " + tm.key()
                    + "; " + s.key() + "; masks=" + masksKey(s) + "; " + baselines.key(), columnTypes(),
                    () -> compute(tm, s, baselines, part)));
        }
        return all;
    }

    /** Tasks of {@code models} that {@link #run} scores: those whose selected positives have a non-empty mask. */
    public List<DiagnosticClass> scoredTasks(EcgDataset data, List<TaskModel> models) {
        return models.stream().filter(tm -> hasMask(EcgSelection.positives(data, config.split(), tm.task(),
                config.maxEcgsPerTask()))).map(TaskModel::task).toList();
    }

    private static boolean hasMask(EcgSelection s) {
        for (int k = 0; k < s.size(); k++) {
            float[][] mask = s.mask(k);
            if (mask != null && Localization.maskFraction(mask) > 0) {
                return true;
            }
        }
        return false;
    }

    private static String masksKey(EcgSelection s) {
        float[][][] masks = new float[s.size()][][];
        for (int k = 0; k < s.size(); k++) {
            masks[k] = s.mask(k) == null ? new float[12][600] : s.mask(k);
        }
        return DatasetHash.ofSignals(masks);
    }

    private Table compute(TaskModel tm, EcgSelection selection, BaselinePolicy baselines, ProgressListener part) {
        Table table = emptyTable();
        List<String> ids = selection.ids();
        int[] targets = new int[selection.size()];
        Arrays.fill(targets, tm.target());
        maps.forEachChunk(config.methods(), tm.model(), selection.signals(), targets, baselines, part,
                (from, chunk) -> {
            for (int e = 0; e < chunk.get(0).length; e++) {
                float[][] mask = selection.mask(from + e);
                if (mask == null || Localization.maskFraction(mask) == 0) {
                    continue; // a positive whose pathology left no visible change has nothing to find
                }
                for (int m = 0; m < chunk.size(); m++) {
                    float[][] map = chunk.get(m)[e];
                    table.stringColumn("ecg_id").append(ids.get(from + e));
                    table.stringColumn("task").append(tm.task().id());
                    table.stringColumn("method").append(config.methods().get(m).label());
                    table.doubleColumn("mask_fraction").append(Localization.maskFraction(mask));
                    table.doubleColumn("mass_inside").append(Localization.massInside(map, mask));
                    table.doubleColumn("mask_auroc").append(Localization.maskAuroc(map, mask));
                    table.doubleColumn("pointing_hit").append(Localization.pointingHit(map, mask));
                }
            }
        });
        return table;
    }

    /**
     * Means with bootstrap intervals per task × method and pooled over tasks, for each score (and the chance level
     * {@code mask_fraction}). Columns: {@code task, method, score, n, n_undefined, mean, ci_low, ci_high}.
     */
    public Table summarize(Table rows) {
        Table out = null;
        for (String score : List.of("mask_fraction", "mass_inside", "mask_auroc", "pointing_hit")) {
            Table part = Summaries.meanByGroup(rows, List.of("task", "method"), "task", score,
                    config.bootstrapResamples(), config.seed(), "localization_summary");
            StringColumn name = StringColumn.create("score", part.rowCount());
            for (int r = 0; r < part.rowCount(); r++) {
                name.set(r, score);
            }
            part.insertColumn(2, name);
            out = out == null ? part : out.append(part);
        }
        return out;
    }

    /**
     * Each method against chance on the same ECGs: its relevance mass inside the mask against the mask's area share
     * (what a uniform map scores), and its mask AUROC against 0.5, by paired Wilcoxon signed-rank tests, Holm over
     * all methods and both scores. Columns: {@code method, score, n, median_difference, mean_difference, p, p_holm,
     * above_chance} (true only if significant and above).
     */
    public static Table versusChance(Table rows, List<String> methods, double alpha) {
        List<String> scores = List.of("mass_inside", "mask_auroc");
        List<PairedTest> tests = new ArrayList<>();
        for (String method : methods) {
            Table mine = Summaries.select(rows, "method", method);
            for (String score : scores) {
                double[] value = mine.doubleColumn(score).asDoubleArray();
                double[] chance = score.equals("mass_inside") ? mine.doubleColumn("mask_fraction").asDoubleArray()
                        : new double[value.length];
                if (score.equals("mask_auroc")) {
                    Arrays.fill(chance, 0.5);
                }
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (int i = 0; i < value.length; i++) {
                    if (Double.isFinite(value[i])) {
                        x.add(value[i]);
                        y.add(chance[i]);
                    }
                }
                // A method whose every score is undefined (constant maps) has nothing to test: its row says n = 0
                // and p NaN, and it takes no part in Holm's correction.
                tests.add(x.isEmpty() ? null : PairedTest.wilcoxon(x.stream().mapToDouble(Double::doubleValue)
                        .toArray(), y.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        double[] adjusted = holmOverDefined(tests);
        Table out = Table.create("localization_versus_chance", StringColumn.create("method"),
                StringColumn.create("score"), IntColumn.create("n"), DoubleColumn.create("median_difference"),
                DoubleColumn.create("mean_difference"), DoubleColumn.create("p"), DoubleColumn.create("p_holm"),
                BooleanColumn.create("above_chance"));
        for (int i = 0; i < tests.size(); i++) {
            PairedTest t = tests.get(i);
            out.stringColumn("method").append(methods.get(i / scores.size()));
            out.stringColumn("score").append(scores.get(i % scores.size()));
            if (t == null) {
                out.intColumn("n").append(0);
                out.doubleColumn("median_difference").appendMissing();
                out.doubleColumn("mean_difference").appendMissing();
                out.doubleColumn("p").appendMissing();
                out.doubleColumn("p_holm").appendMissing();
                out.booleanColumn("above_chance").append(false);
                continue;
            }
            out.intColumn("n").append(t.n() + t.zeros());
            out.doubleColumn("median_difference").append(t.medianDifference());
            out.doubleColumn("mean_difference").append(t.meanDifference());
            out.doubleColumn("p").append(t.p());
            out.doubleColumn("p_holm").append(adjusted[i]);
            out.booleanColumn("above_chance").append(adjusted[i] <= alpha && t.firstHigher());
        }
        return out;
    }

    /** Holm-adjusted p-values of the tests that exist, NaN where there is none. */
    private static double[] holmOverDefined(List<PairedTest> tests) {
        double[] p = tests.stream().filter(Objects::nonNull).mapToDouble(PairedTest::p).toArray();
        double[] adjusted = p.length == 0 ? p : Holm.adjust(p);
        double[] out = new double[tests.size()];
        for (int i = 0, k = 0; i < out.length; i++) {
            out[i] = tests.get(i) == null ? Double.NaN : adjusted[k++];
        }
        return out;
    }

    private static Table emptyTable() {
        return Table.create("localization", StringColumn.create("ecg_id"), StringColumn.create("task"),
                StringColumn.create("method"), DoubleColumn.create("mask_fraction"),
                DoubleColumn.create("mass_inside"), DoubleColumn.create("mask_auroc"),
                DoubleColumn.create("pointing_hit"));
    }

    private static ColumnType[] columnTypes() {
        return new ColumnType[] {ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.DOUBLE,
                ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE};
    }
}
