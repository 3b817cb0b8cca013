package org.ecglab.train;

/**
 * Settings for training one task model. Immutable; change one setting with the {@code with...} methods, e.g.
 * {@code TrainingConfig.defaults().withSeed(3).withMaxEpochs(10)}.
 *
 * @param maxEpochs      upper bound on passes over the training split
 * @param batchSize      records per Adam step
 * @param learningRate   Adam step size (Kingma &amp; Ba 2015; betas 0.9, 0.999)
 * @param patience       stop after this many epochs without a new lowest validation loss
 * @param seed           seeds parameter initialisation, dropout and the order of the training records
 * @param balanceClasses weight positives by {@code negatives / positives} of the training split in the binary cross
 *                       entropy (PyTorch's {@code pos_weight}); off = plain binary cross entropy
 * @param showProgress   show a progress bar on {@code System.err}
 */
public record TrainingConfig(int maxEpochs, int batchSize, double learningRate, int patience, long seed,
        boolean balanceClasses, boolean showProgress) {

    /**
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public TrainingConfig {
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("maxEpochs must be >= 1, got " + maxEpochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1, got " + patience);
        }
    }

    /** 30 epochs at most, batches of 32, learning rate 1e-3, patience 5, seed 1, unweighted, progress bar on. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(30, 32, 1e-3, 5, 1, false, true);
    }

    /** A copy with another epoch limit. */
    public TrainingConfig withMaxEpochs(int value) {
        return new TrainingConfig(value, batchSize, learningRate, patience, seed, balanceClasses, showProgress);
    }

    /** A copy with another batch size. */
    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(maxEpochs, value, learningRate, patience, seed, balanceClasses, showProgress);
    }

    /** A copy with another learning rate. */
    public TrainingConfig withLearningRate(double value) {
        return new TrainingConfig(maxEpochs, batchSize, value, patience, seed, balanceClasses, showProgress);
    }

    /** A copy with another early-stopping patience. */
    public TrainingConfig withPatience(int value) {
        return new TrainingConfig(maxEpochs, batchSize, learningRate, value, seed, balanceClasses, showProgress);
    }

    /** A copy with another seed. */
    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(maxEpochs, batchSize, learningRate, patience, value, balanceClasses, showProgress);
    }

    /** A copy with class balancing switched on or off. */
    public TrainingConfig withBalanceClasses(boolean value) {
        return new TrainingConfig(maxEpochs, batchSize, learningRate, patience, seed, value, showProgress);
    }

    /** A copy with the progress bar switched on or off. */
    public TrainingConfig withShowProgress(boolean value) {
        return new TrainingConfig(maxEpochs, batchSize, learningRate, patience, seed, balanceClasses, value);
    }
}
