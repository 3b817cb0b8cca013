package org.ecglab.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.nn.Architecture;
import org.ecglab.stats.PercentileBootstrap;
import org.ecglab.train.MultiLabelTrainer;
import org.ecglab.train.TaskModelTrainer;
import org.ecglab.train.TestEvaluation;
import org.ecglab.train.TrainedMultiLabelModel;
import org.ecglab.train.TrainedTaskModel;
import org.ecglab.train.TrainingConfig;

/**
 * The study's task models in one call: for each diagnostic class and each of K seeds, a binary task model
 * (Arends et al. 2026 trained one CNN per class; the self-consistency experiment needs K seeds per class), trained
 * with {@link TaskModelTrainer} or loaded from a {@link ModelRegistry} if one made by the same architecture,
 * settings and data is stored there. Each model is saved as soon as it is trained, so an interrupted run resumes
 * where it stopped. Optionally one multi-label model per seed ({@link MultiLabelTrainer}) instead.
 *
 * <p>Result table columns: {@code model} ("binary" or "multilabel"), {@code task}, {@code seed}, {@code epochs},
 * {@code best_epoch}, {@code val_auroc}, {@code test_auroc}, {@code test_auroc_low}, {@code test_auroc_high},
 * {@code test_auprc}, {@code test_auprc_low}, {@code test_auprc_high}, {@code n_test_pos}, {@code n_test_neg},
 * {@code loaded}. Intervals are percentile bootstrap intervals over test ECGs ({@link TestEvaluation}). For a
 * multi-label model there is one row per output, {@code val_auroc} being the model's mean over outputs.
 *
 * <p>A stored model made otherwise (other data hash, architecture or settings) is an error
 * ({@link RegistryMismatchException} naming both hashes) unless {@link #withRetrainOnMismatch(boolean)} is set, in
 * which case it is retrained and replaced. A corrupt entry is an {@link UncheckedIOException} naming its folder.
 * Models are trained one after another (DJL's random seed is global).
 */
public final class TaskModelSuite {
    /** The default five seeds, 1..5. */
    public static final List<Long> DEFAULT_SEEDS = List.of(1L, 2L, 3L, 4L, 5L);

    private final ModelRegistry registry;
    private final TrainingConfig config;
    private final Architecture architecture;
    private final PercentileBootstrap bootstrap;
    private final boolean retrainOnMismatch;
    private final boolean showProgress;
    /** Hashes by dataset identity (datasets are immutable), so each dataset is read once per suite. */
    private final Map<EcgDataset, String> hashes = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The default CNN with one output, 95% intervals from 1000 resamples seeded with 1, errors on mismatch, an
     * overall progress bar if {@code config.showProgress()}.
     *
     * @param registry where models are stored and looked up
     * @param config   training settings; its seed is replaced by each requested seed
     */
    public TaskModelSuite(ModelRegistry registry, TrainingConfig config) {
        this(registry, config, Architecture.defaultCnn(1), PercentileBootstrap.of95(1), false, config.showProgress());
    }

