package org.ecglab.data.synthetic;

import java.util.List;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.Lead;

/**
 * The multi-hot labels over {@link DiagnosticClass} of a designed beat: each finding that meets its criterion
 * labels its class, and NORM is labelled when none does and every borderline finding stays within NORM's own
 * limits (a PR of 195 ms is normal, a QRS of 115 ms is not). For most classes NORM's limit is on the severity
 * itself ({@link SeverityScale#withinNormalLimits}); a borderline inferior infarct is measured by its shortest
 * inferior Q wave while NORM asks for no Q of 40 ms in any of I, II, III, aVF, V5, V6, so its longest Q wave is
 * read from the designed QRS waves.
 */
final class DesignedLabels {
    /** The leads whose Q waves NORM's criterion limits. */
    private static final List<Lead> NORMAL_Q_LEADS = List.of(Lead.I, Lead.II, Lead.III, Lead.AVF, Lead.V5, Lead.V6);
    private static final double NORMAL_Q_LIMIT_MS = 40;

    private DesignedLabels() {
    }

    /** The labels of {@code beat}, the beat built with {@code findings}. */
    static boolean[] of(List<Finding> findings, BeatModel beat) {
        boolean[] labels = new boolean[DiagnosticClass.ALL.size()];
        boolean normal = true;
        for (Finding f : findings) {
            if (f.meetsCriterion()) {
                labels[f.cls().ordinal()] = true;
                normal = false;
            } else if (f.cls() == DiagnosticClass.IMI) {
                normal &= longestQMs(beat) < NORMAL_Q_LIMIT_MS;
            } else {
                normal &= f.scale().withinNormalLimits(f.severity());
            }
        }
        labels[DiagnosticClass.NORM.ordinal()] = normal;
        return labels;
    }

    /** The longest initial negative deflection of the QRS terms over NORM's Q-wave leads, ms. */
    static double longestQMs(BeatModel beat) {
        double longest = 0;
        for (Lead lead : NORMAL_Q_LEADS) {
            longest = Math.max(longest, WaveProbe.of(beat.dipole(), BeatModel.QRS, lead)
                    .initialNegativeMs(beat.qrsOnsetMs(), beat.jPointMs(), MyocardialPathologies.Q_THRESHOLD_MV));
        }
        return longest;
    }
}
