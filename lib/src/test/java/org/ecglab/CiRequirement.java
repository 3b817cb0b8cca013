package org.ecglab;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need an outside tool (PyTorch, gdb): skipped where it is missing on a developer's machine, but a
 * failure under CI ({@code CI=true} or {@code 1}, as CI services and {@code .ci/run} set it), where .ci/run installs
 * the tool and a missing one means a broken install.
 */
public final class CiRequirement {
    private CiRequirement() {
    }

    /** Whether this runs under CI. */
    public static boolean underCi() {
        String ci = System.getenv("CI");
        return ci != null && (ci.equalsIgnoreCase("true") || ci.equals("1"));
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
}
