package org.ecglab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Outside tools the tests need: the Python side of the cross-checks (NumPy reads our files, PyTorch rebuilds our
 * models) and gdb (the faulty-CPU emulation). On a developer machine a check is skipped when a tool is missing;
 * under CI ({@code CI=true}, set by {@code .ci/run}, which installs them) it fails instead, so a broken install
 * cannot pass silently. {@code -Decglab.python=PATH} picks another Python interpreter.
 */
public final class ExternalTools {
    /** The interpreter that runs the checks. */
    public static final String PYTHON = System.getProperty("ecglab.python", "/usr/bin/python3");

    private ExternalTools() {
    }

    /**
     * A finished run.
     *
     * @param exit   exit status
     * @param output standard output and error, interleaved, stripped
     * @param millis wall time of the run
     */
    public record Result(int exit, String output, long millis) {
    }

    /** Whether this runs under CI: {@code CI=true} (or 1), as CI services and {@code .ci/run} set it. */
    public static boolean underCi() {
        String ci = System.getenv("CI");
        return ci != null && (ci.equalsIgnoreCase("true") || ci.equals("1"));
    }

    /**
     * Skips the calling test, or under CI fails it, when {@link #PYTHON} cannot import {@code modules}.
     *
     * @param modules  e.g. {@code "numpy"} or {@code "numpy, torch"}
     * @param packages the Debian packages that provide them, for the message
     */
    public static void require(String modules, String packages) throws InterruptedException {
        String why;
        try {
            Result r = run(List.of(PYTHON, "-c", "import " + modules), 60);
            if (r.exit() == 0) {
                return;
            }
            why = PYTHON + " cannot import " + modules + " (" + lastLine(r.output()) + ")";
        } catch (IOException e) {
            why = PYTHON + " cannot be started (" + e.getMessage() + ")";
        }
        throw unavailable(why, "apt-get install " + packages);
    }

    /**
     * Skips the calling test (JUnit's abort exception) or, under CI, fails it.
     *
     * @param why     what is missing
     * @param install how to install it, e.g. "apt-get install gdb"
     * @return never returns normally; declared so callers can write {@code throw unavailable(...)}
     */
    public static RuntimeException unavailable(String why, String install) {
        if (underCi()) {
            throw new AssertionError(why + "; CI=true requires it: " + install + " (.ci/run does), or unset CI to skip");
        }
        return Assumptions.abort(why + "; skipped (" + install + ")");
    }

    /**
     * Runs {@code command}, waiting at most {@code timeoutSeconds}.
     *
     * @throws IOException if it cannot be started or does not finish in time
     */
    public static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " timed out after " + timeoutSeconds + " s; output so far:\n" + out);
        }
        return new Result(p.exitValue(), out.strip(), (System.nanoTime() - start) / 1_000_000);
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    }
}
