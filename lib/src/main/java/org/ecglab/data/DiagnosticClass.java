package org.ecglab.data;

import java.util.List;
import java.util.Locale;

/**
 * The nine diagnostic classes; one binary task model is trained per class (Arends et al. 2026 used nine
 * classes too). Each carries the clinical criterion by which the synthetic generator defines it, and which
 * the generator's tests measure on the noise-free beat.
 */
public enum DiagnosticClass {
    NORM("Normal", "sinus rhythm, PR 120–200 ms, QRS < 110 ms, QTc < 450 ms, no ST deviation, upright T in I, II, V4–V6"),
    AVB1("1st-degree AV block", "PR interval > 200 ms"),
    LBBB("Left bundle branch block", "QRS >= 120 ms; broad notched R in I, aVL, V5–V6; deep S (QS) in V1"),
    RBBB("Right bundle branch block", "QRS >= 120 ms; rsR' in V1–V2; broad terminal S in I and V6"),
    LVH("Left ventricular hypertrophy", "Sokolow–Lyon voltage: S(V1) + max R(V5, V6) > 3.5 mV"),
    ASTE("Anterior ST elevation", "ST elevation >= 0.2 mV at J+60 ms in V2–V4, reciprocal ST depression in II, III, aVF"),
    IMI("Inferior pathological Q waves", "Q wave >= 40 ms wide and >= 25% of R amplitude in II, III, aVF"),
    LQT("Long QT", "QTc (Bazett) > 470 ms"),
    LTWI("Lateral T-wave inversion", "T wave negative (< -0.1 mV) in I, aVL, V5, V6");

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
