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

    private static EcgDataset timed(EcgDataset d) {
        boolean[][] truth = new boolean[3][9];
        truth[0][DiagnosticClass.NORM.ordinal()] = true;
        truth[1][DiagnosticClass.LBBB.ordinal()] = true;
        truth[2][DiagnosticClass.AVB1.ordinal()] = true;
        return d.withTrueLabels(truth).withBeatFiducials(new BeatFiducials[] {
            new BeatFiducials(90, 175, 220, 380, 1000), BeatFiducials.NONE,
            new BeatFiducials(BeatFiducials.ABSENT, 170, 230, BeatFiducials.ABSENT, 750.5)});
    }

    @Test
    void trueLabelsRrAndFiducialsRoundTrip() throws IOException {
        EcgDataset d = timed(dataset(true));
        Path p = dir.resolve("t.npz");
        EcgDatasetFiles.save(d, p);
        EcgDataset back = EcgDatasetFiles.load(p);
        assertTrue(back.hasTrueLabels() && back.hasBeatFiducials());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(d.trueLabels(i), back.trueLabels(i));
            assertEquals(d.beatFiducials(i), back.beatFiducials(i));
        }
        assertEquals(1000, back.beatFiducials(0).rrMs());
        assertTrue(Double.isNaN(back.beatFiducials(1).rrMs()));
        assertEquals(750.5, back.beatFiducials(2).rrMs());
        assertEquals(170, back.beatFiducials(2).qrsOnset());
        assertTrue(Double.isNaN(back.beatFiducials(2).prMs()));
        Map<String, NpyArray> raw = Npz.read(p);
        assertArrayEquals(new int[] {3, 4}, raw.get("fiducials").shape());
        assertEquals(NpyDType.INT32, raw.get("fiducials").dtype());
        assertArrayEquals(new long[] {90, 175, 220, 380, -1, -1, -1, -1, -1, 170, 230, -1},
                raw.get("fiducials").toLongs());
        assertEquals(NpyDType.FLOAT64, raw.get("rr_ms").dtype());
        // A subset keeps them aligned with its records.
        EcgDataset sub = back.subset(new int[] {2, 0});
        assertEquals(750.5, sub.beatFiducials(0).rrMs());
        assertEquals(d.beatFiducials(0), sub.beatFiducials(1));
        assertArrayEquals(d.trueLabels(2), sub.trueLabels(0));
    }

    @Test
    void filesWithoutTheOptionalEntriesLoadAsBefore() throws IOException {
        Path p = dir.resolve("plain.npz");
        EcgDatasetFiles.save(dataset(false), p);
        EcgDataset back = EcgDatasetFiles.load(p);
        assertTrue(!back.hasTrueLabels() && !back.hasBeatFiducials());
        assertNull(back.trueLabels(0));
        assertEquals(BeatFiducials.NONE, back.beatFiducials(0));
        assertTrue(!Npz.read(p).containsKey("fiducials") && !Npz.read(p).containsKey("rr_ms"));
    }

    @Test
    void badFiducialsAndRrAreRefusedNamingTheRecord() throws IOException {
        Path p = dir.resolve("bad.npz");
        EcgDatasetFiles.save(timed(dataset(false)), p);
        Map<String, NpyArray> entries = new LinkedHashMap<>(Npz.read(p));
        entries.put("fiducials", NpyArray.ofInts(new int[] {90, 175, 220, 380, -1, -1, -1, -1, 600, 170, 230, -1}, 3, 4));
        Npz.write(p, entries, true);
        IOException e = assertThrows(IOException.class, () -> EcgDatasetFiles.load(p));
        assertTrue(e.getMessage().startsWith(p + ": entries 'fiducials'/'rr_ms' of record c: P onset = 600"),
                e.getMessage());
        entries.put("fiducials", NpyArray.ofInts(new int[] {200, 175, 220, 380, -1, -1, -1, -1, -1, -1, -1, -1}, 3, 4));
        Npz.write(p, entries, true);
        e = assertThrows(IOException.class, () -> EcgDatasetFiles.load(p));
        assertTrue(e.getMessage().contains("record a: QRS onset (175) must come after P onset (200)"), e.getMessage());
        entries.put("fiducials", NpyArray.ofInts(new int[12], 3, 4));
        entries.put("fiducial_names", NpyArray.ofBytes(NpyDType.UINT8, "a\nb\nc\nd".getBytes()));
        Npz.write(p, entries, true);
        e = assertThrows(IOException.class, () -> EcgDatasetFiles.load(p));
        assertTrue(e.getMessage().contains("fiducial_names [a, b, c, d] do not match"), e.getMessage());
        entries = new LinkedHashMap<>(Npz.read(p));
        entries.remove("fiducials");
        entries.put("rr_ms", NpyArray.ofDoubles(new double[] {1000, -5, 800}, 3));
        Npz.write(p, entries, true);
        e = assertThrows(IOException.class, () -> EcgDatasetFiles.load(p));
        assertTrue(e.getMessage().contains("record b-2: RR must be positive or NaN, got -5.0"), e.getMessage());
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
        m = corrupt("format_version", NpyArray.ofLongs(new long[] {4}));
        assertTrue(m.endsWith(": format_version 4 is not supported (expected 1 to 3)"), m);
        m = corrupt("format_version", NpyArray.ofLongs(new long[] {0}));
        assertTrue(m.endsWith(": format_version 0 is not supported (expected 1 to 3)"), m);
    }

    @Test
    void versionThreeIsWrittenAndEarlierVersionsLoadWithoutTrueLabelsOrFiducials() throws IOException {
        Path p = dir.resolve("v.npz");
        EcgDatasetFiles.save(timed(dataset(true)), p);
        Map<String, NpyArray> entries = new LinkedHashMap<>(Npz.read(p));
        assertArrayEquals(new long[] {3}, entries.get("format_version").toLongs());
        assertEquals(3, EcgDatasetFiles.FORMAT_VERSION);
        // Version 2 and 1 files never had these entries: what a version-2 writer made loads with them absent.
        for (String drop : List.of("true_labels", "rr_ms", "fiducials", "fiducial_names")) {
            entries.remove(drop);
        }
        for (long version : new long[] {2, 1}) {
            entries.put("format_version", NpyArray.ofInts(new int[] {(int) version}));
            Npz.write(p, entries, true);
            EcgDataset back = EcgDatasetFiles.load(p);
            assertTrue(!back.hasTrueLabels() && !back.hasBeatFiducials(), "version " + version);
            assertEquals(BeatFiducials.NONE, back.beatFiducials(0));
            assertArrayEquals(dataset(true).labels(1), back.labels(1));
        }
    }

    @Test
    void aStreamedWriteStoresEachRecordsFiducialsAndTheTrueLabels() throws IOException {
        EcgDataset d = timed(dataset(false));
        boolean[][] labels = new boolean[3][];
        boolean[][] truth = new boolean[3][];
        for (int i = 0; i < 3; i++) {
            labels[i] = d.labels(i);
            truth[i] = d.trueLabels(i);
        }
        Path streamed = dir.resolve("streamed.npz");
        Path saved = dir.resolve("saved.npz");
        EcgDatasetFiles.write(streamed, d.name(), d.ids(), labels, new Split[] {Split.TRAIN, Split.TEST,
            Split.VALIDATION}, EcgDatasetFiles.Masks.NONE, new EcgDatasetFiles.Annotations(truth, true),
                i -> new EcgDatasetFiles.Record(d.signal(i), null, i == 1 ? null : d.beatFiducials(i)));
        EcgDatasetFiles.save(d, saved);
        assertArrayEquals(java.nio.file.Files.readAllBytes(saved), java.nio.file.Files.readAllBytes(streamed));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EcgDatasetFiles.write(
                dir.resolve("x.npz"), "x", d.ids(), labels, new Split[] {Split.TRAIN, Split.TEST, Split.TEST},
                EcgDatasetFiles.Masks.NONE, new EcgDatasetFiles.Annotations(new boolean[2][9], false),
                i -> new EcgDatasetFiles.Record(d.signal(i), null)));
        assertEquals("x: 2 true-label rows for 3 records", e.getMessage());
        assertTrue(!java.nio.file.Files.exists(dir.resolve("x.npz")));
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
