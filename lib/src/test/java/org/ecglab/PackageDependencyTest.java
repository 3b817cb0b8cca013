package org.ecglab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout as documented is the layout as built: every package of the library has a {@code package-info.java}
 * whose sentence "May import: ..." lists the lab's packages it may use, every source file keeps to it (imports and
 * fully qualified names in code; Javadoc links are free), and the README's package table names exactly the
 * top-level packages. In the sentence, {@code {@code org.ecglab.x}} allows package x alone, {@code {@code
 * org.ecglab.x.*}} x and its sub-packages, and "nothing of ours" none; a package may always use itself.
 */
class PackageDependencyTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path README = Path.of("../README.md");
    private static final Pattern ALLOWED = Pattern.compile("\\{@code (org\\.ecglab(?:\\.[a-z]+)*)(\\.\\*)?}");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.ecglab((?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

    /** Package name to its Java files (package-info excluded). */
    private static Map<String, List<Path>> packages() throws IOException {
        Map<String, List<Path>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.');
                List<Path> list = out.computeIfAbsent(pkg, k -> new ArrayList<>());
                if (!f.getFileName().toString().equals("package-info.java")) {
                    list.add(f);
                }
            }
        }
        return out;
    }

    /** The allowed packages as patterns: "x" exactly, "x.*" x and below. */
    private static List<String> allowed(String pkg) throws IOException {
        Path info = MAIN.resolve(pkg.replace('.', '/')).resolve("package-info.java");
        assertTrue(Files.isRegularFile(info), pkg + " has no package-info.java");
        String text = Files.readString(info, StandardCharsets.UTF_8).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
        int at = text.indexOf("<p>May import:");
        assertTrue(at >= 0, info + " does not say what the package may import (\"<p>May import: ...\")");
        String rest = text.substring(at);
        int depth = 0;
        int end = rest.length();
        for (int i = 0; i < rest.length() && end == rest.length(); i++) {
            char c = rest.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            end = c == '.' && depth == 0 ? i : end; // the sentence ends at the first period outside {@code ...}
        }
        String sentence = rest.substring(0, end);
        List<String> out = new ArrayList<>();
        if (sentence.equals("<p>May import: nothing of ours")) {
            return out;
        }
        Matcher m = ALLOWED.matcher(sentence);
        while (m.find()) {
            out.add(m.group(1) + (m.group(2) == null ? "" : ".*"));
        }
        assertFalse(out.isEmpty(), info + ": no package named after \"May import:\"");
        return out;
    }

    private static boolean permitted(String used, String own, List<String> allowed) {
        if (used.equals(own)) {
            return true;
        }
        for (String a : allowed) {
            if (a.endsWith(".*") ? used.equals(a.substring(0, a.length() - 2))
                    || used.startsWith(a.substring(0, a.length() - 1)) : used.equals(a)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyFileImportsOnlyWhatItsPackageInfoAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<Path>> p : packages().entrySet()) {
            List<String> allowed = allowed(p.getKey());
            for (Path file : p.getValue()) {
                String code = Files.readString(file, StandardCharsets.UTF_8)
                        .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                Matcher m = REFERENCE.matcher(code);
                Set<String> used = new TreeSet<>();
                while (m.find()) {
                    used.add("org.ecglab" + m.group(1));
                }
                for (String u : used) {
                    if (!permitted(u, p.getKey(), allowed)) {
                        violations.add(MAIN.relativize(file) + " uses " + u + " (allowed: " + allowed + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theSentenceIsReadAsWritten() throws IOException {
        assertEquals(List.of(), allowed("org.ecglab.stats"));
        assertEquals(List.of("org.ecglab.data.*", "org.ecglab.nn", "org.ecglab.runtime", "org.ecglab.stats"),
                allowed("org.ecglab.train"));
        assertTrue(permitted("org.ecglab.data.io", "org.ecglab.nn", List.of("org.ecglab.data.*")));
        assertTrue(permitted("org.ecglab.data", "org.ecglab.nn", List.of("org.ecglab.data.*")));
        assertFalse(permitted("org.ecglab.dataset", "org.ecglab.nn", List.of("org.ecglab.data.*")));
        assertFalse(permitted("org.ecglab.train", "org.ecglab.nn", List.of("org.ecglab.data.*")));
    }

    @Test
    void theReadmeTableNamesEveryTopLevelPackage() throws IOException {
        Set<String> topLevel = new TreeSet<>();
        for (String pkg : packages().keySet()) {
            String[] parts = pkg.split("\\.");
            if (parts.length >= 3) {
                topLevel.add(parts[2]);
            }
        }
        Set<String> inTable = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z]+)` \\|").matcher(Files.readString(README, StandardCharsets.UTF_8));
        while (row.find()) {
            inTable.add(row.group(1));
        }
        assertEquals(topLevel, inTable, "README.md's package table");
    }
}
