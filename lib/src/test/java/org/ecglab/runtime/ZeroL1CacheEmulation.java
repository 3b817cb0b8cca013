package org.ecglab.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.ecglab.ExternalTools;

/**
 * The faulty CPU of issue 7 on a healthy one: a child JVM started under gdb with {@code zero-l1-cache.gdb.py}, which
 * makes oneDNN read a per-core L1 data cache of 0 bytes, as it does in AMD EPYC virtual machines that expose no cache
 * sizes. Used by {@link FaultyCpuEmulationTest} and, with {@code -Decglab.benchmark.emulate=zero-l1-cache}, by the
 * benchmarks.
 */
public final class ZeroL1CacheEmulation {
    /** The value of {@code ecglab.benchmark.emulate} that selects this emulation. */
    public static final String NAME = "zero-l1-cache";
    private static final String GDB_SCRIPT = "zero-l1-cache.gdb.py";

    private ZeroL1CacheEmulation() {
    }

    /**
     * The command prefix that runs the program after it under the emulation: {@code gdb ... --args}, followed by the
     * caller's {@code java ...} command.
     *
     * @param scratch a folder for a copy of the gdb script
     * @throws org.opentest4j.TestAbortedException locally, or an assertion error under CI, if gdb is not installed
     */
    public static List<String> gdbPrefix(Path scratch) throws IOException, InterruptedException {
        requireGdb();
        Path script = scratch.resolve(GDB_SCRIPT);
        try (InputStream in = ZeroL1CacheEmulation.class.getResourceAsStream(GDB_SCRIPT)) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> cmd = new ArrayList<>(List.of("gdb", "-batch", "-nx"));
        // The JVM uses these signals itself (null checks, safepoints, thread control); gdb must pass them on.
        for (String signal : List.of("SIGSEGV", "SIGBUS", "SIGFPE", "SIGILL", "SIGQUIT", "SIGUSR1", "SIGUSR2")) {
            cmd.addAll(List.of("-ex", "handle " + signal + " nostop noprint pass"));
        }
        cmd.addAll(List.of("-x", script.toString(), "-ex", "run", "--args"));
        return cmd;
    }

    private static void requireGdb() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("gdb", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            // not installed: handled below
        }
        throw ExternalTools.unavailable("gdb is not installed (faulty-CPU emulation)", "apt-get install gdb");
    }
}
