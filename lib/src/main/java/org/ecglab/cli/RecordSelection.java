package org.ecglab.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;

/** Which records {@code explain} and {@code export} use: one split, optionally only a task's positives, at most N. */
final class RecordSelection {
    private RecordSelection() {
    }

    /**
     * @param limit at most this many (the first ones, in dataset order); 0 = all
     * @param file  the dataset file, for the message
     * @return dataset indices
     * @throws IllegalArgumentException if nothing is selected or {@code limit < 0}
     */
    static int[] select(EcgDataset data, Split split, DiagnosticClass task, boolean positivesOnly, int limit,
            Path file) {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be >= 0 (0 = all), got " + limit);
        }
        int[] idx = positivesOnly ? data.positives(split, task) : data.indices(split);
        if (idx.length == 0) {
            throw new IllegalArgumentException(file + ": the " + name(split) + " split has "
                    + (positivesOnly ? "no positives for " + task.id() : "no records") + "; nothing to explain");
        }
        return limit > 0 && limit < idx.length ? Arrays.copyOf(idx, limit) : idx;
    }

    /** Lower-case split name as used on the command line and in sidecars. */
    static String name(Split split) {
        return split.name().toLowerCase(Locale.ROOT);
    }
}
