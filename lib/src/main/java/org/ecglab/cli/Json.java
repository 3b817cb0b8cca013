package org.ecglab.cli;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal JSON writer for provenance sidecars (the library has no JSON dependency and needs none for this):
 * maps become objects with one key per line, collections and primitive arrays become one-line arrays, numbers that
 * JSON cannot represent (NaN, infinities) become {@code null}.
 */
final class Json {
    private Json() {
    }

    /** {@code value} as indented JSON text ending in a newline. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void append(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> m) {
            appendObject(sb, m, indent);
        } else if (v instanceof Collection<?> c) {
            appendArray(sb, c.toArray(), indent);
        } else if (v.getClass().isArray()) {
            Object[] items = new Object[Array.getLength(v)];
            for (int i = 0; i < items.length; i++) {
                items[i] = Array.get(v, i);
            }
            appendArray(sb, items, indent);
        } else if (v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? numberText(d) : "null");
        } else if (v instanceof Number) {
            sb.append(v);
        } else {
            appendString(sb, v.toString());
        }
    }

    private static String numberText(double d) {
        // Integral doubles print as "3.0", which is valid JSON; %s keeps full precision otherwise.
        return String.format(Locale.ROOT, "%s", d);
    }

    private static void appendObject(StringBuilder sb, Map<?, ?> m, int indent) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append("{\n");
        int k = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            sb.append("  ".repeat(indent + 1));
            appendString(sb, String.valueOf(e.getKey()));
            sb.append(": ");
            append(sb, e.getValue(), indent + 1);
            sb.append(++k < m.size() ? ",\n" : "\n");
        }
        sb.append("  ".repeat(indent)).append('}');
    }

    private static void appendArray(StringBuilder sb, Object[] items, int indent) {
        sb.append('[');
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            append(sb, items[i], indent);
        }
        sb.append(']');
    }

    private static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
