package org.ecglab.attribution.propagation;

import org.ecglab.attribution.Param;

/** The parameters the LRP methods share, with Zennit's names and defaults. */
final class LrpParameters {
    /** Zennit's default stabiliser and epsilon. */
    static final double ZENNIT_EPSILON = 1e-6;
    /** Zennit's (and Captum's) default gamma. */
    static final double DEFAULT_GAMMA = 0.25;

    private LrpParameters() {
    }

    /** {@code epsilon} of the epsilon rule. */
    static Param<Double> epsilon(double defaultValue, String where) {
        return Param.real("epsilon", defaultValue, 0, false, Double.POSITIVE_INFINITY,
                "epsilon of the epsilon rule " + where + " (0: LRP-0)");
    }

    /** {@code stabilizer}: the {@code ε} of every other rule's denominator. */
    static Param<Double> stabilizer() {
        return Param.real("stabilizer", ZENNIT_EPSILON, 0, false, Double.POSITIVE_INFINITY,
                "added to every other rule's denominator with its sign, as Zennit's stabilizer");
    }

    /** {@code gamma} of the gamma rule. */
    static Param<Double> gamma() {
        return Param.real("gamma", DEFAULT_GAMMA, 0, false, Double.POSITIVE_INFINITY,
                "how much the gamma rule amplifies positive contributions");
    }
}
