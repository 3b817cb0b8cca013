package org.ecglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * Turns exceptions into one line on stderr and an exit code (see {@link ExitCodes}). The library reports bad input as
 * {@link IllegalArgumentException} or {@link IOException} with a message naming what is wrong, so those are the
 * user's to fix (exit 1, no stack trace); anything else is unexpected (exit 3, with a hint to rerun with
 * {@code --debug}). Usage errors found by picocli get its message, suggestions for a mistyped name, and a pointer to
 * {@code --help} (exit 2).
 */
final class ErrorReporting implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean debug = debugRequested(parseResult);
        Throwable userError = userError(ex);
        int code;
        if (userError != null) {
            err.println("error: " + describe(userError));
            code = ExitCodes.DATA_ERROR;
        } else {
            err.println("error: internal error: " + ex.getClass().getName() + ": " + oneLine(ex.getMessage()));
            if (!debug) {
                err.println("Run again with " + CommonOptions.DEBUG + " for the stack trace, and please report it.");
            }
            code = ExitCodes.INTERNAL_ERROR;
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        // A mistyped option ("--registy") is what the user must fix, not the missing option it was meant to be:
        // picocli reports the missing one first, so name the unknown one, with suggestions.
        ParameterException shown = ex;
        if (!(ex instanceof UnmatchedArgumentException) && !cmd.getUnmatchedArguments().isEmpty()) {
            shown = new UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments());
        }
        String locale = localeHint(ex);
        err.println("error: " + (locale != null ? locale : oneLine(shown.getMessage())));
        UnmatchedArgumentException.printSuggestions(shown, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * Runs the command (picocli's {@link CommandLine.RunLast}); running out of Java heap, which picocli passes on as
     * an error with a stack trace, becomes one line with the heap limit and what to do, and exit code
     * {@link ExitCodes#INTERNAL_ERROR}; so does a stack overflow, as an internal error.
     */
    static int runReportingOutOfMemory(ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (OutOfMemoryError | StackOverflowError | InternalError e) {
            // Errors picocli passes on would end the JVM with a stack trace; they get one line like any other.
            PrintWriter err = parseResult.commandSpec().commandLine().getErr();
            boolean debug = debugRequested(parseResult);
            if (e instanceof OutOfMemoryError oom) {
                err.println(outOfMemory(oom, Runtime.getRuntime().maxMemory()));
            } else {
                err.println("error: internal error: " + e.getClass().getName() + ": " + oneLine(e.getMessage()));
                if (!debug) {
                    err.println("Run again with " + CommonOptions.DEBUG + " for the stack trace, and please report it.");
                }
            }
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    /** The one line for an {@link OutOfMemoryError} given the heap limit in bytes. */
    static String outOfMemory(OutOfMemoryError e, long maxHeap) {
        long mb = maxHeap / (1024 * 1024);
        return "error: out of memory (" + oneLine(e.getMessage()) + "; this Java may use at most " + mb + " MB of "
                + "heap). Give it more, e.g. java -Xmx" + Math.max(2, 4 * Math.max(1, mb / 1024)) + "g -jar "
                + "ecglab.jar ..., or explain fewer ECGs at a time (--ecgs-per-call, --limit).";
    }

    /** The exception that describes a user error, or null if {@code ex} is not one. */
    static Throwable userError(Throwable ex) {
        if (ex instanceof UncheckedIOException u) {
            return u.getCause();
        }
        return ex instanceof IOException || ex instanceof IllegalArgumentException ? ex : null;
    }

    /**
     * For a path Java could not represent: under a locale whose character set is not UTF-8 (LANG=C), Java turns
     * every non-ASCII character of an argument into '?' and refuses the path, and only the environment can fix it.
     *
     * @return the message, or null if {@code e} is not such a failure
     */
    static String localeHint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidPathException p) {
                String charset = System.getProperty("sun.jnu.encoding", "unknown");
                if (charset.equalsIgnoreCase("UTF-8")) {
                    return null;
                }
                return "the path '" + p.getInput() + "' has characters that Java cannot represent in this locale's "
                        + "character set (" + charset + ", from LANG/LC_ALL=" + locale() + "): run under a UTF-8 "
                        + "locale, e.g. LC_ALL=C.UTF-8 java -jar ecglab.jar ...";
            }
        }
        return null;
    }

    private static String locale() {
        for (String v : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = System.getenv(v);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "unset";
    }

    /** One line for the user. File-system exceptions carry only the path as message, so say what happened. */
    static String describe(Throwable e) {
        String locale = localeHint(e);
        if (locale != null) {
            return locale;
        }
        if (e instanceof NoSuchFileException n && n.getReason() == null) {
            return "no such file or folder: " + n.getFile();
        }
        if (e instanceof AccessDeniedException a && a.getReason() == null) {
            return "permission denied: " + a.getFile();
        }
        String m = oneLine(e.getMessage());
        return m.isEmpty() ? e.getClass().getSimpleName() : m;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(CommonOptions.DEBUG)) {
                return true;
            }
        }
        return false;
    }
}
