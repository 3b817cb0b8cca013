package org.ecglab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM started the way a kernel the user installed starts it (no {@code -D} options, no OpenMP variables) gets the
 * lab's settings from {@link EngineSetup#start()} alone: the same sums and gradient as a JVM given every option, and no
 * DJL log line on stderr.
 */
class EngineSetupProcessTest {
    @TempDir
    Path tmp;

    private record Child(String stdout, String stderr) {
        String result() {
            return stdout.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no RESULT line:\n" + stdout + stderr));
        }
    }

    private Child run(List<String> jvmOptions, Map<String, String> env) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, EngineChild.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("OMP_") || k.startsWith("ECGLAB_")
                || k.startsWith("DJL_OFFLINE") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(env);
        Path err = tmp.resolve("stderr-" + System.nanoTime());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "child did not finish");
        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), "child failed:\n" + out + stderr);
        return new Child(out, stderr);
    }

    private static void assertRow(Child child, String regex) {
        assertTrue(child.stdout().lines().anyMatch(l -> l.matches(regex)), regex + " in\n" + child.stdout());
    }

    @Test
    void aJvmWithoutOptionsRunsWithTheLabsSettingsAndLogsNothing() throws Exception {
        Child bare = run(List.of(), Map.of());
        assertRow(bare, "intra-op threads +1 +default");
        assertRow(bare, "inter-op threads +1 +default");
        assertRow(bare, "offline +true +default");
        assertRow(bare, "OMP_WAIT_POLICY +not set .*");
        assertFalse(bare.stdout().contains("WARNING"), bare.stdout());
        assertEquals("", bare.stderr(), "DJL must log nothing at start-up (INFO lines, the CUDA warning)");

        Child explicit = run(List.of("-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                "-Dai.djl.offline=true"), Map.of("OMP_NUM_THREADS", "1", "OMP_WAIT_POLICY", "PASSIVE"));
        assertEquals(explicit.result(), bare.result(), "same numbers with and without the JVM options");

        // The sums do depend on the thread count, so the equality above is a real check.
        Child twoThreads = run(List.of(), Map.of("ECGLAB_THREADS", "2"));
        assertRow(twoThreads, "intra-op threads +2 +ECGLAB_THREADS");
        assertNotEquals(bare.result(), twoThreads.result());
    }
}
