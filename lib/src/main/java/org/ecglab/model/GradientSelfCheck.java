package org.ecglab.model;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once per JVM, before the first gradient: checks that PyTorch's batched input gradients are right on this CPU, and
 * never lets a wrong one through.
 *
 * <p>Why: on AMD EPYC virtual machines that expose no cache sizes (seen on family 26, model 2 with AVX-512),
 * oneDNN 3.7 inside PyTorch 2.7.1 sizes its JIT convolution blocks from a zero L1 cache and its backward-data pass
 * returns wrong, sometimes NaN, input gradients for any convolution whose output channels are not a multiple of
 * 16 (8 with AVX2 only), whenever a batch holds more than one row. Forward passes and weight gradients stay right.
 * The {@link GradientProbe} reproduces exactly that pattern.
 *
 * <p>What happens: the probe's batched gradients must agree with per-row ones and with a finite difference. If
 * they do not, PyTorch's oneDNN convolutions are switched off for the rest of the JVM ({@link OneDnnSwitch}; PyTorch
 * then uses its own im2col kernels for every convolution), a warning names the CPU, and the probe must pass again;
 * otherwise, or where the switch is unavailable, an {@link IllegalStateException} names the CPU and the remedy.
 * Because the fallback happens inside the library, it also protects a JVM the user started without our options.
 *
 * <p>Setting: system property {@code ecglab.onednn} or environment variable {@code ECGLAB_ONEDNN}: {@code auto}
 * (default, as above) or {@code off} (oneDNN convolutions off from the start, for numbers that do not depend on
 * the CPU's oneDNN kernels; the probe still runs).
 */
public final class GradientSelfCheck {
    /** System property that chooses the {@link Mode}. */
    public static final String PROPERTY = "ecglab.onednn";
    /** Environment variable that chooses the {@link Mode} when the property is not set. */
    public static final String ENVIRONMENT = "ECGLAB_ONEDNN";

    private static final Logger LOG = LoggerFactory.getLogger(GradientSelfCheck.class);
    private static volatile Report report;

    /** How oneDNN convolutions are chosen. */
    public enum Mode {
        /** Use oneDNN unless the probe finds its gradients wrong. */
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

    /** What the check decided. */
    public enum Outcome {
        /** Batched gradients were right with oneDNN convolutions on. */
        PASSED,
        /** They were wrong; oneDNN convolutions were switched off and the probe then passed. */
        FELL_BACK,
        /** oneDNN convolutions were off by setting; the probe passed. */
        OFF_BY_SETTING
    }

    /**
     * The check's result for this JVM.
     *
     * @param cpu        the CPU it ran on
     * @param outcome    what was decided
     * @param oneDnn     whether oneDNN convolutions are on after the check
     * @param firstProbe the probe with the settings the JVM started with
     * @param finalProbe the probe with the settings now in force (the same as {@code firstProbe} when nothing changed)
     */
    public record Report(CpuDescription cpu, Outcome outcome, boolean oneDnn, GradientProbe.Result firstProbe,
            GradientProbe.Result finalProbe) {
        @Override
        public String toString() {
            String what = switch (outcome) {
                case PASSED -> "passed";
                case FELL_BACK -> "failed with oneDNN convolutions (" + firstProbe
                        + "), passed after switching them off";
                case OFF_BY_SETTING -> "passed with oneDNN convolutions off by setting";
            };
            return "gradient self-check " + what + " on " + cpu + ": " + finalProbe + "; oneDNN convolutions "
                    + (oneDnn ? "on" : "off");
        }
    }

    private GradientSelfCheck() {
    }

    /**
     * Runs the check unless it already ran in this JVM, and returns its report. Cheap after the first call; call it
     * before computing any gradient.
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
                report = run(OneDnnSwitch.pytorch(), GradientProbe::run, CpuDescription.current(),
                        Mode.fromSettings(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT)));
            }
            return report;
        }
    }

    /** The report of this JVM's check, or null when no gradient has been needed yet. */
    public static Report reportIfRun() {
        return report;
    }

    /** The decision, apart from the JVM-wide state, so that tests can drive it with a faulty probe. */
    static Report run(OneDnnSwitch oneDnn, Supplier<GradientProbe.Result> probe, CpuDescription cpu, Mode mode) {
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
        LOG.warn("Batched input gradients are wrong on this CPU ({}): {}. Switching PyTorch's oneDNN convolutions "
                + "off for this JVM.", cpu, first);
        switchOff(oneDnn, cpu, "batched input gradients are wrong with oneDNN convolutions: " + first);
        GradientProbe.Result second = probe.get();
        if (!second.agrees()) {
            throw failure(cpu, "with oneDNN convolutions: " + first + "; with them off: " + second);
        }
        LOG.warn("Gradient self-check passes with oneDNN convolutions off ({}); training and attribution stay "
                + "correct but convolutions run on PyTorch's slower native kernels.", second);
        return new Report(cpu, Outcome.FELL_BACK, false, first, second);
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
