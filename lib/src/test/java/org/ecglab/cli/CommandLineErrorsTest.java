package org.ecglab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Help texts, usage errors (exit 2), user-data errors (exit 1, one line, no stack trace), internal errors (3). */
class CommandLineErrorsTest {
    private static final List<String> SUBCOMMANDS = List.of("generate", "import-ptbxl", "info", "train", "explain",
            "export", "methods");

    @TempDir
    Path dir;

    /** A user error: exit 1, stderr exactly one line "error: ..." mentioning {@code expected}, no stack trace. */
    private static void assertUserError(CliRun r, String expected) {
        assertEquals(ExitCodes.DATA_ERROR, r.exitCode(), r.toString());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.toString());
        assertTrue(lines.get(0).startsWith("error: "), r.toString());
        assertTrue(lines.get(0).contains(expected), "expected '" + expected + "' in " + r);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.toString());
    }

    @Test
    void topHelpListsEverySubcommandAndTheExample() {
        CliRun r = CliRun.run("--help");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        for (String s : SUBCOMMANDS) {
            assertTrue(r.out().contains("  " + s + " "), s + " missing in\n" + r.out());
        }
        assertTrue(r.out().contains("ecglab generate --per-class"), r.out());
        assertTrue(r.out().contains("Exit codes"), r.out());
    }

    @Test
    void everySubcommandHasHelpWithDefaultsAndExamples() {
        for (String s : SUBCOMMANDS) {
            CliRun r = CliRun.run(s, "--help");
            assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
            assertTrue(r.out().startsWith("Usage: ecglab " + s), r.out());
            assertTrue(r.out().contains("Example"), s + ": no example in\n" + r.out());
        }
        CliRun train = CliRun.run("train", "--help");
        // Defaults come from TrainingConfig.defaults(), so help shows what the trainer really uses.
        assertTrue(train.out().contains("Default: 30"), train.out());
        assertTrue(train.out().contains("Default: 0.001"), train.out());
        CliRun explain = CliRun.run("explain", "--help");
        assertTrue(explain.out().contains("Default: integrated_gradients"), explain.out());
        assertTrue(explain.out().contains("TRAIN, VALIDATION, TEST"), explain.out());
    }

    @Test
    void versionIsTheMavenProjectVersion() {
        CliRun r = CliRun.run("--version");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertTrue(r.out().startsWith("ecglab " + VersionProvider.libraryVersion()), r.out());
        assertFalse(VersionProvider.libraryVersion().equals("unknown"), "version.properties was not filtered");
        assertTrue(VersionProvider.libraryVersion().matches("\\d+\\.\\d+\\.\\d+.*"), VersionProvider.libraryVersion());
    }

    @Test
    void usageErrorsExitWithTwoAndPointToHelp() {
        CliRun none = CliRun.run();
        assertEquals(ExitCodes.USAGE, none.exitCode());
        assertTrue(none.err().contains("Usage: ecglab"), none.toString());

        CliRun missing = CliRun.run("train", "--data", "x.npz");
        assertEquals(ExitCodes.USAGE, missing.exitCode(), missing.toString());
        assertTrue(missing.err().startsWith("error: Missing required option"), missing.toString());
        assertTrue(missing.err().contains("Try 'ecglab train --help'"), missing.toString());

        CliRun typo = CliRun.run("trian");
        assertEquals(ExitCodes.USAGE, typo.exitCode(), typo.toString());
        assertTrue(typo.err().contains("train"), "suggestion expected: " + typo);

        CliRun badNumber = CliRun.run("generate", "--per-class", "many", "--out", "x.npz");
        assertEquals(ExitCodes.USAGE, badNumber.exitCode(), badNumber.toString());

        Path never = dir.resolve("never.npz");
        CliRun badRate = CliRun.run("generate", "--label-noise", "0.5", "--out", never.toString());
        assertEquals(ExitCodes.USAGE, badRate.exitCode(), badRate.toString());
        assertTrue(badRate.err().startsWith("error: --label-noise must be between 0 and 0.2, got 0.5"), badRate.toString());
        assertTrue(!Files.exists(never), "nothing written");
    }

    @Test
    void missingAndCorruptDatasetFilesAreUserErrors() throws IOException {
        Path missing = dir.resolve("nope.npz");
        assertUserError(CliRun.run("info", missing.toString()), missing + ": dataset file does not exist");

        Path corrupt = Files.write(dir.resolve("corrupt.npz"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertUserError(CliRun.run("info", corrupt.toString()), corrupt + ": not a readable .npz");

        assertUserError(CliRun.run("info", dir.toString()), "is a folder");
    }

    @Test
    void unknownTaskMethodAndBadParametersAreUserErrors() {
        String data = dir.resolve("data.npz").toString();
        String registry = dir.toString();
        assertUserError(CliRun.run("train", "--data", data, "--task", "LBBX", "--registry", registry),
                "unknown task 'LBBX'");
        assertUserError(CliRun.run("train", "--data", data, "--task", "LBBB,LBBB", "--registry", registry),
                "given twice");
        assertUserError(CliRun.run("train", "--data", data, "--task", "LBBB", "--seeds", "5-1", "--registry",
                registry), "seed range '5-1' in '5-1' is descending");
        assertUserError(CliRun.run("train", "--data", data, "--task", "LBBB", "--seeds", "1,x", "--registry",
                registry), "'x' in --seeds '1,x' is not a seed");
        assertUserError(CliRun.run("export", "--data", data, "--registry", registry, "--task", "LBBB", "--method",
                "saliency", "--method", "saliency", "--out", registry), "--method saliency is given twice");
        String[] explain = {"explain", "--data", data, "--model", dir.toString(), "--out", "a.npy"};
        assertUserError(CliRun.run(concat(explain, "--method", "gradcam")), "unknown attribution method 'gradcam'");
        assertUserError(CliRun.run(concat(explain, "--method", "integrated_gradients", "--param", "n_steps")),
                "--param 'n_steps' is not of the form name=value");
        assertUserError(CliRun.run(concat(explain, "--method", "integrated_gradients", "--param", "n_steps=many")),
                "parameter 'n_steps' of method integrated_gradients is 'many'; expected");
        assertUserError(CliRun.run(concat(explain, "--method", "saliency", "--param", "steps=3")),
                "unknown parameter 'steps' for method saliency");
    }

    @Test
    void seedListsAreSeedsRangesOrBothInTheOrderGiven() {
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), Seeds.parse("1-5"));
        assertEquals(List.of(1L, 3L, 7L), Seeds.parse("1,3,7"));
        assertEquals(List.of(7L, 1L, 2L, 3L), Seeds.parse(" 7, 1-3"));
        assertEquals(List.of(4L), Seeds.parse("4-4"));
        assertEquals("seed 3 is given twice in '1-3,3'",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> Seeds.parse("1-3,3")).getMessage());
        for (String bad : new String[] {"", "-1", "1-", "a", "1,,2", "0-1000"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Seeds.parse(bad),
                    bad);
        }
    }

    @Test
    void aModelIsSelectedByRegistryKeyOrByFolderNotBoth() {
        String data = dir.resolve("data.npz").toString();
        CliRun both = CliRun.run("explain", "--data", data, "--model", "m", "--registry", "r", "--task", "LBBB",
                "--out", "a.npy");
        assertEquals(ExitCodes.USAGE, both.exitCode(), both.toString());
        assertTrue(both.err().contains("mutually exclusive"), both.toString());
        CliRun none = CliRun.run("export", "--data", data, "--out", "b");
        assertEquals(ExitCodes.USAGE, none.exitCode(), none.toString());
        CliRun keyWithoutTask = CliRun.run("explain", "--data", data, "--registry", "r", "--out", "a.npy");
        assertEquals(ExitCodes.USAGE, keyWithoutTask.exitCode(), keyWithoutTask.toString());
        assertTrue(keyWithoutTask.err().contains("--task"), keyWithoutTask.toString());
        for (String command : List.of("explain", "export")) {
            String help = CliRun.run(command, "--help").out();
            assertTrue(help.contains("Model (by registry key or by folder):"), help);
            assertTrue(help.contains("--model=DIR") && help.contains("--registry=DIR") && help.contains("--seed=S"),
                    help);
        }
    }

    @Test
    void debugAddsTheStackTrace() {
        CliRun r = CliRun.run("info", dir.resolve("nope.npz").toString(), "--debug");
        assertEquals(ExitCodes.DATA_ERROR, r.exitCode());
        assertTrue(r.err().startsWith("error: "), r.toString());
        assertTrue(r.err().contains("\tat org.ecglab.cli.DatasetIo.load"), r.toString());
    }

    @Command(name = "broken")
    static final class Broken implements Callable<Integer> {
        @picocli.CommandLine.Option(names = CommonOptions.DEBUG)
        boolean debug;

        @Override
        public Integer call() {
            throw new IllegalStateException("invariant violated");
        }
    }

    @Test
    void unexpectedExceptionsAreInternalErrorsWithAHint() {
        ErrorReporting errors = new ErrorReporting();
        CliRun r = CliRun.run(new CommandLine(new Broken()).setExecutionExceptionHandler(errors));
        assertEquals(ExitCodes.INTERNAL_ERROR, r.exitCode());
        assertTrue(r.err().startsWith("error: internal error: java.lang.IllegalStateException: invariant violated"),
                r.toString());
        assertTrue(r.err().contains("Run again with --debug"), r.toString());
        assertFalse(r.err().contains("\tat "), r.toString());

        CliRun debug = CliRun.run(new CommandLine(new Broken()).setExecutionExceptionHandler(errors), "--debug");
        assertEquals(ExitCodes.INTERNAL_ERROR, debug.exitCode());
        assertTrue(debug.err().contains("\tat org.ecglab.cli.CommandLineErrorsTest$Broken.call"), debug.toString());
    }

    @Test
    void keyValueParametersKeepOrderAndAllowEqualsInValues() {
        assertEquals(List.of("n_steps", "method", "x"),
                List.copyOf(KeyValueParameters.parse(List.of("n_steps=32", "method=riemann_left", "x=a=b")).keySet()));
        assertEquals("a=b", KeyValueParameters.parse(List.of("x = a=b")).get("x"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
