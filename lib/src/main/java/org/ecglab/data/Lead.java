package org.ecglab.data;

import java.util.List;
import java.util.Locale;

/**
 * The twelve standard ECG leads, declared in the standard order I, II, III, aVR, aVL, aVF, V1–V6.
 * Every array of leads in this library ({@code float[12][600]}) uses this order: index = {@link #ordinal()}.
 */
public enum Lead {
    I("I"), II("II"), III("III"), AVR("aVR"), AVL("aVL"), AVF("aVF"),
    V1("V1"), V2("V2"), V3("V3"), V4("V4"), V5("V5"), V6("V6");

    /** The leads in standard order (same as {@link #values()}, unmodifiable). */
    public static final List<Lead> STANDARD_ORDER = List.of(values());

    private final String label;

    Lead(String label) {
        this.label = label;
    }

    /** Conventional display name, e.g. {@code "aVR"}. */
    public String label() {
        return label;
    }

    /** Index of this lead in a {@code [12][600]} array. */
    public int index() {
        return ordinal();
    }

    /**
     * Parses a lead name as written in WFDB headers and CSV files ("I", "avr", "aVR", "V1", ...), case-insensitively.
     *
     * @throws IllegalArgumentException naming the unknown lead
     */
    public static Lead parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (Lead lead : values()) {
            if (lead.name().equals(n)) {
                return lead;
            }
        }
        throw new IllegalArgumentException("unknown lead '" + name + "'; expected one of " + STANDARD_ORDER);
    }

    @Override
    public String toString() {
        return label;
    }
}
