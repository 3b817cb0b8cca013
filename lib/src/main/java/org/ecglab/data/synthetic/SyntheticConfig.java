package org.ecglab.data.synthetic;

/**
 * Settings of the {@link SyntheticEcgGenerator}.
 *
 * @param baselineWanderMv amplitude of the baseline wander (two slow sinusoids per lead, 0.1–0.7 Hz), mV, >= 0
 * @param muscleNoiseMv    standard deviation of the muscle (EMG) noise, mV, >= 0
 * @param maskThresholdMv  a sample belongs to the ground-truth mask where the ECG differs from the same patient's
 *                         pathology-free ECG by more than this, mV, > 0
 * @param qrsOnsetJitterMs the QRS onset is uniform in 350 ± this many ms, in [0, 20] so that a PR of 320 ms and a
 *                         QT of 600 ms still fit the 1.2 s window
 */
public record SyntheticConfig(double baselineWanderMv, double muscleNoiseMv, double maskThresholdMv,
        double qrsOnsetJitterMs) {

    /** Largest allowed QRS onset jitter in ms. */
    public static final double MAX_JITTER_MS = 20;

    /** @throws IllegalArgumentException naming the first value out of range */
    public SyntheticConfig {
        if (!(baselineWanderMv >= 0) || !Double.isFinite(baselineWanderMv)) {
            throw new IllegalArgumentException("baselineWanderMv must be finite and >= 0, got " + baselineWanderMv);
        }
        if (!(muscleNoiseMv >= 0) || !Double.isFinite(muscleNoiseMv)) {
            throw new IllegalArgumentException("muscleNoiseMv must be finite and >= 0, got " + muscleNoiseMv);
        }
        if (!(maskThresholdMv > 0) || !Double.isFinite(maskThresholdMv)) {
            throw new IllegalArgumentException("maskThresholdMv must be finite and > 0, got " + maskThresholdMv);
        }
        if (!(qrsOnsetJitterMs >= 0 && qrsOnsetJitterMs <= MAX_JITTER_MS)) {
            throw new IllegalArgumentException("qrsOnsetJitterMs must be in [0, " + MAX_JITTER_MS + "], got "
                    + qrsOnsetJitterMs);
        }
    }

    /** Typical settings: baseline wander 0.05 mV, muscle noise 0.01 mV, mask threshold 0.02 mV, jitter ±8 ms. */
    public static SyntheticConfig defaults() {
        return new SyntheticConfig(0.05, 0.01, 0.02, 8);
    }

    /** As {@link #defaults()} without any measurement noise. */
    public static SyntheticConfig noiseFree() {
        return new SyntheticConfig(0, 0, 0.02, 8);
    }

    /** A copy with other noise levels. */
    public SyntheticConfig withNoise(double baselineWander, double muscleNoise) {
        return new SyntheticConfig(baselineWander, muscleNoise, maskThresholdMv, qrsOnsetJitterMs);
    }
}
