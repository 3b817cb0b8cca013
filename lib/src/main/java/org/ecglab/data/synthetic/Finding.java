package org.ecglab.data.synthetic;

import java.util.Locale;
import java.util.Objects;
import org.ecglab.data.DiagnosticClass;

/**
 * One disease built into a synthetic beat: a pathological class at a designed severity, in the units of its
 * {@link SeverityScale} (e.g. LBBB at a QRS duration of 126 ms). Whether it is labelled depends on the severity: a
 * borderline finding (LBBB at 115 ms, an incomplete block) changes the ECG but does not meet the criterion.
 *
 * @param cls      the class whose pathology model is applied; not NORM
 * @param severity the designed value of the class's criterion quantity, finite
 */
public record Finding(DiagnosticClass cls, double severity) {

    /** @throws IllegalArgumentException for NORM or a severity that is not finite */
    public Finding {
        Objects.requireNonNull(cls, "cls");
        if (cls == DiagnosticClass.NORM) {
            throw new IllegalArgumentException("NORM is not a finding: a normal beat is a beat without findings");
        }
        if (!Double.isFinite(severity)) {
            throw new IllegalArgumentException(cls + " severity must be finite, got " + severity);
        }
    }

    /** The scale of this finding's class. */
    public SeverityScale scale() {
        return SeverityScale.of(cls);
    }

    /** Whether the finding meets its class's criterion, i.e. the beat is labelled with {@link #cls()}. */
    public boolean meetsCriterion() {
        return scale().meetsCriterion(severity);
    }

    @Override
    public String toString() {
        SeverityScale s = scale();
        return String.format(Locale.ROOT, "%s(%s %.3g %s%s)", cls.id(), s.quantity(), severity, s.unit(),
                meetsCriterion() ? "" : ", borderline");
    }
}
