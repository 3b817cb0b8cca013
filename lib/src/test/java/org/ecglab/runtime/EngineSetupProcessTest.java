package org.ecglab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecglab.ChildRun;
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

    private ChildRun run(List<String> jvmOptions, Map<String, String> env) throws IOException, InterruptedException {
        return ChildRun.run(EngineChild.class, jvmOptions, env, tmp);
    }

    @Test
    void aJvmWithoutOptionsRunsWithTheLabsSettingsAndLogsNothing() throws Exception {
        ChildRun bare = run(List.of(), Map.of());
        bare.assertLine("intra-op threads +1 +default");
        bare.assertLine("inter-op threads +1 +default");
        bare.assertLine("offline +true +default");
        bare.assertLine("OMP_WAIT_POLICY +not set .*");
        assertFalse(bare.stdout().contains("WARNING"), bare.stdout());
        assertEquals("", bare.stderr(), "DJL must log nothing at start-up (INFO lines, the CUDA warning)");

        ChildRun explicit = run(List.of("-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                "-Dai.djl.offline=true"), Map.of("OMP_NUM_THREADS", "1", "OMP_WAIT_POLICY", "PASSIVE"));
        assertEquals(explicit.result(), bare.result(), "same numbers with and without the JVM options");

        // The sums do depend on the thread count, so the equality above is a real check.
        ChildRun twoThreads = run(List.of(), Map.of("ECGLAB_THREADS", "2"));
        twoThreads.assertLine("intra-op threads +2 +ECGLAB_THREADS");
        assertNotEquals(bare.result(), twoThreads.result());
    }
}
