package org.ecglab.cli;

/** Process exit codes of {@code ecglab}; scripts can tell "fix your input" from "usage" from "report a bug". */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The user's data or an argument's value is wrong (missing or corrupt file, unknown task or method). */
    public static final int DATA_ERROR = 1;
    /** The command line itself is wrong (unknown option, missing required option); picocli's usage code. */
    public static final int USAGE = 2;
    /** An unexpected internal error: a bug, or the environment (native library, memory) failed. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
