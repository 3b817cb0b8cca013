package org.ecglab.experiment;

import org.ecglab.attribution.ProgressListener;
import org.ecglab.train.ConsoleProgress;

/**
 * A {@link ProgressListener} that draws the lab's progress bar ({@link ConsoleProgress}) on standard error, started
 * on the first report (when the total is known) and restarted when a report brings another total or goes back (a new
 * part of the run). Close it when the run ends.
 */
public final class ConsoleProgressListener implements ProgressListener, AutoCloseable {
    private final boolean enabled;
    private final String task;
    private final String unit;
    private ConsoleProgress bar;
    private long total = -1;
    private long last;

    /**
     * @param enabled false for a listener that draws nothing
     * @param task    what is done, shown before the bar
     * @param unit    what a step is, e.g. {@code " maps"}
     */
    public ConsoleProgressListener(boolean enabled, String task, String unit) {
        this.enabled = enabled;
        this.task = task;
        this.unit = unit;
    }

    @Override
    public void progressed(long done, long totalUnits) {
        if (bar == null || totalUnits != total || done < last) {
            close();
            bar = ConsoleProgress.start(enabled, task, totalUnits, unit);
            total = totalUnits;
        }
        bar.stepTo(done);
        last = done;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
