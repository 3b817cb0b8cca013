package org.ecglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.model.TaskModelTrainer;
import org.ecglab.model.TrainedTaskModel;
import org.ecglab.model.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecglab train}: one binary task model per requested class, saved under {@code OUT/<TASK>-seed<S>}. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        description = {
            "Train binary task models (one CNN per diagnostic class) on the train split with Adam, early-stopped on "
                    + "validation AUROC, and report validation and test AUROC.",
            "Each model is saved to OUT/<TASK>-seed<SEED>/ (replacing an earlier model of the same task and seed). "
                    + "The same seed gives the same weights."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ecglab train --data data.npz --task LBBB --seed 1 --out models",
            "  ecglab train --data data.npz --task all --seed 2 --epochs 20 \\",
            "      --balance-classes --out models",
            "  ecglab train --data data.npz --task LBBB,RBBB --out models"})
final class TrainCommand implements Callable<Integer> {
    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Dataset .npz file.")
    Path data;

    @Option(names = "--task", required = true, paramLabel = "TASK",
            description = "A class id (NORM, AVB1, LBBB, RBBB, LVH, ASTE, IMI, LQT, LTWI), a comma-separated list, "
                    + "or 'all'.")
    String task;

    @Option(names = "--seed", paramLabel = "S", description = "Seeds initialisation and data order.")
    long seed = DEFAULTS.seed();

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum number of epochs.")
    int epochs = DEFAULTS.maxEpochs();

    @Option(names = "--batch-size", paramLabel = "N", description = "Records per Adam step.")
    int batchSize = DEFAULTS.batchSize();

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate.")
    double learningRate = DEFAULTS.learningRate();

    @Option(names = "--patience", paramLabel = "N",
            description = "Stop after N epochs without a better validation AUROC.")
    int patience = DEFAULTS.patience();

    @Option(names = "--balance-classes",
            description = "Weight positives by negatives/positives in the loss (for rare classes).")
    boolean balanceClasses = DEFAULTS.balanceClasses();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the model folders.")
    Path out;

    // Last, so the common options come after the command's own in --help.
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        List<DiagnosticClass> tasks = Tasks.parse(task);
        // Checked before the (possibly large) dataset is read, so a typo fails fast.
        TrainingConfig config = new TrainingConfig(epochs, batchSize, learningRate, patience, seed, balanceClasses,
                common.showProgress());
        EcgDataset dataset = DatasetIo.load(data);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%-14s %6s %10s %9s %10s %10s  %s%n", "model", "epochs", "best epoch", "val AUROC",
                "test AUROC", "test AUPRC", "folder");
        o.flush();
        List<String> failures = new ArrayList<>();
        TaskModelTrainer trainer = new TaskModelTrainer(config);
        for (DiagnosticClass c : tasks) {
            try (TrainedTaskModel m = trainer.train(dataset, c)) {
                Path folder = ModelFolders.save(m, out);
                o.printf(Locale.ROOT, "%-14s %6d %10d %9.4f %10.4f %10.4f  %s%n", m.id(), m.epochsRun(),
                        m.bestEpoch(), m.validationAuroc(), m.testAuroc(), m.testAuprc(), folder);
                o.flush();
            } catch (IllegalArgumentException e) {
                if (tasks.size() == 1) {
                    throw e;
                }
                // With several tasks, one class without positives in a split should not cost the others' training.
                failures.add(c.id());
                spec.commandLine().getErr().println("skipped " + c.id() + ": " + ErrorReporting.describe(e));
                spec.commandLine().getErr().flush();
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalArgumentException(failures.size() + " of " + tasks.size()
                    + " task(s) could not be trained: " + failures);
        }
        return ExitCodes.OK;
    }
}
