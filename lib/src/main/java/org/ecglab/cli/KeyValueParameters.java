package org.ecglab.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses repeated {@code --param name=value} arguments into a map for
 * {@link org.ecglab.attribution.AttributionMethods#create(String, Map)}. Values stay strings: the method's own
 * parameter reader converts and range-checks them, so the message for a bad value names the method.
 */
final class KeyValueParameters {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private KeyValueParameters() {
    }

    /**
     * @param pairs entries of the form {@code name=value}; the value may contain further {@code =}
     * @return names to values, in the order given
     * @throws IllegalArgumentException naming the entry that has no {@code =}, an invalid name or an empty value, or
     *                                  a name given twice
     */
    static Map<String, String> parse(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--param '" + pair + "' is not of the form name=value");
            }
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("--param '" + pair + "': '" + name
                        + "' is not a parameter name (letters, digits, underscores)");
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException("--param '" + pair + "': the value is empty");
            }
            if (out.put(name, value) != null) {
                throw new IllegalArgumentException("--param " + name + " is given twice");
            }
        }
        return out;
    }
}
