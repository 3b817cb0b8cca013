package org.ecglab.train;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The lab's progress bars: ASCII, on standard error, fixed width, redrawn twice a second. ASCII and a fixed width
 * because the bars are read in notebook outputs and CI logs, not only on terminals.
 */
public final class ProgressBars {
    /** Characters per bar line. */
    public static final int WIDTH = 130;

    private ProgressBars() {
    }

    /**
     * A started bar over {@code max} steps.
     *
     * @param task what is done, shown first (e.g. a model id)
     * @param unit what a step is, e.g. {@code " epochs"}
     */
    public static ProgressBar start(String task, long max, String unit) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(unit, 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err, WIDTH))
                .setUpdateIntervalMillis(500).build();
    }
}
