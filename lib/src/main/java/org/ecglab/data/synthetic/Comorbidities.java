package org.ecglab.data.synthetic;

import static org.ecglab.data.DiagnosticClass.AVB1;
import static org.ecglab.data.DiagnosticClass.IMI;
import static org.ecglab.data.DiagnosticClass.LBBB;
import static org.ecglab.data.DiagnosticClass.LQT;
import static org.ecglab.data.DiagnosticClass.LTWI;
import static org.ecglab.data.DiagnosticClass.LVH;
import static org.ecglab.data.DiagnosticClass.RBBB;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ecglab.data.DiagnosticClass;

/**
 * The pairs of findings one synthetic beat may carry together: combinations that occur in patients and that the
 * models compose without one hiding the other's criterion.
 * <ul>
 * <li>AVB1 with LBBB or RBBB (conduction disease of both the AV node and a bundle), with IMI (inferior infarction
 *     involves the AV node's blood supply) or with LVH;</li>
 * <li>LVH with LTWI: hypertrophy with secondary ST-T changes ("strain");</li>
 * <li>LQT with LTWI.</li>
 * </ul>
 * Bundle branch blocks are not combined with the QRS findings (a block hides LVH voltage and Q-wave criteria, which
 * clinical criteria exclude), nor ASTE with anything (the injury plateau is laid out on the T wave as it is).
 */
final class Comorbidities {
    private static final List<Set<DiagnosticClass>> PAIRS = List.of(
            EnumSet.of(AVB1, LBBB), EnumSet.of(AVB1, RBBB), EnumSet.of(AVB1, IMI), EnumSet.of(AVB1, LVH),
            EnumSet.of(LVH, LTWI), EnumSet.of(LQT, LTWI));

    private Comorbidities() {
    }

    /** The classes that may be combined with {@code cls}, in {@link DiagnosticClass} order (possibly none). */
    static List<DiagnosticClass> partners(DiagnosticClass cls) {
        return DiagnosticClass.ALL.stream().filter(other -> other != cls && PAIRS.contains(EnumSet.of(cls, other)))
                .toList();
    }

    /**
     * Checks that {@code findings} can be built into one beat: at most two, of different classes, and a pair listed
     * above.
     *
     * @throws IllegalArgumentException naming the findings and the combinations allowed
     */
    static void check(List<Finding> findings) {
        if (findings.size() <= 1) {
            return;
        }
        Set<DiagnosticClass> classes = EnumSet.noneOf(DiagnosticClass.class);
        findings.forEach(f -> classes.add(f.cls()));
        if (findings.size() > 2 || classes.size() != findings.size() || !PAIRS.contains(classes)) {
            throw new IllegalArgumentException("findings " + findings + " cannot be combined in one beat; allowed "
                    + "are one finding or one of the pairs " + PAIRS);
        }
    }
}
