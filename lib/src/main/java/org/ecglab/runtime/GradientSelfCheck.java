package org.ecglab.runtime;

import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before any gradient: checks that PyTorch's batched input gradients are right on this CPU and for this network, and
 * never lets a wrong one through.
 *
 * <p>Why: on AMD EPYC virtual machines that expose no cache sizes (seen on family 26, model 2 with AVX-512),
 * oneDNN 3.7 inside PyTorch 2.7.1 reads a zero L1 cache size and its JIT backward-data convolution returns wrong,
 * sometimes NaN, input gradients for any convolution whose output channels are not a multiple of 16 (8 for its AVX2
 * kernels), whenever a batch holds more than one row. Forward passes and weight gradients stay right, and so do
 * PyTorch's own im2col convolutions, which it uses for a single small input or when oneDNN is switched off.
 *
 * <p>Two checks:
 * <ol>
 *   <li>Once per JVM ({@link #ensure()}), the {@link GradientProbe}: a tiny network with 4 and 3 channels whose
 *       batched gradients must agree with per-row ones and with a finite difference, with one intra-op thread and
 *       then with the calling thread's (the faulty kernels are wrong every time only with one). With oneDNN
 *       switched off ({@link OneDnnSwitch}) it must pass, or no gradient can be trusted and an
 *       {@link IllegalStateException} names the CPU and the remedy.</li>
 *   <li>Once per network structure and intra-op thread count ({@link #ensure(Block)}; oneDNN chooses kernels by
 *       both), while oneDNN is on: the {@link ModelGradientCheck} compares the network's batched gradients with
 *       oneDNN on and off, with one intra-op thread and then with the calling thread's. If they disagree, oneDNN
 *       convolutions are switched off for the rest of the JVM and a warning names the network and the CPU. So the
 *       default CNN (16 to 64 channels) keeps oneDNN's speed on the CPUs above, and a network with 4 channels does
 *       not get wrong maps.</li>
 * </ol>
 * Attribution ({@code GradientComputer}) and training call {@link #ensure(Block)} before their first gradient;
 * because this happens inside the library, it also protects a JVM the user started without our options. Toggling
 * the switch is global: do not run a check while another thread computes gradients.
 *
 * <p>Setting: system property {@code ecglab.onednn} or environment variable {@code ECGLAB_ONEDNN}: {@code auto}
 * (default, as above) or {@code off} (oneDNN convolutions off from the start, for numbers that do not depend on the
 * CPU's oneDNN kernels; the probe still runs).
 */
public final class GradientSelfCheck {
    /** System property that chooses the {@link Mode}. */
    public static final String PROPERTY = "ecglab.onednn";
    /** Environment variable that chooses the {@link Mode} when the property is not set. */
    public static final String ENVIRONMENT = "ECGLAB_ONEDNN";

    private static final Logger LOG = LoggerFactory.getLogger(GradientSelfCheck.class);
    private static volatile Report report;
    private static final Set<String> VERIFIED = new HashSet<>();
    private static final List<NetworkCheck> NETWORK_CHECKS = new ArrayList<>();

    /** How oneDNN convolutions are chosen. */
    public enum Mode {
        /** Use oneDNN unless a check finds its gradients wrong. */
        AUTO,
        /** Never use oneDNN convolutions. */
        OFF;

        /** The mode named by {@link #PROPERTY} or {@link #ENVIRONMENT}; {@code auto} when neither is set. */
        static Mode fromSettings(String property, String environment) {
            String value = property != null ? property : environment;
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "off" -> OFF;
                default -> throw new IllegalArgumentException((property != null ? PROPERTY : ENVIRONMENT) + "="
                        + value + " is not a valid setting; use auto or off");
            };
        }
    }

    /** What the JVM-wide probe found. */
    public enum Outcome {
        /** Batched gradients of the probe were right with oneDNN convolutions on. */
        PASSED,
        /** They were wrong with oneDNN and right without: each network is checked before oneDNN computes for it. */
        ONEDNN_WRONG_ON_PROBE,
        /** oneDNN convolutions were off by setting; the probe passed. */
        OFF_BY_SETTING
    }

    /**
     * The JVM-wide probe's result.
     *
     * @param cpu        the CPU it ran on
     * @param outcome    what was found
     * @param oneDnn     whether oneDNN convolutions were on after the probe (networks checked later may turn them off;
     *                   see {@link #oneDnnConvolutions()})
     * @param firstProbe the probe with the settings the JVM started with
     * @param finalProbe the probe with oneDNN convolutions off, where it ran, else {@code firstProbe}
     */
    public record Report(CpuDescription cpu, Outcome outcome, boolean oneDnn, GradientProbe.Result firstProbe,
            GradientProbe.Result finalProbe) {
        @Override
        public String toString() {
            String what = switch (outcome) {
                case PASSED -> "passed: " + firstProbe;
                case ONEDNN_WRONG_ON_PROBE -> "found oneDNN's batched gradients wrong (" + firstProbe
                        + ") and im2col's right (" + finalProbe + "); each network is checked before oneDNN computes "
                        + "its gradients";
                case OFF_BY_SETTING -> "passed with oneDNN convolutions off by setting: " + finalProbe;
            };
            return "gradient self-check on " + cpu + " " + what;
        }
    }

    /**
     * One network's check.
     *
     * @param network        the network's structure (block and parameter shapes)
     * @param intraOpThreads the intra-op threads of the thread the check was for (it ran with one, then with these)
     * @param result         what the comparison found
     */
    public record NetworkCheck(String network, int intraOpThreads, ModelGradientCheck.Result result) {
    }

    private GradientSelfCheck() {
    }

    /**
     * Runs the JVM-wide probe unless it already ran, and returns its report. Cheap after the first call.
     *
     * @throws IllegalStateException when no setting gives right gradients on this CPU
     */
    public static Report ensure() {
        Report r = report;
        if (r != null) {
            return r;
        }
        synchronized (GradientSelfCheck.class) {
            if (report == null) {
                report = probe(OneDnnSwitch.pytorch(),
                        () -> onOneThreadThenAll(GradientProbe::run, GradientProbe.Result::agrees),
                        CpuDescription.current(),
                        Mode.fromSettings(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT)));
            }
            return report;
        }
    }

    /**
     * {@link #ensure()}, then, while oneDNN convolutions are on, the check of {@code network} unless a network of the
     * same structure passed it; call it before computing gradients through {@code network}.
     *
     * @throws IllegalStateException when no setting gives right gradients on this CPU
     */
    public static void ensure(Block network) {
        ensure();
        OneDnnSwitch oneDnn = OneDnnSwitch.pytorch();
        if (!oneDnn.available() || !oneDnn.enabled()) {
            return; // im2col convolutions everywhere, which the probe verified
        }
        String structure = ModelGradientCheck.structure(network);
        // oneDNN chooses its kernels partly by the thread count, which is kept per thread.
        int threads = JniUtils.getNumThreads();
        synchronized (GradientSelfCheck.class) {
            if (VERIFIED.contains(key(threads, structure)) || !oneDnn.enabled()) {
                return;
            }
            NetworkCheck check = checkNetwork(oneDnn, structure, threads,
                    () -> onOneThreadThenAll(() -> ModelGradientCheck.run(network, oneDnn),
                            ModelGradientCheck.Result::agrees), report.cpu());
            NETWORK_CHECKS.add(check);
            if (check.result().agrees()) {
                VERIFIED.add(key(1, structure));
                VERIFIED.add(key(threads, structure));
            }
        }
    }

    private static String key(int threads, String structure) {
        return threads + " intra-op threads: " + structure;
    }

    /**
     * {@code check} with one intra-op thread, then, where it agrees and the calling thread has more, with those. On
     * the faulty CPUs, oneDNN's kernels give wrong gradients every time with one thread, but only most of the time
     * with two: under the emulation of {@code FaultyCpuEmulationTest}, 23 of 30 probes in a row were wrong with two
     * threads, so a single probe with two let the fault through about one time in four.
     */
    static <R> R onOneThreadThenAll(Supplier<R> check, Predicate<R> agrees) {
        R one = OneThreadPhase.run(check);
        return !agrees.test(one) || JniUtils.getNumThreads() == 1 ? one : check.get();
    }

    /** The JVM-wide report, or null when no gradient has been needed yet. */
    public static Report reportIfRun() {
        return report;
    }

    /** Whether PyTorch currently computes convolutions with oneDNN (false where the switch is unavailable). */
    public static boolean oneDnnConvolutions() {
        OneDnnSwitch oneDnn = OneDnnSwitch.pytorch();
        return oneDnn.available() && oneDnn.enabled();
    }

    /** The network checks run so far in this JVM, oldest first. */
    public static synchronized List<NetworkCheck> networkChecks() {
        return List.copyOf(NETWORK_CHECKS);
    }

    /** One line for a notebook's first cell or a log: the probe's outcome and the current backend. */
    public static String summary() {
        Report r = report;
        String state = "oneDNN convolutions " + (oneDnnConvolutions() ? "on" : "off");
        if (r == null) {
            return "gradient self-check not run yet (it runs before the first gradient); " + state;
        }
        long failed = networkChecks().stream().filter(c -> !c.result().agrees()).count();
        return r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " on " + r.cpu() + "; "
                + networkChecks().size() + " network check(s), " + failed + " wrong with oneDNN; " + state;
    }

    /** The JVM-wide decision, apart from the JVM-wide state, so that tests can drive it with a faulty probe. */
    static Report probe(OneDnnSwitch oneDnn, Supplier<GradientProbe.Result> probe, CpuDescription cpu, Mode mode) {
        Objects.requireNonNull(probe, "probe");
        if (mode == Mode.OFF) {
            switchOff(oneDnn, cpu, PROPERTY + "=off (or " + ENVIRONMENT + "=off) was requested");
            GradientProbe.Result result = probe.get();
            if (!result.agrees()) {
                throw failure(cpu, "with oneDNN convolutions off by setting: " + result);
            }
            return new Report(cpu, Outcome.OFF_BY_SETTING, false, result, result);
        }
        GradientProbe.Result first = probe.get();
        if (first.agrees()) {
            LOG.debug("gradient self-check passed on {}: {}", cpu, first);
            return new Report(cpu, Outcome.PASSED, oneDnn.available() && oneDnn.enabled(), first, first);
        }
        switchOff(oneDnn, cpu, "batched input gradients are wrong with oneDNN convolutions: " + first);
        GradientProbe.Result second = probe.get();
        if (!second.agrees()) {
            throw failure(cpu, "with oneDNN convolutions: " + first + "; with them off: " + second);
        }
        oneDnn.setEnabled(true);
        LOG.info("oneDNN computes wrong batched input gradients on this CPU ({}): {}. PyTorch's im2col convolutions "
                + "are right ({}); each network is checked before oneDNN computes its gradients.", cpu, first, second);
        return new Report(cpu, Outcome.ONEDNN_WRONG_ON_PROBE, true, first, second);
    }

    /** Runs one network's check and switches oneDNN off when it fails. */
    static NetworkCheck checkNetwork(OneDnnSwitch oneDnn, String structure, int intraOpThreads,
            Supplier<ModelGradientCheck.Result> check, CpuDescription cpu) {
        ModelGradientCheck.Result result = check.get();
        if (!result.agrees()) {
            LOG.warn("oneDNN computes wrong input gradients for this network on this CPU ({}): {}. PyTorch's oneDNN "
                    + "convolutions are now off for this JVM (right, but slower). Network: {}", cpu, result,
                    abbreviate(structure));
            oneDnn.setEnabled(false);
        }
        return new NetworkCheck(structure, intraOpThreads, result);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }

    private static void switchOff(OneDnnSwitch oneDnn, CpuDescription cpu, String why) {
        if (!oneDnn.available()) {
            String reason = oneDnn instanceof PyTorchOneDnnSwitch p ? " (" + p.unavailableReason() + ")" : "";
            throw failure(cpu, why + "; PyTorch's oneDNN switch is not available in this process" + reason);
        }
        oneDnn.setEnabled(false);
        if (oneDnn.enabled()) {
            throw failure(cpu, why + "; PyTorch's oneDNN switch did not turn off");
        }
    }

    private static IllegalStateException failure(CpuDescription cpu, String detail) {
        return new IllegalStateException("PyTorch computes wrong input gradients on this CPU (" + cpu + "), "
                + detail + ". No gradient was computed. Remedy: start the JVM with the environment variable "
                + "ONEDNN_MAX_CPU_ISA=SSE41 (oneDNN then uses its reference GEMM kernels), and report the CPU to the "
                + "ECG Attribution Lab.");
    }
}
