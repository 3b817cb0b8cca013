package org.ecglab.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lab's one Gson configuration: what it writes, what it accepts, and how errors read. */
class JsonTest {
    @Test
    void writesAndReadsBackNestedValuesInOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a \"quoted\" \\ line\nbreak\u0001 <=> 'x'");
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
        assertEquals(List.copyOf(m.keySet()), List.copyOf(((Map<?, ?>) Json.parse(text)).keySet()));
        assertTrue(text.contains("\"whole\": 2.0"), text);
        assertTrue(text.contains("\"n\": null"), text); // kept, not dropped
        assertTrue(text.contains("<=> 'x'"), text); // no HTML escaping
        assertTrue(text.endsWith("}\n"), text);
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
    }

    @Test
    void parsesStandardJsonFromElsewhere() {
        Object v = Json.parse(" {\"a\":[-1.5e2, 0, {\"u\":\"\\u00e9\\/\"}], \"t\":false} ");
        assertEquals(Map.of("a", List.of(-150.0, 0L, Map.of("u", "é/")), "t", false), v);
    }

    @Test
    void rejectsWhatIsNotStrictJsonAndSaysWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1,}"));
        assertTrue(e.getMessage().startsWith("malformed JSON: ") && e.getMessage().contains("line 1 column"),
                e.getMessage());
        for (String bad : List.of("[1, 2", "{\"a\": 1} x", "{\"a\": 1, \"a\": 2}", "\"open", "{a: 1}",
                "// note\n{}", "[NaN]", "  ")) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("x", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new double[] {Double.POSITIVE_INFINITY}));
    }

    @Test
    void fieldsAreReadByTypeAndErrorsNameTheFileAndPath() {
        JsonFields f = JsonFields.parse("{\"n\": 3, \"x\": 2.5, \"s\": \"a\", \"o\": {\"deep\": [1, 2]}, "
                + "\"u\": null, \"list\": [{\"k\": true}]}", "f.json");
        assertEquals(3, f.integer("n"));
        assertEquals(2.5, f.real("x"), 0);
        assertEquals(3.0, f.real("n"), 0);
        assertTrue(Double.isNaN(f.realOrNaN("u")));
        assertEquals(List.of(1.0, 2.0), f.object("o").reals("deep"));
        assertTrue(f.objects("list").get(0).bool("k"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.integer("x"));
        assertEquals("f.json: x must be an integer, got 2.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.object("o").string("deep"));
        assertEquals("f.json: o.deep must be a string, got [1, 2]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.objects("list").get(0).string("missing"));
        assertEquals("f.json: missing field \"list[0].missing\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JsonFields.parse("[1]", "g.json"));
        assertEquals("g.json: expected a JSON object at the top level", e.getMessage());
    }
}
