package org.ecglab.experiment;

import java.util.Locale;

/** How a randomisation series re-initialises a trained model's layers ({@link ModelRandomizer}). */
public enum RandomizationMode {
    /** From the output layer down, one more layer per step (Adebayo et al. 2018). */
    CASCADING("cascading"),
    /** One layer per step, all others as trained. */
    INDEPENDENT("independent");

    private final String label;

    RandomizationMode(String label) {
        this.label = label;
    }

    /** Lower-case name used in tables. */
    public String label() {
        return label;
    }

    /**
     * @throws IllegalArgumentException for an unknown label
     */
    public static RandomizationMode parse(String label) {
        for (RandomizationMode m : values()) {
            if (m.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown randomisation mode '" + label + "'; allowed: cascading, "
                + "independent");
    }
}
