package org.ecglab.metrics;

import java.util.Locale;

/**
 * In which order a perturbation test removes input features (Samek et al. 2017, "Evaluating the visualization of
 * what a deep neural network has learned"): by decreasing relevance (most relevant first, MoRF: a faithful map makes
 * the model's output fall fastest), by increasing relevance (least relevant first, LeRF: the output should barely
 * move) or at random (the reference any map must beat).
 */
public enum PerturbationOrder {
    /** Most relevant first. */
    MORF("morf"),
    /** Least relevant first. */
    LERF("lerf"),
    /** A seeded random permutation, independent of the map. */
    RANDOM("random");

    private final String label;

    PerturbationOrder(String label) {
        this.label = label;
    }

    /** Lower-case name used in tables. */
    public String label() {
        return label;
    }

    /**
     * @throws IllegalArgumentException for an unknown label
     */
    public static PerturbationOrder parse(String label) {
        for (PerturbationOrder o : values()) {
            if (o.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown perturbation order '" + label + "'; allowed: morf, lerf, random");
    }
}
