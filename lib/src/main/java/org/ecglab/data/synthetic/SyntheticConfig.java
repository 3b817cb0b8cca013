package org.ecglab.data.synthetic;

/**
 * Settings of the {@link SyntheticEcgGenerator}.
 *
 * @param baselineWanderMv typical amplitude of the baseline wander (two slow sinusoids per lead, 0.1–0.7 Hz), mV,
 *                         &gt;= 0; each patient's is this times a factor drawn log-uniformly in [1/2, 2]
 * @param muscleNoiseMv    typical standard deviation of the muscle (EMG) noise, mV, &gt;= 0; each patient's is this
 *                         times a factor drawn log-uniformly in [1/2, 2]
 * @param maskThresholdMv  a sample belongs to the ground-truth mask where the ECG differs from the same patient's
 *                         pathology-free ECG by more than this, mV, &gt; 0
 * @param qrsOnsetJitterMs the QRS onset is uniform in 350 ± this many ms, in [0, 20] so that a PR of 320 ms and a
 *                         QT of 600 ms still fit the 1.2 s window
 * @param labelNoiseRate   in a dataset, the fraction of each class's positive labels in each split that are flipped
 *                         to negative (findings a reader missed), matched by as many negatives flipped to positive
 *                         (findings a reader over-called), so prevalences stay as designed; in [0, 0.2]
 */
public record SyntheticConfig(double baselineWanderMv, double muscleNoiseMv, double maskThresholdMv,
        double qrsOnsetJitterMs, double labelNoiseRate) {

    /** Largest allowed QRS onset jitter in ms. */
    public static final double MAX_JITTER_MS = 20;
    /** Largest allowed label noise rate. */
    public static final double MAX_LABEL_NOISE = 0.2;

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
        if (!(labelNoiseRate >= 0 && labelNoiseRate <= MAX_LABEL_NOISE)) {
            throw new IllegalArgumentException("labelNoiseRate must be in [0, " + MAX_LABEL_NOISE + "], got "
                    + labelNoiseRate);
        }
    }

    /**
     * Typical settings: baseline wander 0.05 mV and muscle noise 0.01 mV (the residual noise of a median beat, which
     * averages about ten beats), mask threshold 0.02 mV, jitter ±8 ms, label noise 2 %.
     */
    public static SyntheticConfig defaults() {
        return new SyntheticConfig(0.05, 0.01, 0.02, 8, 0.02);
    }

    /** As {@link #defaults()} without any measurement noise (the label noise stays). */
    public static SyntheticConfig noiseFree() {
        return defaults().withNoise(0, 0);
    }

    /** A copy with other measurement noise levels. */
    public SyntheticConfig withNoise(double baselineWander, double muscleNoise) {
        return new SyntheticConfig(baselineWander, muscleNoise, maskThresholdMv, qrsOnsetJitterMs, labelNoiseRate);
    }

    /** A copy with another label noise rate. */
    public SyntheticConfig withLabelNoise(double rate) {
        return new SyntheticConfig(baselineWanderMv, muscleNoiseMv, maskThresholdMv, qrsOnsetJitterMs, rate);
    }
}
