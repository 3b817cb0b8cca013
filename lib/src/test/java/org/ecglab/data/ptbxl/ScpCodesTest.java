package org.ecglab.data.ptbxl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScpCodesTest {
    @Test
    void parsesPythonDictLiterals() {
        Map<String, Double> m = ScpCodes.parse("{'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}");
        assertEquals(List.of("NORM", "LVOLT", "SR"), List.copyOf(m.keySet()));
        assertEquals(100.0, m.get("NORM"));
        assertEquals(0.0, m.get("SR"));
        assertEquals(Map.of(), ScpCodes.parse("{}"));
        assertEquals(Map.of("NT_", 15.0, "1AVB", 50.0), ScpCodes.parse(" { 'NT_' : 15 , \"1AVB\": 5e1, } "));
    }

    @Test
    void malformedLiteralsAreRejectedWithTheText() {
        for (String bad : new String[] {"NORM: 100", "{'NORM' 100.0}", "{'NORM': high}", "{'A': 1.0 'B': 2.0}",
                "{'A': 1.0, 'A': 2.0}", "['NORM']"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScpCodes.parse(bad));
            assertTrue(e.getMessage().startsWith("malformed scp_codes \"" + bad + "\""), e.getMessage());
        }
    }
}
