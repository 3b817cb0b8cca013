package org.ecglab.data.ptbxl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses PTB-XL's {@code scp_codes} column, a Python dict literal from SCP statement to likelihood, e.g.
 * {@code {'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}}. Likelihoods are 0-100 for diagnostic statements
 * (0 when unknown) and always 0 for form and rhythm statements.
 */
public final class ScpCodes {
    private static final String NUMBER = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
    private static final Pattern ENTRY =
            Pattern.compile("\\s*(?:'([^']*)'|\"([^\"]*)\")\\s*:\\s*(" + NUMBER + ")\\s*(?:,\\s*|$)");

    private ScpCodes() {
    }

    /**
     * @return statement to likelihood, in the order written
     * @throws IllegalArgumentException naming the text and the position where it stops being a dict literal
     */
    public static Map<String, Double> parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("scp_codes is missing");
        }
        String s = text.strip();
        if (!s.startsWith("{") || !s.endsWith("}")) {
            throw new IllegalArgumentException("malformed scp_codes \"" + text + "\": expected a dict like "
                    + "{'NORM': 100.0, 'SR': 0.0}");
        }
        String inner = s.substring(1, s.length() - 1).strip();
        Map<String, Double> out = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(inner);
        int pos = 0;
        while (pos < inner.length()) {
            m.region(pos, inner.length());
            if (!m.lookingAt()) {
                throw new IllegalArgumentException("malformed scp_codes \"" + text + "\" near \""
                        + inner.substring(pos) + "\": expected 'CODE': number");
            }
            String code = m.group(1) != null ? m.group(1) : m.group(2);
            if (out.put(code, Double.parseDouble(m.group(3))) != null) {
                throw new IllegalArgumentException("malformed scp_codes \"" + text + "\": statement '" + code
                        + "' appears twice");
            }
            pos = m.end();
        }
        return Collections.unmodifiableMap(out);
    }
}
