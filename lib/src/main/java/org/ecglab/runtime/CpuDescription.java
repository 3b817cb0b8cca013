package org.ecglab.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What error messages and benchmark reports say about the CPU: model name, family and model, the widest vector
 * extension, and the data caches the (virtual) machine reports. Caches matter here: oneDNN sizes its convolution
 * blocks from them, and a machine that hides them is where its batched gradients were seen to go wrong.
 *
 * @param model      model name, e.g. "AMD EPYC"
 * @param familyModel "family 26, model 2", or "" when unknown
 * @param vectorIsa  "AVX-512", "AVX2", "AVX", "SSE4.1" or "" when unknown
 * @param caches     data and unified caches as reported by sysfs, e.g. "L1d 48K, L2 1024K, L3 32768K"; "none
 *                   reported" when the machine exposes none
 */
public record CpuDescription(String model, String familyModel, String vectorIsa, String caches) {

    /** The CPU this JVM runs on (Linux: /proc/cpuinfo and sysfs; elsewhere the architecture name). */
    public static CpuDescription current() {
        return read(Path.of("/proc/cpuinfo"), Path.of("/sys/devices/system/cpu/cpu0/cache"));
    }

    static CpuDescription read(Path cpuinfo, Path cacheDir) {
        Map<String, String> fields = firstProcessor(cpuinfo);
        String model = fields.getOrDefault("model name", System.getProperty("os.arch"));
        String familyModel = fields.containsKey("cpu family") && fields.containsKey("model")
                ? "family " + fields.get("cpu family") + ", model " + fields.get("model")
                : "";
        return new CpuDescription(model, familyModel, vectorIsa(" " + fields.getOrDefault("flags", "") + " "),
                caches(cacheDir));
    }

    private static Map<String, String> firstProcessor(Path cpuinfo) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (!Files.isReadable(cpuinfo)) {
            return fields;
        }
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.isBlank() && !fields.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    fields.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
        } catch (IOException e) {
            fields.clear();
        }
        return fields;
    }

    private static String vectorIsa(String flags) {
        if (flags.contains(" avx512f ")) {
            return "AVX-512";
        }
        if (flags.contains(" avx2 ")) {
            return "AVX2";
        }
        if (flags.contains(" avx ")) {
            return "AVX";
        }
        return flags.contains(" sse4_1 ") ? "SSE4.1" : "";
    }

    private static String caches(Path cacheDir) {
        List<String> out = new ArrayList<>();
        if (Files.isDirectory(cacheDir)) {
            try (Stream<Path> indices = Files.list(cacheDir)) {
                for (Path index : indices.filter(p -> p.getFileName().toString().startsWith("index")).sorted()
                        .toList()) {
                    String type = readTrimmed(index.resolve("type"));
                    if (type.equals("Instruction")) {
                        continue;
                    }
                    String level = readTrimmed(index.resolve("level"));
                    out.add("L" + level + (type.equals("Data") ? "d" : "") + " " + readTrimmed(index.resolve("size")));
                }
            } catch (IOException e) {
                return "unreadable (" + e.getMessage() + ")";
            }
        }
        return out.isEmpty() ? "none reported" : String.join(", ", out);
    }

    private static String readTrimmed(Path file) throws IOException {
        return Files.isReadable(file) ? Files.readString(file).trim() : "?";
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(model);
        if (!familyModel.isEmpty()) {
            parts.add(familyModel);
        }
        if (!vectorIsa.isEmpty()) {
            parts.add(vectorIsa);
        }
        parts.add("caches: " + caches);
        return String.join(", ", parts);
    }
}
