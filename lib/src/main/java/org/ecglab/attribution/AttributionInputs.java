package org.ecglab.attribution;

import java.util.Objects;
import java.util.stream.IntStream;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;

/** Argument checks shared by all methods, so every method rejects bad input with the same clear message. */
public final class AttributionInputs {
    /** From this many inputs on, {@link #check} scans them in parallel. */
    static final int PARALLEL_FROM = 32;

    private AttributionInputs() {
    }

    /**
     * Checks the arguments of {@link AttributionMethod#attribute}.
     *
     * Baselines check their own rows when built ({@link Baselines}); whether their number fits is the method's to
     * say ({@link Baselines#perInput}, {@link Baselines#rowsToDrawFrom}).
     *
     * @throws IllegalArgumentException naming the first inconsistent argument (which ECG, lead, sample)
     */
    public static void check(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        Objects.requireNonNull(model, "model");
        if (inputs == null) {
            throw new IllegalArgumentException("inputs is null; expected [N][12][600]");
        }
        if (targets == null) {
            throw new IllegalArgumentException("targets is null; expected one logit index per input");
        }
        if (targets.length != inputs.length) {
            throw new IllegalArgumentException("targets has length " + targets.length + " but there are "
                    + inputs.length + " inputs");
        }
        int k = model.numOutputs();
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] < 0 || targets[i] >= k) {
                throw new IllegalArgumentException("targets[" + i + "] = " + targets[i] + " is outside [0, " + k
                        + ") for model " + model.id() + " with outputs " + model.outputNames());
            }
        }
        Objects.requireNonNull(baselines, "baselines (use Baselines.zero())");
        // A read of 29 kB per ECG, bound by memory: from a few dozen ECGs on, on every core. Only when some ECG is
        // wrong does the sequential pass below run, to name the first.
        if (inputs.length >= PARALLEL_FROM
                && IntStream.range(0, inputs.length).parallel().allMatch(i -> wellFormed(inputs[i]))) {
            return;
        }
        for (int i = 0; i < inputs.length; i++) {
            checkEcg("inputs", i, inputs[i]);
        }
    }

    /** Whether {@code s} is {@code [12][600]} and finite: what {@link #checkEcg} accepts, found without messages. */
    private static boolean wellFormed(float[][] s) {
        if (s == null || s.length != EcgFormat.LEADS) {
            return false;
        }
        for (float[] lead : s) {
            if (lead == null || lead.length != EcgFormat.SAMPLES || !allFinite(lead)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks one ECG {@code name[i]}: {@code [12][600]}, finite.
     *
     * @throws IllegalArgumentException naming the ECG, lead and sample
     */
    static void checkEcg(String name, int i, float[][] s) {
        if (wellFormed(s)) {
            return;
        }
        // Something is wrong: find the first thing and name it.
        if (s == null || s.length != EcgFormat.LEADS) {
            throw new IllegalArgumentException(name + "[" + i + "] has " + (s == null ? "no" : s.length)
                    + " leads; expected " + EcgFormat.LEADS);
        }
        for (int l = 0; l < s.length; l++) {
            if (s[l] == null || s[l].length != EcgFormat.SAMPLES) {
                throw new IllegalArgumentException(name + "[" + i + "][" + l + "] has "
                        + (s[l] == null ? "no" : s[l].length) + " samples; expected " + EcgFormat.SAMPLES);
            }
            for (int t = 0; t < s[l].length; t++) {
                if (!Float.isFinite(s[l][t])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + l + "][" + t + "] is "
                            + s[l][t] + "; values must be finite");
                }
            }
        }
    }

    /**
     * Whether no value is NaN or infinite (exponent bits all ones). Written without an early exit so that the JIT
     * vectorises it: a quarter of the time of a loop over {@code Float.isFinite}, which cost 5 µs per ECG.
     */
    static boolean allFinite(float[] values) {
        int nonFinite = 0;
        for (float v : values) {
            nonFinite |= (Float.floatToRawIntBits(v) & 0x7f800000) == 0x7f800000 ? 1 : 0;
        }
        return nonFinite == 0;
    }
}
