package org.ecglab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.data.npy.NpyDType;
import org.ecglab.data.npy.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, items 7 and 10 for dataset files: more than 74,565 records (2 GiB of signals, where one Java array ends)
 * save and load; loading maps the signals instead of reading them into the heap and still checks every value and the
 * archive's checksum; masks that hold only 0 and 1 are stored as bool; labels must be 0 or 1; splits of any integer
 * type are read.
 */
class DatasetFileScaleTest {
    @TempDir
    Path dir;

    private static float[][] ecg(int i) {
        float[][] s = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        s[i % EcgFormat.LEADS][i % EcgFormat.SAMPLES] = i * 1e-3f;
        return s;
    }

    @Test
    void moreRecordsThanOneJavaArrayHoldsSaveAndLoadMapped() throws IOException {
        // 74,566 records x 28,800 bytes = 2,147,500,800 bytes of signals: one more than a byte[] could hold.
        int n = 74_566;
        List<String> ids = new ArrayList<>(n);
        boolean[][] labels = new boolean[n][DiagnosticClass.ALL.size()];
        Split[] splits = new Split[n];
        for (int i = 0; i < n; i++) {
            ids.add("r" + i);
            labels[i][i % 9] = true;
            splits[i] = Split.values()[i % 3];
        }
        Path p = dir.resolve("big.npz");
        EcgDatasetFiles.write(p, "big", ids, labels, splits, EcgDatasetFiles.Masks.NONE,
                i -> new EcgDatasetFiles.Record(ecg(i), null));
        assertTrue(Files.size(p) > (long) n * 28_800);
        EcgDataset d = EcgDatasetFiles.load(p);
        assertTrue(d.isMemoryMapped());
        assertEquals(n, d.size());
        for (int i : new int[] {0, 74_564, 74_565}) {
            assertEquals(i * 1e-3f, d.signal(i)[i % 12][i % 600], "record " + i);
            assertEquals("r" + i, d.ids().get(i));
            assertTrue(d.hasLabel(i, DiagnosticClass.ALL.get(i % 9)));
        }
        EcgDataset last = d.subset(new int[] {n - 1});
        assertEquals((n - 1) * 1e-3f, last.signal(0)[(n - 1) % 12][(n - 1) % 600]);
        Files.delete(p);
    }

    private static EcgDataset small(float[][][] masks) {
        int n = 3;
        boolean[][] labels = new boolean[n][9];
        for (int i = 0; i < n; i++) {
            labels[i][i] = true;
        }
        float[][][] s = {ecg(1), ecg(2), ecg(3)};
        return new EcgDataset("small", List.of("a", "b", "c"), s, labels,
                new Split[] {Split.TRAIN, Split.VALIDATION, Split.TEST}, masks);
    }

    @Test
    void binaryMasksAreStoredAsBoolOtherValuesAsFloat() throws IOException {
        float[][] m = new float[12][600];
        m[2][5] = 1f;
        Path p = dir.resolve("m.npz");
        EcgDatasetFiles.save(small(new float[][][] {m, null, new float[12][600]}), p);
        assertEquals(NpyDType.BOOL, Npz.read(p).get("masks").dtype());
        EcgDataset back = EcgDatasetFiles.load(p);
        assertEquals(1f, back.mask(0)[2][5]);
        assertNull(back.mask(1));
        float[][] soft = new float[12][600];
        soft[2][5] = 0.25f;
        EcgDatasetFiles.save(small(new float[][][] {soft, null, null}), p);
        assertEquals(NpyDType.FLOAT32, Npz.read(p).get("masks").dtype());
        assertEquals(0.25f, EcgDatasetFiles.load(p).mask(0)[2][5]);
    }

    @Test
    void aDamagedSignalByteIsFoundByTheChecksum() throws IOException {
        Path p = dir.resolve("d.npz");
        EcgDatasetFiles.save(small(null), p);
        byte[] bytes = Files.readAllBytes(p);
        // A value inside the signals: flip the lowest bit of a float, which stays finite and plausible.
        int at = indexOf(bytes, "signals.npy".getBytes()) + 200;
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.seek(at);
            f.write(bytes[at] ^ 1);
        }
        IOException e = assertThrows(IOException.class, () -> EcgDatasetFiles.load(p));
        assertTrue(e.getMessage().contains("signals.npy: CRC-32 mismatch"), e.getMessage());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private Path replaced(String entry, NpyArray value) throws IOException {
        Path p = dir.resolve(entry + ".npz");
        EcgDatasetFiles.save(small(null), p);
        Map<String, NpyArray> m = new LinkedHashMap<>(Npz.read(p));
        m.put(entry, value);
        Npz.write(p, m, false);
        return p;
    }

    @Test
    void labelsOtherThanZeroOrOneAreRefused() throws IOException {
        byte[] raw = new byte[27];
        raw[0] = 1;
        raw[10] = 2;
        Path p = replaced("labels", new NpyArray(NpyDType.UINT8, new int[] {3, 9}, raw));
        IOException e = assertThrows(IOException.class, () -> EcgDatasetFiles.load(p));
        assertEquals(p + ": entry 'labels' holds 2 at flat index 10; expected 0 (false) or 1 (true)", e.getMessage());
    }

    @Test
    void splitsOfEveryIntegerTypeAreRead() throws IOException {
        for (NpyDType t : new NpyDType[] {NpyDType.INT16, NpyDType.UINT16, NpyDType.UINT32, NpyDType.UINT64}) {
            byte[] raw = new byte[3 * t.size()];
            raw[t.size()] = 1;
            raw[2 * t.size()] = 2;
            Path p = replaced("splits", new NpyArray(t, new int[] {3}, raw));
            EcgDataset d = EcgDatasetFiles.load(p);
            assertEquals(List.of(Split.TRAIN, Split.VALIDATION, Split.TEST),
                    List.of(d.split(0), d.split(1), d.split(2)), t.descr());
        }
        Path p = replaced("splits", NpyArray.ofDoubles(new double[] {0, 1, 2}));
        IOException e = assertThrows(IOException.class, () -> EcgDatasetFiles.load(p));
        assertTrue(e.getMessage().endsWith("entry 'splits' is <f8, expected an integer type"), e.getMessage());
    }

    @Test
    void theSameDatasetAlwaysGivesTheSameBytes() throws IOException {
        Path a = dir.resolve("a.npz");
        Path b = dir.resolve("b.npz");
        EcgDatasetFiles.save(small(null), a);
        EcgDatasetFiles.save(small(null), b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        Map<String, NpyArray> arrays = Npz.read(a);
        Npz.write(a, arrays, true);
        Npz.write(b, arrays, true);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void aDatasetGeneratedBeatByBeatIntoAFileIsTheDatasetSaved() throws IOException {
        org.ecglab.data.synthetic.SyntheticEcgGenerator g = new org.ecglab.data.synthetic.SyntheticEcgGenerator(
                org.ecglab.data.synthetic.SyntheticConfig.defaults());
        Path streamed = dir.resolve("streamed.npz");
        Path saved = dir.resolve("saved.npz");
        g.writeDataset(6, 11L, streamed);
        EcgDatasetFiles.save(g.dataset(6, 11L), saved);
        assertArrayEquals(Files.readAllBytes(saved), Files.readAllBytes(streamed));
        assertEquals(DatasetHash.of(g.dataset(6, 11L)), DatasetHash.of(EcgDatasetFiles.load(streamed)));
    }
}
