package org.ecglab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecglab.data.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * The README's table of bad input, kills and concurrent runs is {@link SafetyCases#markdown()}, and every test it
 * names exists. Run with {@code -Decglab.updateReadme=true} to write the table into the README after changing
 * {@link SafetyCases}.
 */
class SafetyTableTest {
    private static final String START = "<!-- safety-table: generated from lib/src/test/java/org/ecglab/cli/"
            + "SafetyCases.java by SafetyTableTest -->\n";
    private static final String END = "<!-- end of safety-table -->";
    /** Where the tests a row names live, by simple class name. */
    private static final Map<String, String> PACKAGES = Map.of(
            "SafetyCasesTest", "org.ecglab.cli",
            "RegistryPermissionsTest", "org.ecglab.registry",
            "OutputTargetsTest", "org.ecglab.data.io",
            "StaleTemporariesTest", "org.ecglab.data.io",
            "DatasetFileScaleTest", "org.ecglab.data",
            "WfdbHeaderParseTest", "org.ecglab.data.wfdb",
            "ScpMappingTest", "org.ecglab.data.ptbxl",
            "ModelStoreTest", "org.ecglab.registry");

    private static Path readme() {
        return TestFiles.findUp("lib").orElseThrow().resolveSibling("README.md");
    }

    @Test
    void theReadmeHoldsTheTable() throws IOException {
        Path readme = readme();
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md lacks the markers " + START.strip() + " ... " + END);
        String table = SafetyCases.markdown();
        if (Boolean.getBoolean("ecglab.updateReadme")) {
            text = text.substring(0, start + START.length()) + table + text.substring(end);
            Files.writeString(readme, text, StandardCharsets.UTF_8);
            end = text.indexOf(END);
        }
        assertEquals(table, text.substring(start + START.length(), end),
                "README's table differs from SafetyCases; run this test with -Decglab.updateReadme=true");
    }

    @Test
    void everyRowNamesATestThatExists() throws Exception {
        List<String> missing = new ArrayList<>();
        for (SafetyCases.Case c : SafetyCases.ALL) {
            String[] parts = c.test().split("#");
            Class<?> type = Class.forName(PACKAGES.get(parts[0]) + "." + parts[0]);
            boolean found = false;
            for (Method m : type.getDeclaredMethods()) {
                found |= m.getName().equals(parts[1]) && m.isAnnotationPresent(Test.class);
            }
            if (!found) {
                missing.add(c.test());
            }
        }
        assertEquals(List.of(), missing);
    }
}
