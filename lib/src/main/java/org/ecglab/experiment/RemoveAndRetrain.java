package org.ecglab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.attribution.ProgressListener;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.metrics.FeatureRanking;
import org.ecglab.metrics.PerturbationOrder;
import org.ecglab.stats.PercentileBootstrap;
import org.ecglab.train.TaskModelTrainer;
import org.ecglab.train.TestEvaluation;
import org.ecglab.train.TrainedTaskModel;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Remove-and-retrain (ROAR; Hooker, Erhan, Kindermans &amp; Kim 2019, "A benchmark for interpretability methods in
 * deep neural networks"): the perturbation test asks how a <i>trained</i> model reacts to inputs it never saw
 * (ECGs with holes), so a drop may come from the holes themselves rather than from losing information. ROAR instead
 * removes the top k% features of <i>every</i> ECG (training, validation and test, ranked by the method's map of the
 * trained model), trains a new model on the perturbed data and measures its test AUROC. If the method found the
 * information the task needs, the retrained model does worse than one retrained after removing as many features at
 * random. It needs one training per method and percentage, so it runs on a subset (one task, a few methods).
 *
 * <p>Output: one row per method (and {@value PerturbationExperiment#RANDOM}) × percentage ({@code task, method,
 * percent, test_auroc, ci_low, ci_high, epochs}), plus the unperturbed retraining at percentage 0 (method
 * {@value #NONE}). Every retrained model's row is cached as soon as it is trained; the maps of all ECGs are stored
 * in the {@link MapStore}.
 */
public final class RemoveAndRetrain {
    /** Method label of the retraining on unperturbed data. */
    public static final String NONE = "none";

    private final RemoveAndRetrainConfig config;
    private final ResultCache cache;
    private final MapStore maps;
    private final ProgressListener progress;

    /**
     * @param progress told how many models of the run are trained (or loaded from the cache)
     */
    public RemoveAndRetrain(RemoveAndRetrainConfig config, ProgressListener progress) {
        this.config = Objects.requireNonNull(config, "config");
        this.cache = new ResultCache(config.cacheDir());
        this.maps = MapStore.under(config.cacheDir());
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Number of models trained (not loaded from the cache) by this instance. */
    public int trainedModels() {
        return cache.computedCount();
    }

    /**
     * Retrains the task of {@code model} after each removal.
     *
     * @param model the trained task model whose maps rank the features (its architecture is retrained)
     * @throws IllegalArgumentException if the model has no architecture, or a split lacks positives or negatives
     */
    public Table run(EcgDataset data, TaskModel model) {
        TaskModelTrainer trainer = new TaskModelTrainer(model.model().architecture().orElseThrow(
                () -> new IllegalArgumentException("retraining needs the layers of model " + model.model().id())),
                config.training());
        BaselinePolicy baselines = BaselinePolicy.of(data);
        String common = config.canonicalSettings() + "; " + model.key() + "; data=" + DatasetHash.of(data) + "; "
                + baselines.key();
        long total = 1 + (long) (config.methods().size() + 1) * config.percentages().size();
        long[] done = {0};
        Table out = emptyTable();
        out.append(cache.getOrCompute("roar-" + model.task().id() + "-" + NONE, common + "; unperturbed",
                columnTypes(), () -> retrain(trainer, data, model, NONE, 0)));
        progress.progressed(++done[0], total);
        int[] targets = new int[data.size()];
        Arrays.fill(targets, model.target());
        List<String> labels = new ArrayList<>(MethodLists.labels(config.methods()));
        labels.add(PerturbationExperiment.RANDOM);
        for (int m = 0; m < labels.size(); m++) {
            MethodSpec spec = m < config.methods().size() ? config.methods().get(m) : null;
            for (double percent : config.percentages()) {
                String key = common + "; method=" + (spec == null ? "random" : spec.canonical()) + "; percent="
                        + percent;
                String label = labels.get(m);
                out.append(cache.getOrCompute("roar-" + model.task().id() + "-" + label + "-" + percent, key,
                        columnTypes(), () -> retrain(trainer, removed(data, model, spec, targets, baselines,
                                percent), model, label, percent)));
                progress.progressed(++done[0], total);
            }
        }
        return out;
    }

    /** {@code data} with the top {@code percent}% features of every ECG replaced (random order if spec is null). */
    private EcgDataset removed(EcgDataset data, TaskModel model, MethodSpec spec, int[] targets,
            BaselinePolicy baselines, double percent) {
        float[][][] all = spec == null ? null : maps.maps(spec, model.model(), data.signals(), targets, baselines,
                ProgressListener.NONE);
        int features = FeatureRanking.featureCount(config.segment());
        int count = FeatureRanking.featuresAt(percent, features);
        float[][][] signals = new float[data.size()][][];
        for (int i = 0; i < data.size(); i++) {
            int[] ranking = spec == null
                    ? FeatureRanking.rank(null, config.segment(), config.rankBy(), PerturbationOrder.RANDOM,
                            new SplittableRandom(PerturbationExperiment.mix(config.seed(), 1, i)))
                    : FeatureRanking.rank(all[i], config.segment(), config.rankBy(), PerturbationOrder.MORF,
                            new SplittableRandom(PerturbationExperiment.mix(config.seed(), PerturbationExperiment.TIES,
                                    i)));
            signals[i] = config.replacement().apply(data.signal(i), FeatureRanking.removed(ranking, count,
                    config.segment()), new SplittableRandom(PerturbationExperiment.mix(config.seed(), 0, i)));
        }
        return data.withSignals(data.name() + " minus top " + percent + "% (" + (spec == null ? "random" : spec.label())
                + ")", signals);
    }

    private Table retrain(TaskModelTrainer trainer, EcgDataset data, TaskModel model, String method, double percent) {
        try (TrainedTaskModel retrained = trainer.train(data, model.task())) {
            EcgDataset test = data.subset(Split.TEST);
            TestEvaluation eval = TestEvaluation.of(retrained.classifier().predictLogit(test.signals(), 0),
                    test.targets(model.task()), new PercentileBootstrap(config.bootstrapResamples(), 0.95,
                            config.seed()));
            Table t = emptyTable();
            t.stringColumn("task").append(model.task().id());
            t.stringColumn("method").append(method);
            t.doubleColumn("percent").append(percent);
            t.doubleColumn("test_auroc").append(eval.auroc().estimate());
            t.doubleColumn("ci_low").append(eval.auroc().lower());
            t.doubleColumn("ci_high").append(eval.auroc().upper());
            t.intColumn("epochs").append(retrained.epochsRun());
            return t;
        }
    }

    private static Table emptyTable() {
        return Table.create("remove_and_retrain", StringColumn.create("task"), StringColumn.create("method"),
                DoubleColumn.create("percent"), DoubleColumn.create("test_auroc"), DoubleColumn.create("ci_low"),
                DoubleColumn.create("ci_high"), IntColumn.create("epochs"));
    }

    private static ColumnType[] columnTypes() {
        return new ColumnType[] {ColumnType.STRING, ColumnType.STRING, ColumnType.DOUBLE, ColumnType.DOUBLE,
                ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.INTEGER};
    }
}
