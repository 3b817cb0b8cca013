package org.ecglab.model;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;

/** One progress bar per task model on {@code System.err}, one step per epoch, showing validation loss and AUROC. */
final class TrainingProgress implements AutoCloseable {
    /** Fixed width: notebooks and build logs have no terminal to measure, and the bar must leave room for the scores. */
    private final ProgressBar bar;

    /**
     * @param enabled false for a silent no-op
     */
    TrainingProgress(String modelId, int maxEpochs, boolean enabled) {
        this.bar = enabled
                ? ProgressBars.start(modelId, maxEpochs, " epochs")
                : null;
    }

    void epochDone(double loss, TrainingLoop.Validation validation, int bestEpoch, double bestAuroc) {
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, "val loss %.4f AUROC %.4f, best @%d (AUROC %.4f), loss %.4f",
                    validation.loss(), validation.auroc(), bestEpoch, bestAuroc, loss));
            bar.step();
        }
    }

    /** Marks the bar complete after early stopping. */
    void stoppedAt(int epochs) {
        if (bar != null) {
            bar.maxHint(epochs);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
