package org.ecglab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecglab.data.DiagnosticClass;

/** Parses the {@code --task} argument: a class id, a comma-separated list of ids, or {@code all}. */
final class Tasks {
    /** The word that selects all nine classes. */
    static final String ALL = "all";

    private Tasks() {
    }

    /**
     * One class id, as {@code --task} of {@code explain} and {@code export} takes it.
     *
     * @throws IllegalArgumentException naming the unknown task and the known ones
     */
    static DiagnosticClass parseOne(String spec) {
        try {
            return DiagnosticClass.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown task '" + spec.strip() + "'; use one of " + DiagnosticClass.ALL,
                    e);
        }
    }

    /**
     * @throws IllegalArgumentException naming the unknown task, the known ones, or a task given twice
     */
    static List<DiagnosticClass> parse(String spec) {
        if (spec.strip().toLowerCase(Locale.ROOT).equals(ALL)) {
            return DiagnosticClass.ALL;
        }
        List<DiagnosticClass> tasks = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            DiagnosticClass c;
            try {
                c = DiagnosticClass.parse(part);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown task '" + part.strip() + "'; use one of "
                        + DiagnosticClass.ALL + ", a comma-separated list of them, or '" + ALL + "'", e);
            }
            if (tasks.contains(c)) {
                throw new IllegalArgumentException("task " + c.id() + " is given twice in '" + spec + "'");
            }
            tasks.add(c);
        }
        return tasks;
    }
}
