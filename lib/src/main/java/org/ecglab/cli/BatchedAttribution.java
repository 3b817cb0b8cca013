package org.ecglab.cli;

import java.util.Arrays;
import me.tongfei.progressbar.ProgressBar;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.model.EcgClassifier;
import org.ecglab.model.ProgressBars;

/**
 * Runs an attribution method over many ECGs in calls of {@code ecgsPerCall} ECGs, with a progress bar on stderr
 * advancing after each call, and joins the results. The method still batches internally within a call (its own
 * {@code internal_batch_size}); the calls exist only so the bar can move.
 *
 * <p>For deterministic methods the joined result equals one call over all ECGs. A method that samples with a seed
 * restarts its random stream at every call, so its maps depend on {@code ecgsPerCall}; the command records that
 * number in the provenance sidecar for this reason.
 */
final class BatchedAttribution {
    /** Fixed width: progress goes to logs and notebooks too, where there is no terminal to measure. */

    private BatchedAttribution() {
    }

    /**
     * @param inputs      {@code [N][12][600]}, {@code N >= 1}
     * @param targets     one logit index per ECG
     * @param ecgsPerCall ECGs per call of the method, at least 1
     * @param progress    draw a progress bar on {@code System.err}
     * @throws IllegalArgumentException if there are no inputs, {@code ecgsPerCall < 1}, or the method rejects them
     */
    static Attribution run(AttributionMethod method, EcgClassifier model, float[][][] inputs, int[] targets,
            int ecgsPerCall, boolean progress) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException("no ECGs to explain");
        }
        if (ecgsPerCall < 1) {
            throw new IllegalArgumentException("ECGs per call must be >= 1, got " + ecgsPerCall);
        }
        int n = inputs.length;
        float[][][] values = new float[n][][];
        double[] delta = null;
        Attribution first = null;
        try (ProgressBar bar = progress ? bar(method.id(), n) : null) {
            for (int from = 0; from < n; from += ecgsPerCall) {
                int to = Math.min(n, from + ecgsPerCall);
                Attribution part = method.attribute(model, Arrays.copyOfRange(inputs, from, to),
                        Arrays.copyOfRange(targets, from, to));
                System.arraycopy(part.values(), 0, values, from, to - from);
                if (part.convergenceDelta() != null) {
                    delta = delta == null ? new double[n] : delta;
                    System.arraycopy(part.convergenceDelta(), 0, delta, from, to - from);
                }
                first = first == null ? part : first;
                if (bar != null) {
                    bar.stepBy(to - from);
                }
            }
        }
        return new Attribution(values, first.methodId(), first.parameters(), first.modelId(), first.seed(), delta);
    }

    private static ProgressBar bar(String task, int n) {
        return ProgressBars.start(task, n, " ECGs");
    }
}
