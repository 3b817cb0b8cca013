package org.ecglab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.attribution.ProgressListener;
import org.ecglab.data.EcgDataset;
import org.ecglab.metrics.FeatureRanking;
import org.ecglab.metrics.PerturbationOrder;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Experiment 4, input perturbation (Samek et al. 2017; Arends et al. 2026): rank each ECG's features by a method's
 * map, replace the top k% ({@link org.ecglab.metrics.Replacement}) for k on a grid from 0, and measure the task
 * model's logit on the perturbed ECG. A map that points at what the model uses makes the logit fall, and the AUROC of
 * the task collapse, faster than a random order does; removing the least relevant features first (LeRF) should
 * barely matter. Positives and as many negatives of each task are perturbed, so that the AUROC can be measured.
 *
 * <p>Output: one row per ECG × method × order × ranking × percentage ({@code ecg_id, task, label, method, order,
 * ranking, percent, logit}); {@code label} is 1 for a positive of the task, {@code ranking} numbers the random orders
 * (0 for a map's own order), and the random reference has method {@value #RANDOM}. {@link PerturbationSummary} turns
 * the rows into curves and AOPCs with intervals. Maps come from the {@link MapStore}; the rows of each task × method
 * (and of each task's random reference) are cached as soon as they are done.
 */
public final class PerturbationExperiment {
    /** Method label of the random reference. */
    public static final String RANDOM = "random";
    // Stream index of the tie-breaking draws; the random orders use 1..randomRankings, the noise the grid index.
    static final long TIES = -1;

    private final PerturbationConfig config;
    private final ResultCache cache;
    private final MapStore maps;
    private final ProgressListener progress;

    /**
     * @param progress told how many ECGs are done (each method's and the random reference's, over all tasks)
     */
    public PerturbationExperiment(PerturbationConfig config, ProgressListener progress) {
        this.config = Objects.requireNonNull(config, "config");
        this.cache = new ResultCache(config.cacheDir());
        this.maps = MapStore.under(config.cacheDir());
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The configuration. */
    public PerturbationConfig config() {
        return config;
    }

    /** Number of task × method parts computed (not loaded from the cache) by this instance. */
    public int computedParts() {
        return cache.computedCount();
    }

    /** The store the maps come from. */
    public MapStore maps() {
        return maps;
    }

    /** The rows of every task, in the order of {@code models}. */
    public Table run(EcgDataset data, List<TaskModel> models) {
        List<Perturbed> tasks = new ArrayList<>();
        long total = 0;
        for (TaskModel tm : models) {
            Perturbed p = new Perturbed(tm, EcgSelection.positives(data, config.split(), tm.task(),
                    config.maxEcgsPerTask()), EcgSelection.negatives(data, config.split(), tm.task(),
                    config.maxEcgsPerTask()));
            tasks.add(p);
            total += (long) p.size() * (config.methods().size() + 1);
        }
        ProgressParts parts = new ProgressParts(progress, total);
        BaselinePolicy baselines = BaselinePolicy.of(data);
        Table all = emptyTable();
        for (Perturbed p : tasks) {
            String common = config.canonicalSettings() + "; " + p.tm.key() + "; positives: " + p.positives.key()
                    + "; negatives: " + p.negatives.key() + "; " + baselines.key();
            for (MethodSpec spec : config.methods()) {
                ProgressListener part = parts.next(p.size());
                if (p.size() == 0) {
                    continue;
                }
                all.append(cache.getOrCompute("perturbation-" + p.tm.task().id() + "-" + spec.label(),
                        common + "; method=" + spec.canonical() + "; lerf=" + config.leastRelevantFirst(),
                        columnTypes(), () -> methodRows(p, spec, baselines, part)));
            }
            ProgressListener part = parts.next(p.size());
            if (p.size() > 0) {
                all.append(cache.getOrCompute("perturbation-" + p.tm.task().id() + "-" + RANDOM, common
                        + "; random rankings=" + config.randomRankings(), columnTypes(), () -> randomRows(p, part)));
            }
        }
        return all;
    }

    /** One task's perturbed ECGs: the positives, then the negatives. */
    private static final class Perturbed {
        final TaskModel tm;
        final EcgSelection positives;
        final EcgSelection negatives;
        final float[][][] signals;
        final int[] labels;
        final int[] targets;
        final List<String> ids;
        final int[] datasetIndices;

        Perturbed(TaskModel tm, EcgSelection positives, EcgSelection negatives) {
            this.tm = tm;
            this.positives = positives;
            this.negatives = negatives;
            int n = positives.size() + negatives.size();
            signals = new float[n][][];
            System.arraycopy(positives.signals(), 0, signals, 0, positives.size());
            System.arraycopy(negatives.signals(), 0, signals, positives.size(), negatives.size());
            labels = new int[n];
            Arrays.fill(labels, 0, positives.size(), 1);
            targets = new int[n];
            Arrays.fill(targets, tm.target());
            ids = new ArrayList<>(positives.ids());
            ids.addAll(negatives.ids());
            datasetIndices = new int[n];
            System.arraycopy(positives.indices(), 0, datasetIndices, 0, positives.size());
            System.arraycopy(negatives.indices(), 0, datasetIndices, positives.size(), negatives.size());
        }

        int size() {
            return signals.length;
        }
    }

    private Table methodRows(Perturbed p, MethodSpec spec, BaselinePolicy baselines, ProgressListener part) {
        int np = p.positives.size();
        float[][][] all = new float[p.size()][][];
        // Positives and negatives are explained apart, so the positives' maps are the ones the other experiments use.
        if (np > 0) {
            System.arraycopy(maps.maps(spec, p.tm.model(), p.positives.signals(), Arrays.copyOf(p.targets, np),
                    baselines, part), 0, all, 0, np);
        }
        if (p.negatives.size() > 0) {
            System.arraycopy(maps.maps(spec, p.tm.model(), p.negatives.signals(), Arrays.copyOfRange(p.targets, np,
                    p.size()), baselines, (done, total) -> part.progressed(np + done, p.size())), 0, all, np,
                    p.negatives.size());
        }
        Table table = emptyTable();
        List<PerturbationOrder> orders = config.leastRelevantFirst()
                ? List.of(PerturbationOrder.MORF, PerturbationOrder.LERF) : List.of(PerturbationOrder.MORF);
        for (PerturbationOrder order : orders) {
            int[][] rankings = new int[p.size()][];
            for (int e = 0; e < p.size(); e++) {
                // Ties in random order, the same for every method on an ECG.
                rankings[e] = FeatureRanking.rank(all[e], config.segment(), config.rankBy(), order,
                        new SplittableRandom(mix(config.seed(), TIES, p.datasetIndices[e])));
            }
            addRows(table, p, spec.label(), order, 0, evaluate(p, rankings));
        }
        return table;
    }

    private Table randomRows(Perturbed p, ProgressListener part) {
        Table table = emptyTable();
        for (int r = 1; r <= config.randomRankings(); r++) {
            int[][] rankings = new int[p.size()][];
            for (int e = 0; e < p.size(); e++) {
                rankings[e] = FeatureRanking.rank(null, config.segment(), config.rankBy(), PerturbationOrder.RANDOM,
                        new SplittableRandom(mix(config.seed(), r, p.datasetIndices[e])));
            }
            addRows(table, p, RANDOM, PerturbationOrder.RANDOM, r, evaluate(p, rankings));
        }
        part.progressed(p.size(), p.size());
        return table;
    }

    /** Logits {@code [ECG][grid point]} after removing each grid percentage of features in the given orders. */
    private float[][] evaluate(Perturbed p, int[][] rankings) {
        List<Double> grid = config.percentages();
        int features = FeatureRanking.featureCount(config.segment());
        float[][][] inputs = new float[p.size() * grid.size()][][];
        for (int e = 0; e < p.size(); e++) {
            for (int j = 0; j < grid.size(); j++) {
                int count = FeatureRanking.featuresAt(grid.get(j), features);
                inputs[e * grid.size() + j] = count == 0 ? p.signals[e]
                        : config.replacement().apply(p.signals[e], FeatureRanking.removed(rankings[e], count,
                                config.segment()), new SplittableRandom(mix(config.seed(), j, p.datasetIndices[e])));
            }
        }
        float[] logits = p.tm.model().predictLogit(inputs, p.tm.target());
        float[][] out = new float[p.size()][grid.size()];
        for (int e = 0; e < p.size(); e++) {
            System.arraycopy(logits, e * grid.size(), out[e], 0, grid.size());
        }
        return out;
    }

    private void addRows(Table t, Perturbed p, String method, PerturbationOrder order, int ranking, float[][] logits) {
        for (int e = 0; e < p.size(); e++) {
            for (int j = 0; j < config.percentages().size(); j++) {
                t.stringColumn("ecg_id").append(p.ids.get(e));
                t.stringColumn("task").append(p.tm.task().id());
                t.intColumn("label").append(p.labels[e]);
                t.stringColumn("method").append(method);
                t.stringColumn("order").append(order.label());
                t.intColumn("ranking").append(ranking);
                t.doubleColumn("percent").append(config.percentages().get(j));
                t.doubleColumn("logit").append(logits[e][j]);
            }
        }
    }

    /** A seed for the stream of {@code (seed, a, b)}: SplitMix64-style mixing, so nearby arguments give unrelated streams. */
    static long mix(long seed, long a, long b) {
        long z = seed + 0x9E3779B97F4A7C15L * (a + 1) + 0xC2B2AE3D27D4EB4FL * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Table emptyTable() {
        return Table.create("perturbation", StringColumn.create("ecg_id"), StringColumn.create("task"),
                IntColumn.create("label"), StringColumn.create("method"), StringColumn.create("order"),
                IntColumn.create("ranking"), DoubleColumn.create("percent"), DoubleColumn.create("logit"));
    }

    private static ColumnType[] columnTypes() {
        return new ColumnType[] {ColumnType.STRING, ColumnType.STRING, ColumnType.INTEGER, ColumnType.STRING,
                ColumnType.STRING, ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.DOUBLE};
    }
}
