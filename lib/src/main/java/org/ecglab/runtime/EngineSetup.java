package org.ecglab.runtime;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Utils;
import org.ecglab.runtime.CpuDescription;
import org.ecglab.runtime.GradientSelfCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place that gives DJL's PyTorch engine the lab's settings ({@link EngineSettings}), for the whole JVM.
 *
 * <p>DJL reads its thread counts once, from JVM properties, when the engine starts; a Jupyter kernel started without
 * the lab's JVM options (IJava, or any kernel the user installed) would otherwise run PyTorch with one thread per
 * core and give other numbers. {@link #configure} sets those properties, and the logging levels of
 * {@code simplelogger.properties}, without starting anything (the command line uses it before DJL loads);
 * {@link #start} also starts the engine, reads the settings back from PyTorch and corrects what it can: the
 * intra-op thread count can be changed at any time, the inter-op count only before PyTorch first uses it, so an
 * engine that some earlier code started with other settings is reported in {@link EffectiveSettings#warnings()}.
 *
 * <p>OpenMP's environment ({@code OMP_WAIT_POLICY}, {@code OMP_NUM_THREADS}) is read by the OpenMP runtime when
 * PyTorch loads and cannot be changed from Java; it is reported as found. PyTorch sets OpenMP's thread count from
 * the intra-op count itself.
 */
public final class EngineSetup {
    private static final String ENGINE = "PyTorch";
    private static final String LOGGING_RESOURCE = "/simplelogger.properties";
    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    /** Logging keys taken from {@link #LOGGING_RESOURCE} rather than from the user's {@code -D} options. */
    private static final Set<String> LOGGING_FROM_RESOURCE = new TreeSet<>();
    private static EngineSettings started;
    private static List<String> startWarnings = List.of();

    private EngineSetup() {
    }

    /**
     * Sets the JVM properties DJL reads when its engine starts (thread counts, offline mode), and the log levels of
     * the library's {@code simplelogger.properties} where the user set none. Starts nothing; has no effect on an
     * engine already started (use {@link #start} to find out).
     */
    public static synchronized void configure(EngineSettings settings) {
        LOGGING_FROM_RESOURCE.addAll(applyLoggingDefaults(System.getProperties()));
        System.setProperty(EngineSettings.INTRA_OP_PROPERTY, settings.intraOpThreads().value().toString());
        System.setProperty(EngineSettings.INTER_OP_PROPERTY, settings.interOpThreads().value().toString());
        System.setProperty(EngineSettings.OFFLINE_PROPERTY, settings.offline().value().toString());
    }

    /** {@link #start(EngineSettings)} with the settings of {@link EngineSettings#fromEnvironment()}. */
    public static EffectiveSettings start() {
        return start(EngineSettings.fromEnvironment());
    }

    /**
     * Configures and starts the PyTorch engine, then checks that it runs with {@code settings}: a wrong intra-op
     * thread count (an engine started earlier) is corrected, and every difference is reported as a warning.
     * Calling it again re-checks.
     *
     * @return the settings read back from the engine
     */
    public static synchronized EffectiveSettings start(EngineSettings settings) {
        configure(settings);
        Engine.getEngine(ENGINE);
        List<String> warnings = new ArrayList<>();
        int intraOp = settings.intraOpThreads().value();
        int before = JniUtils.getNumThreads();
        if (before != intraOp) {
            JniUtils.setNumThreads(intraOp);
            warnings.add("PyTorch was already running with " + before + " intra-op threads (started before these "
                    + "settings); set to " + intraOp + " now, so numbers computed earlier in this JVM may differ");
        }
        int interOp = settings.interOpThreads().value();
        if (JniUtils.getNumInteropThreads() != interOp) {
            try {
                JniUtils.setNumInteropThreads(interOp);
            } catch (EngineException e) {
                // PyTorch allows this once, before first use; the warning below says what to do instead.
            }
            int now = JniUtils.getNumInteropThreads();
            if (now != interOp) {
                warnings.add("PyTorch runs with " + now + " inter-op threads, not " + interOp + ": it was started "
                        + "before these settings and cannot change this now; restart the JVM (the kernel) and call "
                        + "this first");
            }
        }
        started = settings;
        startWarnings = List.copyOf(warnings);
        GradientSelfCheck.ensure(); // the notebook's first cell then shows its outcome
        return effective();
    }

    /**
     * The settings the engine runs with now, read back from PyTorch, with the warnings of the last {@link #start}.
     *
     * @throws IllegalStateException if {@link #start} was not called in this JVM
     */
    public static synchronized EffectiveSettings effective() {
        if (started == null) {
            throw new IllegalStateException("the PyTorch engine was not started through EngineSetup.start() "
                    + "(Lab.start() calls it)");
        }
        Engine engine = Engine.getEngine(ENGINE);
        Map<String, String> env = System.getenv();
        String logLevel = System.getProperty(LOG_LEVEL_PROPERTY, "info");
        return new EffectiveSettings(List.of(
                new EffectiveSettings.Entry(ENGINE, engine.getVersion(), "DJL " + Engine.getDjlVersion()),
                new EffectiveSettings.Entry("intra-op threads", Integer.toString(JniUtils.getNumThreads()),
                        started.intraOpThreads().origin()),
                new EffectiveSettings.Entry("inter-op threads", Integer.toString(JniUtils.getNumInteropThreads()),
                        started.interOpThreads().origin()),
                new EffectiveSettings.Entry("offline", Boolean.toString(Utils.isOfflineMode()),
                        started.offline().origin()),
                environmentEntry(env, "OMP_WAIT_POLICY"),
                new EffectiveSettings.Entry("DJL log level", logLevel, LOGGING_FROM_RESOURCE.contains(
                        LOG_LEVEL_PROPERTY) ? "simplelogger.properties" : "-D" + LOG_LEVEL_PROPERTY),
                new EffectiveSettings.Entry("CPU", CpuDescription.current().toString(), "/proc/cpuinfo, sysfs"),
                gradientCheckEntry()),
                startWarnings);
    }

    /** The gradient self-check's outcome so far and whether oneDNN convolutions are in use (issue 7). */
    private static EffectiveSettings.Entry gradientCheckEntry() {
        GradientSelfCheck.Report report = GradientSelfCheck.reportIfRun();
        String outcome = report == null ? "not run yet" : report.outcome().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ');
        String property = System.getProperty(GradientSelfCheck.PROPERTY);
        String origin = property != null ? "-D" + GradientSelfCheck.PROPERTY + "=" + property
                : System.getenv(GradientSelfCheck.ENVIRONMENT) != null
                        ? GradientSelfCheck.ENVIRONMENT + "=" + System.getenv(GradientSelfCheck.ENVIRONMENT)
                        : "default (auto)";
        return new EffectiveSettings.Entry("gradient self-check", outcome + "; oneDNN convolutions "
                + (GradientSelfCheck.oneDnnConvolutions() ? "on" : "off"), origin);
    }

    private static EffectiveSettings.Entry environmentEntry(Map<String, String> env, String variable) {
        String value = env.get(variable);
        return value == null
                ? new EffectiveSettings.Entry(variable, "not set", "OpenMP's default (only the environment sets it)")
                : new EffectiveSettings.Entry(variable, value, "environment");
    }

    /**
     * Copies the entries of the library's {@code simplelogger.properties} into {@code target} where it has no value
     * yet. slf4j-simple reads that file through the thread's context class loader, which in a Jupyter kernel is not
     * always the one that holds the library; JVM properties it reads in any case (and prefers to the file).
     *
     * @return the keys copied
     */
    static Set<String> applyLoggingDefaults(Properties target) {
        Properties defaults = new Properties();
        try (InputStream in = EngineSetup.class.getResourceAsStream(LOGGING_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(LOGGING_RESOURCE + " is missing from the library's classpath");
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOGGING_RESOURCE, e);
        }
        Set<String> copied = new TreeSet<>();
        for (String key : defaults.stringPropertyNames()) {
            if (target.getProperty(key) == null) {
                target.setProperty(key, defaults.getProperty(key));
                copied.add(key);
            }
        }
        return copied;
    }
}
