package org.ecglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.data.io.AtomicFiles;
import org.ecglab.experiment.Tables;
import org.ecglab.registry.ModelRegistry;
import org.ecglab.registry.RegistryMismatchException;
import org.ecglab.registry.ResultsFile;
import org.ecglab.registry.SuiteResult;
import org.ecglab.registry.TaskModelSuite;
import org.ecglab.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ecglab train}: the task models for the requested tasks and seeds through {@link TaskModelSuite}, stored in a
 * {@link ModelRegistry}; models the registry already holds for the same data, architecture and settings are loaded,
 * not retrained. Prints the suite's table (and the per-task summary for several seeds) and writes it as CSV.
 */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        description = {
            "Train binary task models (one CNN per diagnostic class and seed) on the train split with Adam, "
                    + "early-stopped on the validation loss, and report validation AUROC and test AUROC and AUPRC with "
                    + "bootstrap 95%% intervals (1000 resamples of the test ECGs).",
            "Models are stored in the registry as REGISTRY/<TASK>/seed-<S>/ (multi-label: "
                    + "REGISTRY/multilabel/seed-<S>/) with their provenance, each as soon as it is trained, so an "
                    + "interrupted run resumes. A model stored for the same data, architecture and settings is "
                    + "loaded instead of trained ('loaded' column); one stored for other data or settings is an "
                    + "error unless --retrain-on-mismatch is given. The same seed gives the same weights.",
            "The results table is also written as CSV (full precision) to --results."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ecglab train --data data.npz --task LBBB --registry models",
            "  ecglab train --data data.npz --task all --seeds 1-5 --registry models",
            "      (the study setting: nine classes x five seeds)",
            "  ecglab train --data data.npz --task LBBB,RBBB --seeds 1,3,7 --epochs 20 \\",
            "      --balance-classes --registry models",
            "  ecglab train --data data.npz --task all --multilabel --seeds 1-5 \\",
            "      --registry models"})
final class TrainCommand implements Callable<Integer> {
    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();
    /** Decimals of the printed tables; the CSV keeps full precision. */
    private static final int DIGITS = 4;
    /** Default file name of the results table inside the registry folder. */
    static final String RESULTS = ResultsFile.NAME;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Dataset .npz file.")
    Path data;

    @Option(names = "--task", paramLabel = "TASK",
            description = "A class id (NORM, AVB1, LBBB, RBBB, LVH, ASTE, IMI, LQT, LTWI), a comma-separated list, "
                    + "or 'all'. Required for binary models. With --multilabel: the outputs of the one model, in "
                    + "logit order (default: all).")
    String task;

    @Option(names = "--seeds", paramLabel = "SEEDS", defaultValue = "1",
            description = "Training seeds: one (3), a range (1-5), a list (1,3,7) or a mix (1-3,7); one model per "
                    + "task and seed. The study uses 1-5.")
    String seeds;

    @Option(names = "--multilabel",
            description = "Train one multi-label model per seed with one logit per --task class, instead of one "
                    + "binary model per class.")
    boolean multilabel;

    @Option(names = "--registry", required = true, paramLabel = "DIR",
            description = "Model registry folder (created if missing).")
    Path registry;

    @Option(names = "--results", paramLabel = "FILE",
            description = "Where to write the results table as CSV; this run's rows are merged into an earlier "
                    + "table there (same model, task and seed replaced). Default: REGISTRY/" + RESULTS + ".")
    Path results;

    @Option(names = "--retrain-on-mismatch",
            description = "Retrain and replace a stored model made with other data or settings, instead of failing.")
    boolean retrainOnMismatch;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum number of epochs.")
    int epochs = DEFAULTS.maxEpochs();

    @Option(names = "--batch-size", paramLabel = "N", description = "Records per Adam step.")
    int batchSize = DEFAULTS.batchSize();

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate.")
    double learningRate = DEFAULTS.learningRate();

    @Option(names = "--patience", paramLabel = "N",
            description = "Stop after N epochs without a lower validation loss.")
    int patience = DEFAULTS.patience();

