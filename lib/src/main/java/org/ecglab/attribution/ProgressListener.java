package org.ecglab.attribution;

/**
 * Told how far a long run has come, e.g. to move a progress bar: {@code done} of {@code total} units (for
 * {@link AttributionRunner}, maps computed: ECGs times methods). Called on the running thread after each step.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> {
    };

    /**
     * @param done  units finished so far, increasing up to {@code total}
     * @param total units in the whole run
     */
    void progressed(long done, long total);
}
