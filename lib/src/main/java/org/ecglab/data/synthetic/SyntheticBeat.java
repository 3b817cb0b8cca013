package org.ecglab.data.synthetic;

import org.ecglab.data.DiagnosticClass;

/**
 * One synthetic patient's median beat, each array {@code [12][600]} in mV (mask: 0/1), leads in
 * {@link org.ecglab.data.Lead} order.
 *
 * @param diagnosticClass       the class the beat was generated for
 * @param seed                  the seed that, with the class and config, reproduces it exactly
 * @param signal                the ECG with pathology and measurement noise: what a model sees
 * @param cleanSignal           the noise-free ECG with pathology
 * @param cleanWithoutPathology the noise-free ECG of the same patient without the pathology
 * @param mask                  ground truth: 1 where the pathology changed {@code signal} by more than the threshold
 * @param patient               the designed parameters of the beat (with pathology)
 */
public record SyntheticBeat(DiagnosticClass diagnosticClass, long seed, float[][] signal, float[][] cleanSignal,
        float[][] cleanWithoutPathology, float[][] mask, PatientParameters patient) {

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
        return "SyntheticBeat[" + diagnosticClass + ", seed=" + seed + ", " + patient + ", mask=" + maskCount() + "]";
    }
}
