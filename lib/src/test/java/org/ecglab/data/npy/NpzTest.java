package org.ecglab.data.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpzTest {
    @TempDir
    Path dir;

    private static Map<String, NpyArray> sample() {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("x", NpyArray.ofFloats(new float[] {1.5f, -2f, 3.25f, 0f}, 2, 2));
        m.put("flags", NpyArray.ofBooleans(new boolean[] {true, false, true}));
        m.put("n", NpyArray.ofInts(new int[] {-7}));
        return m;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void roundTripKeepsNamesOrderAndValues(boolean compressed) throws IOException {
        Path p = dir.resolve("a.npz");
        Npz.write(p, sample(), compressed);
        Map<String, NpyArray> back = Npz.read(p);
        assertEquals(List.of("x", "flags", "n"), List.copyOf(back.keySet()));
        assertEquals(sample(), back);
        try (ZipFile z = new ZipFile(p.toFile())) {
            ZipEntry e = z.getEntry("x.npy");
            assertEquals(compressed ? ZipEntry.DEFLATED : ZipEntry.STORED, e.getMethod());
            // a stored entry is exactly the .npy file
            assertEquals(Npy.toBytes(sample().get("x")).length, e.getSize());
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void missingAndNonZipFilesGiveClearErrors() throws IOException {
        IOException missing = assertThrows(IOException.class, () -> Npz.read(dir.resolve("none.npz")));
        assertTrue(missing.getMessage().contains("none.npz") && missing.getMessage().contains("does not exist"),
                missing.getMessage());
        Path junk = Files.writeString(dir.resolve("junk.npz"), "not a zip at all");
        IOException bad = assertThrows(IOException.class, () -> Npz.read(junk));
        assertTrue(bad.getMessage().contains("not a readable .npz"), bad.getMessage());
    }
}
