package org.ecglab.data;

import java.util.List;
import java.util.Locale;

/**
 * The nine diagnostic classes; one binary task model is trained per class (Arends et al. 2026 used nine
 * classes too). Each carries the clinical criterion by which the synthetic generator defines it, and which
 * the generator's tests measure on the noise-free beat. Sources: the AHA/ACCF/HRS 2009 recommendations for the
 * standardization and interpretation of the ECG (Surawicz et al., Circulation 119:e235, intraventricular conduction
 * disturbances; Hancock et al., Circulation 119:e251, hypertrophy; Rautaharju et al., Circulation 119:e241, QT and
 * ST-T) and the Fourth Universal Definition of Myocardial Infarction (Thygesen et al., Circulation 138:e618, 2018);
 * each class's morphology is described beside its model in {@code org.ecglab.data.synthetic}.
 */
public enum DiagnosticClass {
    NORM("Normal", "sinus rhythm; PR 120–200 ms; QRS < 110 ms; QTc < 450 ms; Sokolow–Lyon voltage <= 3.5 mV; "
            + "no Q wave >= 40 ms in I, II, III, aVF, V5, V6; |ST| < 0.1 mV at J+60 ms in every lead; "
            + "upright T in I, II, V4–V6"),
    AVB1("1st-degree AV block", "PR interval > 200 ms"),
    LBBB("Left bundle branch block", "QRS >= 120 ms; QS or rS in V1 (S deeper than 3x r); "
            + "broad R (positive deflection >= 60 ms) without q wave in I, aVL, V5, V6"),
    RBBB("Right bundle branch block", "QRS >= 120 ms; rsR' (R' taller than r) in V1 or V2; "
            + "terminal S wave >= 40 ms in I and V6"),
    LVH("Left ventricular hypertrophy", "Sokolow–Lyon voltage S(V1) + max R(V5, V6) > 3.5 mV, "
            + "with QRS < 120 ms"),
    ASTE("Anterior ST elevation", "ST elevation at the J point >= 0.2 mV in V2 and V3 and >= 0.1 mV in V4 "
            + "with reciprocal ST depression >= 0.05 mV at the J point in II, III and aVF"),
    IMI("Inferior pathological Q waves", "Q wave >= 40 ms wide, >= 0.1 mV deep and "
            + ">= 25% of the R amplitude in II, III and aVF"),
    LQT("Long QT", "QTc (Bazett) > 470 ms"),
    LTWI("Lateral T-wave inversion", "T wave negative (<= -0.1 mV) in I, aVL, V5 and V6 "
            + "with QRS < 110 ms (primary, not secondary to a complete or incomplete bundle branch block)");

    /** All classes in declaration order; index = {@link #ordinal()}. */
    public static final List<DiagnosticClass> ALL = List.of(values());

    private final String displayName;
    private final String criterion;

    DiagnosticClass(String displayName, String criterion) {
        this.displayName = displayName;
        this.criterion = criterion;
    }

    /** Human-readable name, e.g. "Left bundle branch block". */
    public String displayName() {
        return displayName;
    }

    /** The clinical criterion that defines the class in the synthetic data. */
    public String criterion() {
        return criterion;
    }

    /** Short id used in files and tables, e.g. {@code "LBBB"}. */
    public String id() {
        return name();
    }

    /**
     * Parses a class id case-insensitively.
     *
     * @throws IllegalArgumentException naming the unknown label and the known ones
     */
    public static DiagnosticClass parse(String id) {
        String n = id.trim().toUpperCase(Locale.ROOT);
        for (DiagnosticClass c : values()) {
            if (c.name().equals(n)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown diagnostic class '" + id + "'; known: " + ALL);
    }
}
