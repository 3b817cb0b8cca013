package org.ecglab.train;

import java.util.List;

/**
 * Early stopping on a loss to minimise (the validation loss): remembers the best epoch and says when
 * {@code patience} epochs in a row have not improved on it. Only a strictly lower loss counts as improvement, so on a
 * plateau the earliest best epoch is kept. Epochs are numbered from 1.
 *
 * <p>Why the loss and not the validation AUROC: AUROC only ranks, so once the validation ECGs are separated it sits at
 * 1.0 and no later epoch can beat the first that got there, while the loss keeps measuring how confidently and how
 * well calibrated the model separates them (the lab's design notes and Arends et al.'s protocol).
 */
public final class EarlyStopping {
    private final int patience;
    private int epoch;
    private int bestEpoch;
    private double bestLoss = Double.POSITIVE_INFINITY;

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
     * Records the loss of the next epoch.
     *
     * @return true if it is a new best (the caller keeps this epoch's parameters)
     * @throws IllegalArgumentException if the loss is NaN
     */
    public boolean record(double loss) {
        if (Double.isNaN(loss)) {
            throw new IllegalArgumentException("epoch " + (epoch + 1) + " loss is NaN");
        }
        epoch++;
        if (loss < bestLoss) {
            bestLoss = loss;
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

    /** The epoch with the lowest loss (0 before the first). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The lowest loss (positive infinity before the first). */
    public double bestLoss() {
        return bestLoss;
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
