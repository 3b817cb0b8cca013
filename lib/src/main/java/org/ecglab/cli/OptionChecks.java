package org.ecglab.cli;

import java.util.Locale;

/**
 * Range checks of option values, with messages that name the option as the user typed it ({@code --epochs}), not
 * the library field behind it ({@code maxEpochs}). Commands run them before reading any file.
 */
final class OptionChecks {
    private OptionChecks() {
    }

    /**
     * @throws IllegalArgumentException "OPTION must be at least MIN, got VALUE"
     */
    static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
        }
    }

    /**
     * @throws IllegalArgumentException "OPTION must be at most MAX, got VALUE" plus {@code why}
     */
    static void atMost(String option, long value, long max, String why) {
        if (value > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be at most %,d, got %,d%s", option,
                    max, value, why.isEmpty() ? "" : " (" + why + ")"));
        }
    }

    /**
     * @throws IllegalArgumentException "OPTION must be a positive number, got VALUE"
     */
    static void positive(String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(option + " must be a positive number, got " + value);
        }
    }
}
