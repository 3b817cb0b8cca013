package org.ecglab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.ecglab.runtime.CpuDescription;
import org.ecglab.runtime.GradientSelfCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link EngineSetup} in this JVM, whose engine the build starts with one intra-op and one inter-op thread. */
class EngineSetupTest {
    private static EngineSettings settings(int intraOp, int interOp) {
        return new EngineSettings(new Sourced<>(intraOp, "test"), new Sourced<>(interOp, "test"),
                new Sourced<>(true, "test"));
    }

    @AfterEach
    void restoreTheBuildsSettings() {
        EngineSetup.start(settings(1, 1));
        assertEquals(1, JniUtils.getNumThreads());
    }

    @Test
    void startReadsTheSettingsBackFromPyTorch() {
        EffectiveSettings effective = EngineSetup.start(settings(1, 1));
        assertEquals(List.of(), effective.warnings());
        assertEquals("1", effective.value("intra-op threads"));
        assertEquals("1", effective.value("inter-op threads"));
        assertEquals("true", effective.value("offline"));
        assertEquals("test", effective.entries().get(1).origin());
        assertEquals("2.7.1", effective.value("PyTorch"));
        assertEquals("warn", effective.value("DJL log level"));
        // start() runs the gradient self-check, so the first cell of a notebook shows its outcome.
        GradientSelfCheck.Report report = GradientSelfCheck.reportIfRun();
        assertTrue(report != null, "start() runs the probe");
        assertTrue(effective.value("gradient self-check").startsWith(
                report.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "; oneDNN convolutions "),
                effective.value("gradient self-check"));
        assertEquals(CpuDescription.current().toString(), effective.value("CPU"));
        assertEquals(effective, EngineSetup.effective());
    }

    @Test
    void anEngineRunningWithOtherIntraOpThreadsIsCorrectedAndReported() {
        JniUtils.setNumThreads(2); // as if some earlier code had started the engine with PyTorch's default
        EffectiveSettings effective = EngineSetup.start(settings(1, 1));
        assertEquals(1, JniUtils.getNumThreads());
        assertEquals("1", effective.value("intra-op threads"));
        assertEquals(1, effective.warnings().size());
        assertTrue(effective.warnings().get(0).startsWith("PyTorch was already running with 2 intra-op threads"),
                effective.warnings().get(0));
    }

    @Test
    void interOpThreadsThatCanNoLongerChangeAreReported() {
        EffectiveSettings effective = EngineSetup.start(settings(1, 3));
        assertEquals("1", effective.value("inter-op threads"), "PyTorch fixes this count at its first use");
        assertEquals(1, effective.warnings().size());
        assertTrue(effective.warnings().get(0).startsWith("PyTorch runs with 1 inter-op threads, not 3"),
                effective.warnings().get(0));
    }

    @Test
    void loggingDefaultsComeFromTheShippedFileAndNeverOverrideTheUser() {
        Properties empty = new Properties();
        assertEquals(Set.of("org.slf4j.simpleLogger.defaultLogLevel",
                "org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils"), EngineSetup.applyLoggingDefaults(empty));
        assertEquals("warn", empty.getProperty("org.slf4j.simpleLogger.defaultLogLevel"));
        assertEquals("error", empty.getProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils"));

        Properties user = new Properties();
        user.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        assertEquals(Set.of("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils"),
                EngineSetup.applyLoggingDefaults(user));
        assertEquals("debug", user.getProperty("org.slf4j.simpleLogger.defaultLogLevel"));
    }
}
