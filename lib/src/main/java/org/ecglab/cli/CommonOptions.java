package org.ecglab.cli;

import picocli.CommandLine.Option;

/** Options every subcommand takes (mixed in), so {@code ecglab train ... --debug} works on any subcommand. */
final class CommonOptions {
    /** Long name of the debug flag; {@link ErrorReporting} looks for it in the parse result. */
    static final String DEBUG = "--debug";

    @Option(names = DEBUG, description = "On error, print the full stack trace.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    /** Whether progress bars should be drawn (on stderr). */
    public boolean showProgress() {
        return !quiet;
    }
}
