package org.ecglab.data.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Typed reads of one parsed JSON object ({@link Json#parse}): every error is an {@link IllegalArgumentException}
 * whose message names the source (usually the file), the field's path (e.g. {@code test.LBBB.auroc.lower}) and what
 * is missing or wrong, so a damaged file is reported precisely.
 */
public final class JsonFields {
    private final Map<String, Object> fields;
    private final String source;
    private final String path;

    private JsonFields(Map<?, ?> fields, String source, String path) {
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(String.valueOf(k), v));
        this.fields = Collections.unmodifiableMap(copy);
        this.source = Objects.requireNonNull(source, "source");
        this.path = path;
    }

    /**
     * Parses {@code text}, which must be a JSON object.
     *
     * @param source names the text in error messages, e.g. the file
     * @throws IllegalArgumentException if the text is not JSON or not an object
     */
    public static JsonFields parse(String text, String source) {
        Object value;
        try {
            value = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": expected a JSON object at the top level");
        }
        return new JsonFields(map, source, "");
    }

    /** The field names, in document order. */
    public Set<String> keys() {
        return fields.keySet();
    }

    /** Whether the field is present (possibly null). */
    public boolean has(String key) {
        return fields.containsKey(key);
    }

    /** A string field. */
    public String string(String key) {
        if (!(value(key) instanceof String s)) {
            throw wrong(key, "a string");
        }
        return s;
    }

    /** An integer field that fits an {@code int}. */
    public int integer(String key) {
        long v = longValue(key);
        if (v != (int) v) {
            throw wrong(key, "an integer in the int range");
        }
        return (int) v;
    }

    /** An integer field. */
    public long longValue(String key) {
        if (!(value(key) instanceof Long v)) {
            throw wrong(key, "an integer");
        }
        return v;
    }

    /** A number field. */
    public double real(String key) {
        if (!(value(key) instanceof Number n)) {
            throw wrong(key, "a number");
        }
        return n.doubleValue();
    }

    /** A number field, or NaN where it is {@code null} (JSON has no NaN; writers store an undefined number as null). */
    public double realOrNaN(String key) {
        return value(key) == null ? Double.NaN : real(key);
    }

    /** A boolean field. */
    public boolean bool(String key) {
        if (!(value(key) instanceof Boolean b)) {
            throw wrong(key, "true or false");
        }
        return b;
    }

    /** A nested object. */
    public JsonFields object(String key) {
        if (!(value(key) instanceof Map<?, ?> m)) {
            throw wrong(key, "a JSON object");
        }
        return new JsonFields(m, source, where(key));
    }

    /** An array of objects. */
    public List<JsonFields> objects(String key) {
        List<JsonFields> out = new ArrayList<>();
        List<?> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> m)) {
                throw error(key + "[" + i + "]", "must be a JSON object, got " + describe(items.get(i)));
            }
            out.add(new JsonFields(m, source, where(key) + "[" + i + "]"));
        }
        return out;
    }

    /** An array of strings. */
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (Object o : list(key)) {
            if (!(o instanceof String s)) {
                throw wrong(key, "an array of strings");
            }
            out.add(s);
        }
        return out;
    }

    /** An array of numbers. */
    public List<Double> reals(String key) {
        List<Double> out = new ArrayList<>();
        for (Object o : list(key)) {
            if (!(o instanceof Number n)) {
                throw wrong(key, "an array of numbers");
            }
            out.add(n.doubleValue());
        }
        return out;
    }

    /** Every field whose value is a string, number or boolean, as text (e.g. a layer's constructor arguments). */
    public Map<String, String> scalarsAsText() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                out.put(k, String.valueOf(v));
            }
        });
        return out;
    }

    /** The fields as a map of plain values (maps, lists, strings, numbers, booleans, null). */
    public Map<String, Object> asMap() {
        return fields;
    }

    /** An error naming this source and the field. */
    public IllegalArgumentException error(String key, String problem) {
        return new IllegalArgumentException(source + ": " + where(key) + " " + problem);
    }

    /** An error about this object as a whole, naming the source and, below the top level, its path. */
    public IllegalArgumentException problem(String problem) {
        return new IllegalArgumentException(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    private List<?> list(String key) {
        if (!(value(key) instanceof List<?> l)) {
            throw wrong(key, "an array");
        }
        return l;
    }

    private Object value(String key) {
        if (!fields.containsKey(key)) {
            throw new IllegalArgumentException(source + ": missing field \"" + where(key) + "\"");
        }
        return fields.get(key);
    }

    private IllegalArgumentException wrong(String key, String expected) {
        return error(key, "must be " + expected + ", got " + describe(fields.get(key)));
    }

    private String where(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String describe(Object v) {
        String text = String.valueOf(v);
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
