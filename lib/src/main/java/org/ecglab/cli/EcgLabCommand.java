package org.ecglab.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The top command {@code ecglab}; without a subcommand it prints its usage and exits with the usage code. */
@Command(name = "ecglab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "ECG Attribution Lab: train 1-D CNN task models on 12-lead median-beat ECGs and explain them with "
                    + "attribution methods.",
            "",
            "ECGs are 12 leads x 600 samples (500 Hz, 1.2 s) in mV. Datasets are .npz files that NumPy opens with "
                    + "np.load; models live in a registry folder (one entry per task and seed, with provenance); "
                    + "attributions are float32 .npy files with a .json provenance sidecar."},
        subcommands = {
            GenerateCommand.class,
            ImportPtbXlCommand.class,
            InfoCommand.class,
            TrainCommand.class,
            ExplainCommand.class,
            ExportCommand.class,
            ExperimentCommand.class,
            MethodsCommand.class,
        },
        footerHeading = "%nExample (synthetic data end to end):%n",
        footer = {
            "  ecglab generate --per-class 100 --seed 1 --out data.npz",
            "  ecglab info data.npz",
            "  ecglab train --data data.npz --task all --seeds 1 --registry models",
            "  ecglab explain --data data.npz --registry models --task LBBB --seed 1 \\",
            "      --method integrated_gradients --positives-only --out lbbb-ig.npy \\",
            "      --png figures",
            "  ecglab export --data data.npz --registry models --task LBBB --seed 1 --out bundle",
            "  ecglab experiment similarity --data data.npz --registry models --out results",
            "",
            "The study setting trains five seeds per task: ecglab train ... --task all --seeds 1-5.",
            "",
            "Exit codes: 0 ok, 1 bad data or argument value, 2 usage error, 3 internal error.",
            "Run 'ecglab COMMAND --help' for the options of a command."})
public final class EcgLabCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /**
     * A fully configured command line: subcommands, error handling ({@link ErrorReporting}), case-insensitive enum
     * values, usage width fitted to the terminal. {@link Main} runs it; tests run it in-process with
     * {@code setOut}/{@code setErr} to capture the output.
     */
    public static CommandLine commandLine() {
        ErrorReporting errors = new ErrorReporting();
        return new CommandLine(new EcgLabCommand())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setExecutionStrategy(ErrorReporting::runReportingOutOfMemory)
                .registerConverter(Path.class, EcgLabCommand::path)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true);
    }

    /** A path argument; one Java cannot represent in this locale gets the reason and the fix, not Java's text. */
    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            String hint = ErrorReporting.localeHint(e);
            throw new CommandLine.TypeConversionException(hint != null ? hint : "'" + text + "' is not a valid path: "
                    + e.getReason());
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
