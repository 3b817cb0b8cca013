package org.ecglab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.data.npy.NpyDType;
import org.ecglab.data.npy.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcgDatasetFilesTest {
    @TempDir
    Path dir;

    private static float[][] beat(float scale) {
        float[][] s = new float[12][600];
        for (int l = 0; l < 12; l++) {
            for (int t = 0; t < 600; t++) {
                s[l][t] = scale * (l - 6) + t * 1e-3f;
            }
        }
        return s;
    }

    private static EcgDataset dataset(boolean withMasks) {
        boolean[][] labels = new boolean[3][9];
        labels[0][DiagnosticClass.NORM.ordinal()] = true;
        labels[1][DiagnosticClass.LBBB.ordinal()] = true;
        labels[1][DiagnosticClass.LVH.ordinal()] = true;
        float[][][] masks = null;
        if (withMasks) {
            float[][] m = new float[12][600];
            m[3][100] = 1f;
            masks = new float[][][] {null, m, new float[12][600]};
        }
        return new EcgDataset("tiny é", List.of("a", "b-2", "c"), new float[][][] {beat(1), beat(-0.5f), beat(2)},
                labels, new Split[] {Split.TRAIN, Split.TEST, Split.VALIDATION}, masks);
    }

    @Test
    void roundTripKeepsEverything() throws IOException {
        EcgDataset d = dataset(true);
        Path p = dir.resolve("d.npz");
        EcgDatasetFiles.save(d, p);
        EcgDataset back = EcgDatasetFiles.load(p);
        assertEquals("tiny é", back.name());
        assertEquals(d.ids(), back.ids());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(d.labels(i), back.labels(i));
            assertEquals(d.split(i), back.split(i));
            for (int l = 0; l < 12; l++) {
                assertArrayEquals(d.signal(i)[l], back.signal(i)[l]);
            }
        }
        assertNull(back.mask(0));
        assertEquals(1f, back.mask(1)[3][100]);
        assertEquals(0f, back.mask(2)[3][100]);
        assertEquals(d.classCounts(), back.classCounts());
        // the raw entries have the documented dtypes and shapes
        Map<String, NpyArray> raw = Npz.read(p);
        assertArrayEquals(new int[] {3, 12, 600}, raw.get("signals").shape());
        assertEquals(NpyDType.BOOL, raw.get("labels").dtype());
        assertArrayEquals(new long[] {0, 2, 1}, raw.get("splits").toLongs());
    }

    @Test
    void withoutMasks() throws IOException {
        Path p = dir.resolve("n.npz");
        EcgDatasetFiles.save(dataset(false), p);
        EcgDataset back = EcgDatasetFiles.load(p);
        assertTrue(!back.hasMasks());
        assertTrue(!Npz.read(p).containsKey("masks"));
    }

    private String corrupt(String entry, NpyArray replacement) throws IOException {
        Path p = dir.resolve("c.npz");
        EcgDatasetFiles.save(dataset(false), p);
        Map<String, NpyArray> m = new LinkedHashMap<>(Npz.read(p));
        if (replacement == null) {
            m.remove(entry);
        } else {
            m.put(entry, replacement);
        }
        Npz.write(p, m, true);
        IOException e = assertThrows(IOException.class, () -> EcgDatasetFiles.load(p));
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void missingEntry() throws IOException {
        String m = corrupt("labels", null);
        assertTrue(m.contains("missing entry 'labels'"), m);
    }

    @Test
    void wrongShapes() throws IOException {
        String m = corrupt("signals", NpyArray.ofFloats(new float[3 * 12 * 500], 3, 12, 500));
        assertTrue(m.contains("entry 'signals' has shape [3, 12, 500], expected [3, 12, 600]"), m);
        m = corrupt("labels", NpyArray.ofBooleans(new boolean[3 * 8], 3, 8));
        assertTrue(m.contains("entry 'labels' has shape [3, 8], expected [3, 9]"), m);
    }

    @Test
    void formatVersionAndSplitsMustBeIntegers() throws IOException {
        String m = corrupt("format_version", NpyArray.ofDoubles(new double[] {1.0}, 1));
        assertTrue(m.endsWith(": entry 'format_version' is <f8, expected an integer type"), m);
        m = corrupt("splits", NpyArray.ofDoubles(new double[] {0, 1, 2}, 3));
        assertTrue(m.endsWith(": entry 'splits' is <f8, expected an integer type"), m);
        m = corrupt("splits", NpyArray.ofBooleans(new boolean[] {false, true, true}));
        assertTrue(m.endsWith(": entry 'splits' is |b1, expected an integer type"), m);
        Path p = dir.resolve("masks.npz");
        EcgDatasetFiles.save(dataset(true), p);
        Map<String, NpyArray> entries = new LinkedHashMap<>(Npz.read(p));
        entries.put("mask_present", NpyArray.ofFloats(new float[] {0, 1, 1}, 3));
        Npz.write(p, entries, true);
        IOException e = assertThrows(IOException.class, () -> EcgDatasetFiles.load(p));
        assertEquals(p + ": entry 'mask_present' is <f4, expected |b1 or |u1", e.getMessage());
    }

    @Test
    void formatVersionMustHoldOneNumber() throws IOException {
        String m = corrupt("format_version", NpyArray.ofInts(new int[0], 0));
        assertTrue(m.endsWith(": entry 'format_version' has shape [0], expected [1] or a scalar"), m);
        m = corrupt("format_version", NpyArray.ofInts(new int[] {1, 1}, 2));
        assertTrue(m.endsWith(": entry 'format_version' has shape [2], expected [1] or a scalar"), m);
        m = corrupt("format_version", NpyArray.ofLongs(new long[] {3}));
        assertTrue(m.endsWith(": format_version 3 is not supported (expected 1 or 2)"), m);
    }

    @Test
    void scalarInt64FormatVersionAsNumpySavezWritesItIsAccepted() throws IOException {
        // np.savez(f, format_version=1, ...) stores a 0-d int64 array.
        Path p = dir.resolve("s.npz");
        EcgDatasetFiles.save(dataset(false), p);
        Map<String, NpyArray> m = new LinkedHashMap<>(Npz.read(p));
        NpyArray scalar = new NpyArray(NpyDType.INT64, new int[0], NpyArray.ofLongs(new long[] {1}).rawBytes());
        m.put("format_version", scalar);
        Npz.write(p, m, true);
        assertEquals(List.of("a", "b-2", "c"), EcgDatasetFiles.load(p).ids());
    }

    @Test
    void badSplitCodeAndForeignClassesAndNaN() throws IOException {
        String m = corrupt("splits", NpyArray.ofBytes(NpyDType.INT8, new byte[] {0, 5, 1}));
        assertTrue(m.contains("code 5 for record b-2"), m);
        m = corrupt("class_names", NpyArray.ofBytes(NpyDType.UINT8, "A\nB".getBytes()));
        assertTrue(m.contains("class_names [A, B] do not match"), m);
        float[] withNaN = new float[3 * 12 * 600];
        withNaN[600 * 12 + 5] = Float.NaN;
        m = corrupt("signals", NpyArray.ofFloats(withNaN, 3, 12, 600));
        assertTrue(m.contains("invalid dataset") && m.contains("NaN"), m);
    }
}