    private TaskModelSuite(ModelRegistry registry, TrainingConfig config, Architecture architecture,
            PercentileBootstrap bootstrap, boolean retrainOnMismatch, boolean showProgress) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.config = Objects.requireNonNull(config, "config");
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.bootstrap = Objects.requireNonNull(bootstrap, "bootstrap");
        this.retrainOnMismatch = retrainOnMismatch;
        this.showProgress = showProgress;
    }

    /** A copy with other bootstrap settings for the test intervals. */
    public TaskModelSuite withBootstrap(PercentileBootstrap value) {
        return new TaskModelSuite(registry, config, architecture, value, retrainOnMismatch, showProgress);
    }

    /** A copy that retrains (and replaces) a stored model made otherwise, instead of failing. */
    public TaskModelSuite withRetrainOnMismatch(boolean value) {
        return new TaskModelSuite(registry, config, architecture, bootstrap, value, showProgress);
    }

    /** A copy with the overall progress bar on or off (the trainer's bar follows {@code config.showProgress()}). */
    public TaskModelSuite withProgress(boolean value) {
        return new TaskModelSuite(registry, config, architecture, bootstrap, retrainOnMismatch, value);
    }

    /** All nine classes with the five default seeds. */
    public SuiteResult trainOrLoad(EcgDataset data) {
        return trainOrLoad(data, DiagnosticClass.ALL, DEFAULT_SEEDS);
    }

    /**
     * Trains or loads a binary task model for every ({@code task}, {@code seed}), tasks outermost.
     *
     * @throws IllegalArgumentException  if a list is empty or has duplicates, or a split lacks a class for a task
     * @throws RegistryMismatchException if a stored model was made otherwise and retraining is off
     * @throws UncheckedIOException      if a registry entry is corrupt or cannot be written
     */
    public SuiteResult trainOrLoad(EcgDataset data, List<DiagnosticClass> tasks, List<Long> seeds) {
        requireDistinct(tasks, "tasks");
        requireDistinct(seeds, "seeds");
        String hash = hash(data);
        List<TrainedTaskModel> models = new ArrayList<>();
        List<ModelProvenance> provenance = new ArrayList<>();
        List<SuiteTables.Row> rows = new ArrayList<>();
        int trained = 0;
        try (SuiteProgress progress = new SuiteProgress("task models", tasks.size() * seeds.size(), showProgress)) {
            for (DiagnosticClass task : tasks) {
                for (long seed : seeds) {
                    String id = TrainedTaskModel.id(task, seed);
                    progress.starting(id);
                    TrainingConfig c = config.withSeed(seed);
                    TrainingSpec spec = new TrainingSpec(architecture, c, hash);
                    boolean loaded = isStored(() -> registry.contains(task, seed, spec));
                    TrainedTaskModel model;
                    ModelProvenance p;
                    if (loaded) {
                        model = io(() -> registry.load(task, seed));
                        models.add(model);
                        p = io(() -> registry.provenance(task, seed));
                    } else {
                        model = new TaskModelTrainer(architecture, c).train(data, task);
                        models.add(model);
                        TestEvaluation test = TestEvaluation.ofModel(model.classifier(), List.of(task), data,
                                bootstrap).get(0);
                        ModelProvenance fresh = ModelProvenance.of(model, hash, test);
                        io(() -> {
                            registry.save(model, fresh);
                            return null;
                        });
                        p = fresh;
                        trained++;
                    }
                    provenance.add(p);
                    rows.add(new SuiteTables.Row(ModelProvenance.BINARY, task, seed, p.epochsRun(), p.bestEpoch(),
                            p.validationAuroc(), p.test(task), loaded));
                    progress.done(id, loaded, p.test(task).auroc().estimate());
                }
            }
        } catch (RuntimeException e) {
            models.forEach(TrainedTaskModel::close);
            throw e;
        }
        return new SuiteResult(models, List.of(), provenance, SuiteTables.models("task models", rows),
                SuiteTables.summary("task models by task", rows), trained);
    }

    /**
     * Trains or loads one multi-label model per seed, {@code Architecture.defaultCnn(outputs.size())} with logit k
     * detecting {@code outputs.get(k)} (e.g. {@link DiagnosticClass#ALL}), and reports each output as a row.
     *
     * @throws IllegalArgumentException  if a list is empty or has duplicates, or a split lacks a class for an output
     * @throws RegistryMismatchException if a stored model was made otherwise and retraining is off
     * @throws UncheckedIOException      if a registry entry is corrupt or cannot be written
     */
    public SuiteResult trainOrLoadMultiLabel(EcgDataset data, List<DiagnosticClass> outputs, List<Long> seeds) {
        requireDistinct(outputs, "outputs");
        requireDistinct(seeds, "seeds");
        String hash = hash(data);
        Architecture multi = Architecture.defaultCnn(outputs.size());
        List<TrainedMultiLabelModel> models = new ArrayList<>();
        List<ModelProvenance> provenance = new ArrayList<>();
        List<SuiteTables.Row> rows = new ArrayList<>();
        int trained = 0;
        try (SuiteProgress progress = new SuiteProgress("multi-label models", seeds.size(), showProgress)) {
            for (long seed : seeds) {
                String id = TrainedMultiLabelModel.id(seed);
                progress.starting(id);
                TrainingConfig c = config.withSeed(seed);
                TrainingSpec spec = new TrainingSpec(multi, c, hash);
                boolean loaded = isStored(() -> registry.containsMultiLabel(seed, outputs, spec));
                ModelProvenance p;
                if (loaded) {
                    models.add(io(() -> registry.loadMultiLabel(seed)));
                    p = io(() -> registry.multiLabelProvenance(seed));
                } else {
                    TrainedMultiLabelModel model = new MultiLabelTrainer(multi, c).train(data, outputs);
                    models.add(model);
                    ModelProvenance fresh = ModelProvenance.of(model, hash,
                            TestEvaluation.ofModel(model.classifier(), outputs, data, bootstrap));
                    io(() -> {
                        registry.save(model, fresh);
                        return null;
                    });
                    p = fresh;
                    trained++;
                }
                provenance.add(p);
                for (DiagnosticClass task : outputs) {
                    rows.add(new SuiteTables.Row(ModelProvenance.MULTILABEL, task, seed, p.epochsRun(),
                            p.bestEpoch(), p.validationAuroc(), p.test(task), loaded));
                }
                progress.done(id, loaded, p.validationAuroc());
            }
        } catch (RuntimeException e) {
            models.forEach(TrainedMultiLabelModel::close);
            throw e;
        }
        return new SuiteResult(List.of(), models, provenance, SuiteTables.models("multi-label models", rows),
                SuiteTables.summary("multi-label models by task", rows), trained);
    }

    /** {@link DatasetHash#of}, computed once per dataset instance. */
    String hash(EcgDataset data) {
        return hashes.computeIfAbsent(Objects.requireNonNull(data, "data"), DatasetHash::of);
    }

    /** Whether the registry holds a matching entry; a mismatch either propagates or means "retrain". */
    private boolean isStored(IoSupplier<Boolean> lookup) {
        try {
            return io(lookup);
        } catch (RegistryMismatchException e) {
            if (retrainOnMismatch) {
                return false;
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T io(IoSupplier<T> action) {
        try {
            return action.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static void requireDistinct(List<?> values, String what) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException(what + " must be distinct, got " + values);
        }
    }

    @Override
    public String toString() {
        return "TaskModelSuite[" + registry.root() + ", " + architecture.name() + ", " + config + ", " + bootstrap
                + (retrainOnMismatch ? ", retrain on mismatch" : "") + "]";
    }
}
