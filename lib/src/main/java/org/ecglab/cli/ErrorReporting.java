package org.ecglab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
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
        err.println("error: " + oneLine(ex.getMessage()));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** The exception that describes a user error, or null if {@code ex} is not one. */
    static Throwable userError(Throwable ex) {
        if (ex instanceof UncheckedIOException u) {
            return u.getCause();
        }
        return ex instanceof IOException || ex instanceof IllegalArgumentException ? ex : null;
    }

    /** One line for the user. File-system exceptions carry only the path as message, so say what happened. */
    static String describe(Throwable e) {
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
