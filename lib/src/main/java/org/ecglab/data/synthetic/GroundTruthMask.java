package org.ecglab.data.synthetic;

/**
 * Where a pathology changed the ECG: {@code mask[l][t] = 1} if {@code |ecg[l][t] − ecgWithoutPathology[l][t]| >
 * threshold}, else 0. Both ECGs are the same patient with the same noise, so the noise cancels and the mask marks
 * exactly the leads and times the disease model altered.
 */
final class GroundTruthMask {
    private GroundTruthMask() {
    }

    /**
     * @throws IllegalArgumentException if the shapes differ or the threshold is not positive
     */
    static float[][] compute(float[][] ecg, float[][] ecgWithoutPathology, double thresholdMv) {
        if (!(thresholdMv > 0)) {
            throw new IllegalArgumentException("mask threshold must be > 0 mV, got " + thresholdMv);
        }
        if (ecg.length != ecgWithoutPathology.length) {
            throw new IllegalArgumentException("lead counts differ: " + ecg.length + " vs " + ecgWithoutPathology.length);
        }
        float[][] mask = new float[ecg.length][];
        for (int l = 0; l < ecg.length; l++) {
            if (ecg[l].length != ecgWithoutPathology[l].length) {
                throw new IllegalArgumentException("lead " + l + " lengths differ");
            }
            mask[l] = new float[ecg[l].length];
            for (int t = 0; t < ecg[l].length; t++) {
                mask[l][t] = Math.abs(ecg[l][t] - ecgWithoutPathology[l][t]) > thresholdMv ? 1f : 0f;
            }
        }
        return mask;
    }
}
