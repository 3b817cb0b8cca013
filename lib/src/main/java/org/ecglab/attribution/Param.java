package org.ecglab.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One declared parameter of an attribution method: its snake_case name (Captum's name where Captum has the
 * parameter), what values it takes, its default and a one-line description. A {@link ParameterSchema} lists a
 * method's parameters; the command line and the interop bundle show and record them by these names.
 *
 * <p>Values are parsed from the types a parameter map may hold: numbers and booleans as such, and their text forms
 * (maps parsed from a command line or a CSV hold strings).
 *
 * @param name         snake_case name
 * @param type         the Java type of the value
 * @param defaultValue the value when none is given
 * @param description  what the parameter means, one line
 * @param parser       turns a given value into a checked value, or throws {@link IllegalArgumentException} with
 *                     what is expected
 * @param allowed      what values are allowed, as text, e.g. "an integer >= 1"
 * @param <T>          the value type
 */
public record Param<T>(String name, Class<T> type, T defaultValue, String description, Parser<T> parser,
        String allowed) {

    /** Parses and checks one raw value. */
    @FunctionalInterface
    public interface Parser<T> {
        /**
         * @return the checked value
         * @throws IllegalArgumentException (any message) when the value is not allowed
         */
        T parse(Object raw);
    }

    /** Checks the declaration, including that the default is an allowed value. */
    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(allowed, "allowed");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("parameter names are snake_case: " + name);
        }
        if (defaultValue != null) {
            parser.parse(defaultValue);
        }
    }

    /**
     * The value of this parameter in a map: the default when {@code raw} is null.
     *
     * @throws IllegalArgumentException naming the method, the parameter, the value and what is allowed
     */
    public T valueOf(String methodId, Object raw) {
        if (raw == null) {
            return defaultValue;
        }
        try {
            return parser.parse(raw);
        } catch (IllegalArgumentException | ArithmeticException e) {
            // A value typed on the command line is text: quote it; say the type only of values given in code.
            String given = raw instanceof String ? "'" + raw + "'" : raw + " (a Java " + raw.getClass().getSimpleName()
                    + ")";
            throw new IllegalArgumentException("parameter '" + name + "' of method " + methodId + " is " + given
                    + "; expected " + allowed, e);
        }
    }

    /** E.g. {@code "n_steps: an integer >= 2, default 50. Number of path points."}. */
    public String describe() {
        return name + ": " + allowed + ", default " + (defaultValue == null ? "none" : format(defaultValue)) + ". "
                + description;
    }

    /** An integer parameter with a lower bound. */
    public static Param<Integer> integer(String name, int defaultValue, int min, String description) {
        return new Param<>(name, Integer.class, defaultValue, description, raw -> {
            int v = toInt(raw);
            if (v < min) {
                throw new IllegalArgumentException("below " + min);
            }
            return v;
        }, "an integer >= " + min);
    }

    /** A seed: any long integer. */
    public static Param<Long> seed(String name, long defaultValue, String description) {
        return new Param<>(name, Long.class, defaultValue, description, Param::toLong, "an integer");
    }

    /** A finite number in {@code [min, max]} ({@code min} excluded when {@code minExclusive}). */
    public static Param<Double> real(String name, double defaultValue, double min, boolean minExclusive, double max,
            String description) {
        String allowed = "a number " + (minExclusive ? "> " : ">= ") + format(min)
                + (Double.isInfinite(max) ? "" : " and <= " + format(max));
        return new Param<>(name, Double.class, defaultValue, description, raw -> {
            double v = toDouble(raw);
            if (!Double.isFinite(v) || v < min || (minExclusive && v == min) || v > max) {
                throw new IllegalArgumentException("out of range");
            }
            return v;
        }, allowed);
    }

    /** A boolean. */
    public static Param<Boolean> bool(String name, boolean defaultValue, String description) {
        return new Param<>(name, Boolean.class, defaultValue, description, raw -> {
            if (raw instanceof Boolean b) {
                return b;
            }
            if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(s);
            }
            throw new IllegalArgumentException("not a boolean");
        }, "true or false");
    }

    /** One of a fixed list of words. */
    public static Param<String> choice(String name, String defaultValue, List<String> choices, String description) {
        List<String> copy = List.copyOf(choices);
        return new Param<>(name, String.class, defaultValue, description, raw -> {
            if (!(raw instanceof String s) || !copy.contains(s)) {
                throw new IllegalArgumentException("not a choice");
            }
            return s;
        }, "one of " + copy);
    }

    /**
     * A list of integers, each at least {@code min}, with {@code length} entries (any length when 0). Given as a
     * list, an array, or text such as {@code "1,25"} or {@code "[1, 25]"}.
     */
    @SuppressWarnings("unchecked")
    public static Param<List<Integer>> integers(String name, List<Integer> defaultValue, int length, int min,
            String description) {
        String allowed = (length > 0 ? length + " " : "") + "integers >= " + min + " (e.g. \"1,25\")";
        Class<List<Integer>> type = (Class<List<Integer>>) (Class<?>) List.class;
        return new Param<>(name, type, defaultValue == null ? null : List.copyOf(defaultValue), description, raw -> {
            List<Integer> out = new ArrayList<>();
            if (raw instanceof String s) {
                String body = s.trim().replaceAll("^\\[|\\]$", "");
                for (String part : body.split(",")) {
                    out.add(toInt(part.trim()));
                }
            } else if (raw instanceof List<?> list) {
                for (Object o : list) {
                    out.add(toInt(o));
                }
            } else if (raw instanceof int[] a) {
                for (int v : a) {
                    out.add(v);
                }
            } else {
                throw new IllegalArgumentException("not a list");
            }
            if ((length > 0 && out.size() != length) || out.stream().anyMatch(v -> v < min)) {
                throw new IllegalArgumentException("wrong length or value");
            }
            return List.copyOf(out);
        }, allowed);
    }

    static int toInt(Object raw) {
        long v = toLong(raw);
        return Math.toIntExact(v);
    }

    static long toLong(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("not an integer");
            }
            return (long) d;
        }
        if (raw instanceof String s) {
            return Long.parseLong(s.trim());
        }
        throw new IllegalArgumentException("not an integer");
    }

    static double toDouble(Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            return Double.parseDouble(s.trim());
        }
        throw new IllegalArgumentException("not a number");
    }

    private static String format(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return String.valueOf(value);
    }
}
