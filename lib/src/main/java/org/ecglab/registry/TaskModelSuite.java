package org.ecglab.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.io.AtomicFiles;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.stats.PercentileBootstrap;
import org.ecglab.train.ConsoleProgress;
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
        List<Slot> slots = new ArrayList<>();
        for (DiagnosticClass task : tasks) {
            for (long seed : seeds) {
                slots.add(new Slot(registry.folder(task, seed), "registry model " + task.id() + " seed " + seed,
                        List.of(task), new TrainingSpec(architecture, config.withSeed(seed), hash)));
            }
        }
        boolean[] stored = plan(slots);
        List<TrainedTaskModel> models = new ArrayList<>();
        List<ModelProvenance> provenance = new ArrayList<>();
        List<SuiteTables.Row> rows = new ArrayList<>();
        try (ConsoleProgress progress = ConsoleProgress.start(showProgress, "task models",
                (long) tasks.size() * seeds.size(), " models")) {
            int k = 0;
            for (DiagnosticClass task : tasks) {
                for (long seed : seeds) {
                    TrainingConfig c = config.withSeed(seed);
                    progress.message(TrainedTaskModel.id(task, seed) + " ...");
                    Done<TrainedTaskModel> d = trainOrLoadOne(slots.get(k), stored[k++], StoredModel::asTaskModel,
                            () -> new TaskModelTrainer(architecture, c).train(data, task),
                            m -> ModelProvenance.of(m, hash, TestEvaluation.ofModel(m.classifier(), List.of(task),
                                    data, bootstrap).get(0)), TrainedTaskModel::classifier);
                    models.add(d.model());
                    provenance.add(d.provenance());
                    rows.add(row(d, task, seed));
                    progress.step(done(d, d.provenance().test(task).auroc().estimate()));
                }
            }
        } catch (RuntimeException e) {
            models.forEach(TrainedTaskModel::close);
            throw e;
        }
        return new SuiteResult(models, List.of(), provenance, SuiteTables.models("task models", rows),
                SuiteTables.summary("task models by task", rows), trainedCount(rows));
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
        List<Slot> slots = new ArrayList<>();
        for (long seed : seeds) {
            slots.add(new Slot(registry.multiLabelFolder(seed), "registry multi-label model seed " + seed, outputs,
                    new TrainingSpec(multi, config.withSeed(seed), hash)));
        }
        boolean[] stored = plan(slots);
        List<TrainedMultiLabelModel> models = new ArrayList<>();
        List<ModelProvenance> provenance = new ArrayList<>();
        List<SuiteTables.Row> rows = new ArrayList<>();
        int trained = 0;
        try (ConsoleProgress progress = ConsoleProgress.start(showProgress, "multi-label models", seeds.size(),
                " models")) {
            int k = 0;
            for (long seed : seeds) {
                TrainingConfig c = config.withSeed(seed);
                progress.message(TrainedMultiLabelModel.id(seed) + " ...");
                Done<TrainedMultiLabelModel> d = trainOrLoadOne(slots.get(k), stored[k++],
                        StoredModel::asMultiLabelModel, () -> new MultiLabelTrainer(multi, c).train(data, outputs),
                        m -> ModelProvenance.of(m, hash, TestEvaluation.ofModel(m.classifier(), outputs, data,
                                bootstrap)), TrainedMultiLabelModel::classifier);
                models.add(d.model());
                provenance.add(d.provenance());
                trained += d.loaded() ? 0 : 1;
                for (DiagnosticClass task : outputs) {
                    rows.add(row(d, task, seed));
                }
                progress.step(done(d, d.provenance().validationAuroc()));
            }
        } catch (RuntimeException e) {
            models.forEach(TrainedMultiLabelModel::close);
            throw e;
        }
        return new SuiteResult(List.of(), models, provenance, SuiteTables.models("multi-label models", rows),
                SuiteTables.summary("multi-label models by task", rows), trained);
    }

    /** A model of this run with its provenance, and whether it came from the registry. */
    private record Done<M>(M model, ModelProvenance provenance, boolean loaded) {
    }

    /**
     * One registry entry of this run.
     *
     * @param folder  the entry
     * @param what    how messages name it
     * @param outputs the classes of its logits
     * @param spec    what a stored model must have been made by to be reused
     */
    private record Slot(Path folder, String what, List<DiagnosticClass> outputs, TrainingSpec spec) {
    }

    /**
     * Before any training: which entries are stored already (a mismatch fails here, not after hours of training the
     * entries before it), with what killed runs left behind cleaned up first; and, if anything is to be trained,
     * the registry made ready for writing (marker, no foreign files, writable).
     */
    private boolean[] plan(List<Slot> slots) {
        boolean[] stored = new boolean[slots.size()];
        for (int i = 0; i < stored.length; i++) {
            Slot s = slots.get(i);
            io(() -> {
                AtomicFiles.recover(s.folder());
                return null;
            });
            stored[i] = isStored(() -> registry.matches(s.folder(), s.what(), s.outputs(), s.spec()));
        }
        for (boolean b : stored) {
            if (!b) {
                io(() -> {
                    RegistryFolder.prepareForWriting(registry.root());
                    return null;
                });
                break;
            }
        }
        return stored;
    }

    /**
     * One registry entry: loaded if the registry holds it for its spec, else trained, scored and saved there at
     * once, so an interrupted run keeps every finished model. Training happens under the entry's lock, so a second
     * run that wants the same entry is told instead of replacing this one's model; under the lock the entry is
     * looked up again, since another run may have stored it meanwhile.
     */
    private <M extends AutoCloseable> Done<M> trainOrLoadOne(Slot slot, boolean storedAlready,
            Function<StoredModel, M> fromStore, Supplier<M> train, Function<M, ModelProvenance> score,
            Function<M, EcgClassifier> classifier) {
        if (storedAlready) {
            return loaded(slot, fromStore);
        }
        try (RegistryLock lock = io(() -> RegistryLock.entry(registry.root(), slot.folder(), slot.what()))) {
            if (isStored(() -> registry.matches(slot.folder(), slot.what(), slot.outputs(), slot.spec()))) {
                return loaded(slot, fromStore);
            }
            M model = train.get();
            try {
                ModelProvenance p = score.apply(model);
                io(() -> {
                    ModelStore.save(slot.folder(), classifier.apply(model), p);
                    return null;
                });
                return new Done<>(model, p, false);
            } catch (RuntimeException e) {
                try {
                    model.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static <M> Done<M> loaded(Slot slot, Function<StoredModel, M> fromStore) {
        StoredModel stored = io(() -> ModelStore.load(slot.folder()));
        return new Done<>(fromStore.apply(stored), stored.provenance(), true);
    }

    private static SuiteTables.Row row(Done<?> d, DiagnosticClass task, long seed) {
        ModelProvenance p = d.provenance();
        return new SuiteTables.Row(p.kind(), task, seed, p.epochsRun(), p.bestEpoch(), p.validationAuroc(),
                p.test(task), d.loaded());
    }

    private static String done(Done<?> d, double auroc) {
        return String.format(Locale.ROOT, "%s %s, %s AUROC %.4f", d.provenance().modelId(),
                d.loaded() ? "loaded" : "trained", ModelProvenance.BINARY.equals(d.provenance().kind())
                        ? "test" : "mean val", auroc);
    }

    private static int trainedCount(List<SuiteTables.Row> rows) {
        return (int) rows.stream().filter(r -> !r.loaded()).count();
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