    @Option(names = "--balance-classes",
            description = "Weight positives by negatives/positives in the loss (for rare classes).")
    boolean balanceClasses = DEFAULTS.balanceClasses();

    // Last, so the common options come after the command's own in --help.
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        // Arguments and output paths are checked before the (possibly large) dataset is read and before any training,
        // so a typo or an unwritable path fails at once, not after hours.
        if (task == null && !multilabel) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--task=TASK' (binary models "
                    + "need it; --multilabel alone trains one model over all nine classes)");
        }
        List<DiagnosticClass> tasks = Tasks.parse(task == null ? Tasks.ALL : task);
        List<Long> seedList = Seeds.parse(seeds);
        OptionChecks.atLeast("--epochs", epochs, 1);
        OptionChecks.atLeast("--batch-size", batchSize, 1);
        OptionChecks.positive("--lr", learningRate);
        OptionChecks.atLeast("--patience", patience, 1);
        TrainingConfig config = new TrainingConfig(epochs, batchSize, learningRate, patience, DEFAULTS.seed(),
                balanceClasses, common.showProgress());
        if (Files.exists(registry) && !Files.isDirectory(registry)) {
            throw new IOException("--registry " + registry + " is a file, not a folder");
        }
        if (!Files.exists(registry)) {
            AtomicFiles.checkWritableFolder(registry);
        }
        Path csv = results != null ? results : registry.resolve(RESULTS);
        ResultsFile.checkWritable(csv);
        EcgDataset dataset = DatasetIo.load(data);
        requireTrainable(dataset, tasks);
        ModelRegistry models = new ModelRegistry(registry);
        TaskModelSuite suite = new TaskModelSuite(models, config).withRetrainOnMismatch(retrainOnMismatch)
                .withProgress(common.showProgress());
        try (SuiteResult r = run(suite, dataset, tasks, seedList)) {
            PrintWriter o = spec.commandLine().getOut();
            o.println(Tables.rounded(r.table(), DIGITS).printAll());
            if (seedList.size() > 1) {
                o.println();
                o.println(Tables.rounded(r.summary(), DIGITS).printAll());
            }
            int kept = ResultsFile.merge(csv, r.table(), models.root()).rowCount() - r.table().rowCount();
            o.printf("%ntrained %d model(s), loaded %d already in the registry (same data, architecture and "
                    + "settings)%n", r.trainedCount(), r.loadedCount());
            o.printf("registry: %s%nresults:  %s (%d row(s) of this run%s)%n", models.root(), csv, r.table().rowCount(),
                    kept == 0 ? "" : ", " + kept + " kept from earlier runs");
            o.flush();
        }
        return ExitCodes.OK;
    }

    private SuiteResult run(TaskModelSuite suite, EcgDataset dataset, List<DiagnosticClass> tasks, List<Long> s) {
        try {
            return multilabel ? suite.trainOrLoadMultiLabel(dataset, tasks, s) : suite.trainOrLoad(dataset, tasks, s);
        } catch (RegistryMismatchException e) {
            throw new IllegalArgumentException(e.getMessage() + " (--retrain-on-mismatch replaces it)", e);
        }
    }

    /**
     * Every split must hold positives and negatives of every task (the trainer needs both, and test AUROC too).
     * Checked for all tasks before any training, so a long run does not fail after hours on a class with no
     * positives; the message lists every such task.
     */
    static void requireTrainable(EcgDataset dataset, List<DiagnosticClass> tasks) {
        List<String> problems = new ArrayList<>();
        for (DiagnosticClass c : tasks) {
            for (Split split : Split.values()) {
                int n = dataset.indices(split).length;
                int positives = dataset.positives(split, c).length;
                if (positives == 0 || positives == n) {
                    problems.add(c.id() + " (the " + RecordSelection.name(split) + " split has " + positives
                            + " positive and " + (n - positives) + " negative records)");
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(dataset.name() + ": cannot train " + String.join(", ", problems)
                    + "; every split needs positives and negatives. Leave "
                    + (problems.size() == 1 ? "it" : "them") + " out of --task. Nothing was trained.");
        }
    }
}
