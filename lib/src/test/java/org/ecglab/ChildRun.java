package org.ecglab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A finished child JVM ({@link ChildJvm#command}) started the way a kernel the user installed starts one: the test classpath, 1 GB heap, only the
 * given {@code -D} options, and an environment without the lab's, OpenMP's or DJL's variables unless given.
 *
 * @param stdout what the child printed
 * @param stderr what it printed on standard error
 */
public record ChildRun(String stdout, String stderr) {
    /**
     * Runs {@code main} and waits up to two minutes for it to exit with status 0.
     *
     * @param tmp where standard error is collected
     */
    public static ChildRun run(Class<?> main, List<String> jvmOptions, Map<String, String> env, Path tmp)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("-Xmx1g"));
        options.addAll(jvmOptions);
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(options, main));
        pb.environment().keySet().removeIf(k -> k.startsWith("OMP_") || k.startsWith("ECGLAB_")
                || k.startsWith("DJL_OFFLINE") || k.startsWith("MALLOC_") || k.equals("GLIBC_TUNABLES")
                || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(env);
        Path err = tmp.resolve("stderr-" + System.nanoTime());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "child did not finish");
        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), "child failed:\n" + out + stderr);
        return new ChildRun(out, stderr);
    }

    /** The child's one {@code RESULT} line. */
    public String result() {
        return stdout.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("no RESULT line:\n" + stdout + stderr));
    }

    /** Asserts that a whole line of the child's output matches {@code regex}. */
    public void assertLine(String regex) {
        assertTrue(stdout.lines().anyMatch(l -> l.matches(regex)), regex + " in\n" + stdout);
    }
}
