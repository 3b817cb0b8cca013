package org.ecglab.registry;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import org.ecglab.train.ProgressBars;

/** The suite's overall bar on {@code System.err}: models done of total, the current model, the last AUROC. */
final class SuiteProgress implements AutoCloseable {
    private final ProgressBar bar;

    /**
     * @param enabled false for a silent no-op
     */
    SuiteProgress(String name, int models, boolean enabled) {
        this.bar = enabled
                ? ProgressBars.start(name, models, " models")
                : null;
    }

    void starting(String modelId) {
        if (bar != null) {
            bar.setExtraMessage(modelId + " ...");
        }
    }

    void done(String modelId, boolean loaded, double testAuroc) {
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, "%s %s, test AUROC %.4f", modelId,
                    loaded ? "loaded" : "trained", testAuroc));
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
