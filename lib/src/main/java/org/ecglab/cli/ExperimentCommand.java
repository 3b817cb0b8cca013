package org.ecglab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ecglab experiment NAME}: the study's experiments on a dataset and a registry of task models. */
@Command(name = "experiment",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "NAME",
        description = {
            "Run one of the study's experiments on the task models of a registry (see 'ecglab train') and write its "
                    + "per-ECG table, its summary with bootstrap 95%% intervals and its figure to --out.",
            "Maps and results are cached (--cache, default OUT/cache): run the same command again and finished "
                    + "work is loaded, so an interrupted run resumes where it stopped."},
        subcommands = {
            SimilarityCommand.class,
            ConsistencyCommand.class,
            RandomizationCommand.class,
            PerturbationCommand.class,
            LocalizationCommand.class,
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ecglab experiment similarity --data data.npz --registry models --out results/similarity",
            "  ecglab experiment consistency --data data.npz --registry models --seeds 1-5 \\",
            "      --methods saliency,integrated_gradients --param integrated_gradients.n_steps=16 \\",
            "      --out results/consistency"})
final class ExperimentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
