package org.ecglab.experiment;

import org.ecglab.attribution.ProgressListener;

/**
 * Splits one run's progress into consecutive parts (e.g. one per task), so a listener sees a single count rising to
 * the run's total instead of a count that restarts with every part. A part that is skipped (loaded from a cache)
 * still moves the count on when the next part starts.
 */
final class ProgressParts {
    private final ProgressListener listener;
    private final long total;
    private long base;

    /**
     * @param total units in the whole run
     */
    ProgressParts(ProgressListener listener, long total) {
        this.listener = listener;
        this.total = total;
    }

    /** The listener of the next part of {@code units} units. */
    ProgressListener next(long units) {
        long start = base;
        base += units;
        return (done, partTotal) -> listener.progressed(start + done, total);
    }
}
