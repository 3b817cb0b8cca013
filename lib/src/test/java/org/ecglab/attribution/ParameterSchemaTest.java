package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed parameters: parsing, defaults, errors naming the method and parameter, and the map form. */
class ParameterSchemaTest {
    record Demo(int nSteps, double stdevs, boolean abs, String ntType, List<Integer> window, long seed) {
        static final ParameterSchema<Demo> SCHEMA = ParameterSchema.of("demo", Demo.class,
                Param.integer("n_steps", 50, 2, "steps"),
                Param.real("stdevs", 1.0, 0, true, Double.POSITIVE_INFINITY, "noise"),
                Param.bool("abs", true, "absolute"),
                Param.choice("nt_type", "smoothgrad", List.of("smoothgrad", "vargrad"), "type"),
                Param.integers("window", List.of(1, 25), 2, 1, "window"),
                Param.seed("seed", 0, "seed"));

        Demo {
            if (abs && ntType.equals("vargrad")) {
                throw new IllegalArgumentException("vargrad of absolute values is not defined here");
            }
        }
    }

    @Test
    void defaultsAndTextValuesParse() {
        assertEquals(new Demo(50, 1.0, true, "smoothgrad", List.of(1, 25), 0), Demo.SCHEMA.defaults());
        Map<String, Object> given = Map.of("n_steps", "7", "stdevs", "0.5", "abs", "false", "nt_type", "vargrad",
                "window", "[12, 5]", "seed", 42);
        assertEquals(new Demo(7, 0.5, false, "vargrad", List.of(12, 5), 42), Demo.SCHEMA.parse(given));
        assertEquals(new Demo(8, 2.0, true, "smoothgrad", List.of(3, 4), 0),
                Demo.SCHEMA.parse(Map.of("n_steps", 8.0, "stdevs", 2, "window", List.of(3, 4))));
    }

    @Test
    void mapFormIsInDeclarationOrderAndRoundTrips() {
        Demo d = new Demo(9, 0.25, false, "smoothgrad", List.of(2, 3), 7);
        Map<String, Object> map = Demo.SCHEMA.toMap(d);
        assertEquals(List.of("n_steps", "stdevs", "abs", "nt_type", "window", "seed"), List.copyOf(map.keySet()));
        assertEquals(d, Demo.SCHEMA.parse(new LinkedHashMap<>(map)));
    }

    @Test
    void badValuesNameMethodParameterAndWhatIsAllowed() {
        assertEquals("parameter 'n_steps' of method demo is 1 (a Java Integer); expected an integer >= 2",
                message(Map.of("n_steps", 1)));
        assertEquals("parameter 'stdevs' of method demo is 0 (a Java Integer); expected a number > 0.0",
                message(Map.of("stdevs", 0)));
        assertEquals("parameter 'nt_type' of method demo is 'sg'; expected one of [smoothgrad, vargrad]",
                message(Map.of("nt_type", "sg")));
        assertEquals("parameter 'window' of method demo is '1,2,3'; expected 2 integers >= 1 (e.g. \"1,25\")",
                message(Map.of("window", "1,2,3")));
        assertEquals("parameter 'n_steps' of method demo is 2.5 (a Java Double); expected an integer >= 2",
                message(Map.of("n_steps", 2.5)));
        assertEquals("unknown parameter 'steps' for method demo; allowed: [abs, n_steps, nt_type, seed, stdevs, window]",
                message(Map.of("steps", 3)));
        assertEquals("method demo: vargrad of absolute values is not defined here",
                message(Map.of("nt_type", "vargrad")));
    }

    @Test
    void declarationsMustMatchTheRecord() {
        record Two(int nSteps, boolean abs) {
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterSchema.of("x",
                Two.class, Param.bool("abs", true, "a"), Param.integer("n_steps", 1, 1, "n")));
        assertTrue(e.getMessage().contains("declared as abs but the component is nSteps"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Param.integer("n_steps", 0, 1, "default below minimum"));
        assertThrows(IllegalArgumentException.class, () -> Param.bool("nSteps", true, "not snake_case"));
    }

    @Test
    void describeListsAllowedValuesAndDefaults() {
        assertEquals(List.of("n_steps: an integer >= 2, default 50. steps",
                "stdevs: a number > 0.0, default 1.0. noise", "abs: true or false, default true. absolute",
                "nt_type: one of [smoothgrad, vargrad], default smoothgrad. type",
                "window: 2 integers >= 1 (e.g. \"1,25\"), default [1, 25]. window",
                "seed: an integer, default 0. seed"), Demo.SCHEMA.describe());
    }

    private static String message(Map<String, ?> given) {
        return assertThrows(IllegalArgumentException.class, () -> Demo.SCHEMA.parse(given)).getMessage();
    }
}
