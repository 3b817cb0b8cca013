package org.ecglab.metrics;

/**
 * Which values of an attribution map are compared: magnitudes (relevance regardless of direction, the usual choice
 * for comparing methods of which some are unsigned) or signed values.
 */
public enum ValueMode {
    /** {@code |a|}. */
    ABSOLUTE("absolute"),
    /** {@code a} as is. */
    SIGNED("signed");

    private final String label;

    ValueMode(String label) {
        this.label = label;
    }

    /** Lower-case name used in result tables. */
    public String label() {
        return label;
    }

    /** The value compared for attribution {@code a}. */
    public double apply(double a) {
        return this == ABSOLUTE ? Math.abs(a) : a;
    }

    /**
     * @throws IllegalArgumentException for an unknown label
     */
    public static ValueMode parse(String label) {
        for (ValueMode m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown value mode '" + label + "'; allowed: absolute, signed");
    }
}
