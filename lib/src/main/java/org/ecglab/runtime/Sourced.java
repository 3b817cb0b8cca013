package org.ecglab.runtime;

import java.util.Objects;

/**
 * A setting's value together with where it came from, e.g. {@code 1} from {@code "default"} or {@code 2} from
 * {@code "ECGLAB_THREADS"}, so a printout can say why the engine runs as it does.
 *
 * @param value  the value
 * @param origin the environment variable, JVM property or {@code "default"} it was taken from
 * @param <T>    the value's type
 */
public record Sourced<T>(T value, String origin) {
    /** Checks that both parts are present. */
    public Sourced {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return value + " (" + origin + ")";
    }
}
