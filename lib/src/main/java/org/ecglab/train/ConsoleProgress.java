package org.ecglab.train;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The lab's progress bar: ASCII, on standard error, fixed width, redrawn twice a second, or nothing at all when
 * switched off, so callers need no null checks. ASCII and a fixed width because the bars are read in notebook
 * outputs and CI logs, not only on terminals. Training draws one per model (epochs), the suite one over its models,
 * the command line one over the ECGs it explains.
 */
public final class ConsoleProgress implements AutoCloseable {
    /** Characters per bar line. */
    public static final int WIDTH = 130;

    private final ProgressBar bar;

    private ConsoleProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * A started bar over {@code max} steps, or a silent one if {@code enabled} is false.
     *
     * @param task what is done, shown first (e.g. a model id)
     * @param unit what a step is, e.g. {@code " epochs"}
     */
    public static ConsoleProgress start(boolean enabled, String task, long max, String unit) {
        return new ConsoleProgress(enabled ? new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setUnit(unit, 1).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, WIDTH)).setUpdateIntervalMillis(500).build()
                : null);
    }

    /** Shows {@code text} after the bar. */
    public void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    /** One step done, with {@code text} after the bar. */
    public void step(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
            bar.step();
        }
    }

    /** {@code done} steps done in all. */
    public void stepTo(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /** The run ended after {@code steps} (e.g. early stopping): the bar shows it complete. */
    public void finishedAt(long steps) {
        if (bar != null) {
            bar.maxHint(steps);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
