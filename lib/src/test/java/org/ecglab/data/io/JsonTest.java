package org.ecglab.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesAndReadsBackNestedValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a \"quoted\" \\ line\nbreak\u0001");
        m.put("i", 12);
        m.put("d", 1e-5);
        m.put("whole", 2.0);
        m.put("b", true);
        m.put("n", null);
        m.put("list", List.of(1, 2, 3));
        m.put("objects", List.of(Map.of("k", "v"), Map.of()));
        String text = Json.write(m);
        Map<String, Object> expected = new LinkedHashMap<>(m);
        expected.put("i", 12L); // integers come back as Long
        expected.put("list", List.of(1L, 2L, 3L));
        assertEquals(expected, Json.parse(text));
        assertTrue(text.contains("\"list\": [1, 2, 3]"), text);
        assertTrue(text.contains("\"whole\": 2.0"), text);
        assertTrue(text.contains("\\u0001"), text);
    }

    @Test
    void writesArraysLikeLists() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shape", new int[] {3, 12, 600});
        m.put("delta", new double[] {0.5, -1e-3});
        m.put("ids", new String[] {"a", "b"});
        m.put("nested", new int[][] {{1}, {2, 3}});
        assertEquals(Map.of("shape", List.of(3L, 12L, 600L), "delta", List.of(0.5, -1e-3), "ids", List.of("a", "b"),
                "nested", List.of(List.of(1L), List.of(2L, 3L))), Json.parse(Json.write(m)));
        assertTrue(Json.write(m).contains("\"shape\": [3, 12, 600]"), Json.write(m));
    }

    @Test
    void parsesStandardJsonFromElsewhere() {
        Object v = Json.parse(" {\"a\":[-1.5e2, 0, {\"u\":\"\\u00e9\\/\"}], \"t\":false} ");
        assertEquals(Map.of("a", List.of(-150.0, 0L, Map.of("u", "é/")), "t", false), v);
    }

    @Test
    void errorsGiveThePosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1,}"));
        assertEquals("malformed JSON at character 8: expected a string key", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1, \"a\": 2}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("x", Double.NaN)));
    }
}
