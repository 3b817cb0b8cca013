package org.ecglab.attribution;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Typed, validated reading of a method's parameter map (as given to {@link AttributionMethods#create}). Unknown
 * keys and values of the wrong type or range are rejected with a message naming the method, the key and what is
 * allowed. Strings are accepted for numbers and booleans so that maps parsed from a CLI or a CSV work.
 */
public final class MethodParameters {
    private final String methodId;
    private final Map<String, ?> given;

    private MethodParameters(String methodId, Map<String, ?> given) {
        this.methodId = methodId;
        this.given = given;
    }

    /**
     * @param allowed the parameter names the method understands
     * @throws IllegalArgumentException if {@code given} has a key outside {@code allowed}
     */
    public static MethodParameters of(String methodId, Map<String, ?> given, Collection<String> allowed) {
        Map<String, ?> params = given == null ? Map.of() : given;
        for (String key : params.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' for method " + methodId
                        + "; allowed: " + new TreeSet<>(allowed));
            }
        }
        return new MethodParameters(methodId, params);
    }

    /** Integer parameter {@code key} (default {@code def}), at least {@code min}. */
    public int getInt(String key, int def, int min) {
        Object v = given.get(key);
        int value;
        if (v == null) {
            value = def;
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            value = Math.toIntExact(((Number) v).longValue());
        } else if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            value = (int) n.doubleValue();
        } else if (v instanceof String s) {
            try {
                value = Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw bad(key, v, "an integer");
            }
        } else {
            throw bad(key, v, "an integer");
        }
        if (value < min) {
            throw bad(key, v, "an integer >= " + min);
        }
        return value;
    }

    /** Boolean parameter {@code key} (default {@code def}). */
    public boolean getBoolean(String key, boolean def) {
        Object v = given.get(key);
        if (v == null) {
            return def;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw bad(key, v, "true or false");
    }

    /** String parameter {@code key} (default {@code def}), one of {@code choices}. */
    public String getChoice(String key, String def, List<String> choices) {
        Object v = given.get(key);
        String value = v == null ? def : v.toString();
        if (!choices.contains(value)) {
            throw bad(key, v, "one of " + choices);
        }
        return value;
    }

    private IllegalArgumentException bad(String key, Object value, String expected) {
        return new IllegalArgumentException("parameter '" + key + "' of method " + methodId + " is " + value
                + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")") + "; expected " + expected);
    }
}
