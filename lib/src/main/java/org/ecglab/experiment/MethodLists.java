package org.ecglab.experiment;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.MethodSpec;

/** The method lists experiments take: the default (every registered method), checks, and the cache-key form. */
public final class MethodLists {
    private MethodLists() {
    }

    /**
     * Every registered method with its default parameters, in registration order: the default of every experiment,
     * so a method added to {@link AttributionMethods} joins the experiments without code changes.
     */
    public static List<MethodSpec> allRegistered() {
        return AttributionMethods.ids().stream().map(MethodSpec::of).toList();
    }

    /**
     * An unmodifiable copy of {@code methods}, checked.
     *
     * @param min the least number of methods the experiment needs
     * @throws IllegalArgumentException if there are fewer than {@code min} methods or labels repeat
     */
    public static List<MethodSpec> checked(List<MethodSpec> methods, int min) {
        List<MethodSpec> copy = List.copyOf(Objects.requireNonNull(methods, "methods"));
        if (copy.size() < min) {
            throw new IllegalArgumentException("need at least " + min + " method" + (min == 1 ? "" : "s")
                    + ", got " + copy.size());
        }
        if (new HashSet<>(copy.stream().map(MethodSpec::label).toList()).size() != copy.size()) {
            throw new IllegalArgumentException("method labels must be unique: "
                    + copy.stream().map(MethodSpec::label).toList());
        }
        return copy;
    }

    /** The methods' canonical forms joined, for cache keys. */
    public static String canonical(List<MethodSpec> methods) {
        return methods.stream().map(MethodSpec::canonical).collect(Collectors.joining(";"));
    }

    /** The methods' labels. */
    public static List<String> labels(List<MethodSpec> methods) {
        return methods.stream().map(MethodSpec::label).toList();
    }
}
