package org.ecglab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {
    private static Properties properties(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void nothingSetGivesOneThreadEachAndOffline() {
        EngineSettings s = EngineSettings.fromEnvironment(Map.of(), new Properties());
        assertEquals(new Sourced<>(1, "default"), s.intraOpThreads());
        assertEquals(new Sourced<>(1, "default"), s.interOpThreads());
        assertEquals(new Sourced<>(true, "default"), s.offline());
    }

    @Test
    void jvmOptionsWinOverTheEnvironmentForThreads() {
        EngineSettings fromEnv = EngineSettings.fromEnvironment(Map.of("ECGLAB_THREADS", " 4 "), new Properties());
        assertEquals(new Sourced<>(4, "ECGLAB_THREADS"), fromEnv.intraOpThreads());
        EngineSettings both = EngineSettings.fromEnvironment(Map.of("ECGLAB_THREADS", "4"),
                properties("ai.djl.pytorch.num_threads", "2", "ai.djl.pytorch.num_interop_threads", "3"));
        assertEquals(new Sourced<>(2, "-Dai.djl.pytorch.num_threads"), both.intraOpThreads());
        assertEquals(new Sourced<>(3, "-Dai.djl.pytorch.num_interop_threads"), both.interOpThreads());
    }

    @Test
    void offlineFollowsDjlsOwnOrderEnvironmentFirst() {
        assertEquals(new Sourced<>(false, "-Dai.djl.offline"),
                EngineSettings.fromEnvironment(Map.of(), properties("ai.djl.offline", "false")).offline());
        assertEquals(new Sourced<>(true, "DJL_OFFLINE"), EngineSettings.fromEnvironment(
                Map.of("DJL_OFFLINE", "true"), properties("ai.djl.offline", "false")).offline());
    }

    @Test
    void badThreadCountsNameTheirSource() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> EngineSettings.fromEnvironment(Map.of("ECGLAB_THREADS", "0"), new Properties()));
        assertEquals("ECGLAB_THREADS must be a positive integer (a thread count), got '0'", zero.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class, () -> EngineSettings
                .fromEnvironment(Map.of(), properties("ai.djl.pytorch.num_interop_threads", "two")));
        assertTrue(text.getMessage().startsWith("-Dai.djl.pytorch.num_interop_threads must be"), text.getMessage());
    }
}
