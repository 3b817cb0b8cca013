package org.ecglab.experiment;

import java.util.AbstractList;
import java.util.List;

/**
 * The models of a randomisation series, in order, as an unmodifiable list that also owns their native memory:
 * close it (try-with-resources) to free every copy at once.
 */
public final class RandomizationSteps extends AbstractList<RandomizationStep> implements AutoCloseable {
    private final List<RandomizationStep> steps;

    RandomizationSteps(List<RandomizationStep> steps) {
        this.steps = List.copyOf(steps);
    }

    @Override
    public RandomizationStep get(int index) {
        return steps.get(index);
    }

    @Override
    public int size() {
        return steps.size();
    }

    /** Closes every copy; the originals they were made from are untouched. */
    @Override
    public void close() {
        closeAll(steps);
    }

    /** Closes all steps even if one fails, rethrowing the first failure with the others suppressed. */
    static void closeAll(List<RandomizationStep> steps) {
        RuntimeException first = null;
        for (RandomizationStep s : steps) {
            try {
                s.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
