package org.ecglab.train;

import java.util.List;

/**
 * Early stopping on a score to maximise (validation AUROC): remembers the best epoch and says when
 * {@code patience} epochs in a row have not improved on it. Only a strictly higher score counts as improvement,
 * so on a plateau the earliest best epoch is kept. Epochs are numbered from 1.
 */
public final class EarlyStopping {
    private final int patience;
    private int epoch;
    private int bestEpoch;
    private double bestScore = Double.NEGATIVE_INFINITY;

    /**
     * @param patience epochs without improvement after which to stop, at least 1
     */
    public EarlyStopping(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1, got " + patience);
        }
        this.patience = patience;
    }

    /**
     * Records the score of the next epoch.
     *
     * @return true if it is a new best (the caller keeps this epoch's parameters)
     * @throws IllegalArgumentException if the score is NaN
     */
    public boolean record(double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("epoch " + (epoch + 1) + " score is NaN");
        }
        epoch++;
        if (score > bestScore) {
            bestScore = score;
            bestEpoch = epoch;
            return true;
        }
        return false;
    }

    /** Whether {@code patience} epochs have passed since the best one. */
    public boolean shouldStop() {
        return bestEpoch > 0 && epoch - bestEpoch >= patience;
    }

    /** Epochs recorded so far. */
    public int epochs() {
        return epoch;
    }

    /** The epoch with the best score (0 before the first). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best score (negative infinity before the first). */
    public double bestScore() {
        return bestScore;
    }

    /**
     * Checks a finished run as early stopping reports it: {@code 1 <= bestEpoch <= epochsRun} and one validation
     * score and one training loss per epoch. Trained models and their stored provenance all hold these four.
     *
     * @throws IllegalArgumentException saying which of them disagree
     */
    public static void checkHistory(int epochsRun, int bestEpoch, List<Double> validationScores,
            List<Double> trainingLosses) {
        if (epochsRun < 1 || bestEpoch < 1 || bestEpoch > epochsRun || validationScores.size() != epochsRun
                || trainingLosses.size() != epochsRun) {
            throw new IllegalArgumentException("epochsRun (" + epochsRun + "), bestEpoch (" + bestEpoch
                    + ") and the histories (" + validationScores.size() + " validation scores, "
                    + trainingLosses.size() + " losses) disagree: need 1 <= bestEpoch <= epochsRun and one entry "
                    + "per epoch");
        }
    }
}
