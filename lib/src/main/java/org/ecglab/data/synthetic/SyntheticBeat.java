package org.ecglab.data.synthetic;

import java.util.List;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.BeatFiducials;

/**
 * One synthetic patient's median beat, each array {@code [12][600]} in mV (mask: 0/1), leads in
 * {@link org.ecglab.data.Lead} order.
 *
 * @param findings              the diseases built into the beat, each at its designed severity (empty: a normal beat)
 * @param labels                multi-hot over {@link DiagnosticClass}: the criteria the findings meet
 *                              (see {@code DesignedLabels}), before any label noise
 * @param seed                  the seed that, with the findings and config, reproduces the beat exactly
 * @param signal                the ECG with pathology and measurement noise: what a model sees
 * @param cleanSignal           the noise-free ECG with pathology
 * @param cleanWithoutPathology the noise-free ECG of the same patient without any finding
 * @param mask                  ground truth: 1 where the findings changed {@code signal} by more than the threshold
 * @param patient               the designed parameters of the beat (with its findings)
 */
public record SyntheticBeat(List<Finding> findings, boolean[] labels, long seed, float[][] signal,
        float[][] cleanSignal, float[][] cleanWithoutPathology, float[][] mask, PatientParameters patient) {

    /** Copies the findings list. */
    public SyntheticBeat {
        findings = List.copyOf(findings);
    }

    /** Whether the beat is labelled with {@code c}. */
    public boolean hasLabel(DiagnosticClass c) {
        return labels[c.ordinal()];
    }

    /** The designed fiducial points (P onset, QRS onset and offset, T end) and the RR interval. */
    public BeatFiducials fiducials() {
        return patient.fiducials();
    }

    /** Number of mask samples set to 1. */
    public int maskCount() {
        int n = 0;
        for (float[] lead : mask) {
            for (float v : lead) {
                n += v > 0 ? 1 : 0;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "SyntheticBeat[" + (findings.isEmpty() ? "no findings" : findings) + ", seed=" + seed + ", " + patient
                + ", mask=" + maskCount() + "]";
    }
}
