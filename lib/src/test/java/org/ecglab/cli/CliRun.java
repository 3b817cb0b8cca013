package org.ecglab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of {@code ecglab} with its exit code and captured stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    /** Runs the fully configured command line (as {@link Main} does, without exiting the JVM). */
    static CliRun run(String... args) {
        return run(EcgLabCommand.commandLine(), args);
    }

    static CliRun run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
