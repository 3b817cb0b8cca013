package org.ecglab.data.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy files against bytes written out by hand from the format description (and NumPy 1.24's padding). */
class NpyBytesTest {
    @TempDir
    Path dir;

    /** Magic, version 1.0, header length 118 (0x76) so that 10 + 118 = 128 is a multiple of 64. */
    private static byte[] prefix() {
        return new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0x76, 0x00};
    }

    private static byte[] file(String dict, int headerLen, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix());
        out.writeBytes(dict.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(" ".repeat(headerLen - 1 - dict.length()).getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
        out.writeBytes(data);
        return out.toByteArray();
    }

    // float32 (2, 3): 1, -2.5, 0 / 0.5, 3, -1 as IEEE-754 little-endian
    private static final byte[] F4_DATA = {0, 0, (byte) 0x80, 0x3F, 0, 0, 0x20, (byte) 0xC0, 0, 0, 0, 0,
            0, 0, 0, 0x3F, 0, 0, 0x40, 0x40, 0, 0, (byte) 0x80, (byte) 0xBF};
    private static final byte[] F4_FILE =
            file("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", 118, F4_DATA);

    @Test
    void readsHandWrittenFloat32Matrix() throws IOException {
        assertEquals(128 + 24, F4_FILE.length);
        NpyArray a = Npy.read(new ByteArrayInputStream(F4_FILE), "hand");
        assertEquals(NpyDType.FLOAT32, a.dtype());
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new float[] {1f, -2.5f, 0f, 0.5f, 3f, -1f}, a.toFloats());
    }

    @Test
    void writesIdenticalBytes() throws IOException {
        NpyArray a = NpyArray.ofFloats(new float[] {1f, -2.5f, 0f, 0.5f, 3f, -1f}, 2, 3);
        assertArrayEquals(F4_FILE, Npy.toBytes(a));
        Path p = dir.resolve("a.npy");
        Npy.write(p, a);
        assertArrayEquals(F4_FILE, Files.readAllBytes(p));
        assertEquals(a, Npy.read(p));
    }

    @Test
    void int64VectorMatchesNumpyBytes() throws IOException {
        // as written by numpy 1.24: np.save(f, np.array([1, -2, 2**40], dtype='<i8'))
        byte[] data = {1, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFE, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 1, 0, 0};
        byte[] expected = file("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", 118, data);
        NpyArray a = NpyArray.ofLongs(new long[] {1, -2, 1L << 40});
        assertArrayEquals(expected, Npy.toBytes(a));
        assertArrayEquals(new long[] {1, -2, 1L << 40}, Npy.read(new ByteArrayInputStream(expected), "x").toLongs());
    }

    @Test
    void zeroDimensionalBoolAndEmptyVector() throws IOException {
        byte[] scalar = file("{'descr': '|b1', 'fortran_order': False, 'shape': (), }", 118, new byte[] {1});
        NpyArray s = Npy.read(new ByteArrayInputStream(scalar), "scalar");
        assertEquals(0, s.shape().length);
        assertArrayEquals(new boolean[] {true}, s.toBooleans());
        // factories treat an empty shape as 1-D; a 0-d array comes from the constructor
        assertArrayEquals(scalar, Npy.toBytes(new NpyArray(NpyDType.BOOL, new int[0], new byte[] {1})));
        byte[] empty = file("{'descr': '|u1', 'fortran_order': False, 'shape': (0,), }", 118, new byte[0]);
        assertArrayEquals(empty, Npy.toBytes(NpyArray.ofBytes(NpyDType.UINT8, new byte[0])));
    }

    @Test
    void readsVersion2HeaderAndOtherDtypes() throws IOException {
        // version 2.0: 4-byte header length; 12 + 52 = 64
        String dict = "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 116, 0, 0, 0});
        out.writeBytes((dict + " ".repeat(116 - 1 - dict.length()) + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {-1, -1, -1, -1, 7, 0, 0, 0});
        NpyArray a = Npy.read(new ByteArrayInputStream(out.toByteArray()), "v2");
        assertArrayEquals(new long[] {-1, 7}, a.toLongs());
        assertArrayEquals(new double[] {-1, 7}, a.toDoubles());
    }

    @Test
    void rankFourRoundTrip() throws IOException {
        double[] v = new double[2 * 1 * 3 * 2];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.25 - 1;
        }
        NpyArray a = NpyArray.ofDoubles(v, 2, 1, 3, 2);
        NpyArray b = Npy.read(new ByteArrayInputStream(Npy.toBytes(a)), "r4");
        assertArrayEquals(new int[] {2, 1, 3, 2}, b.shape());
        assertArrayEquals(v, b.toDoubles());
        assertEquals(0, (Npy.toBytes(a).length - v.length * 8) % 64, "data start 64-byte aligned");
    }

    @Test
    void concatenateJoinsAlongTheFirstAxis() {
        NpyArray a = NpyArray.ofLongs(new long[] {1, 2, 3, 4}, 2, 2);
        NpyArray b = NpyArray.ofLongs(new long[] {5, 6}, 1, 2);
        NpyArray ab = NpyArray.concatenate(java.util.List.of(a, b));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {3, 2}, ab.shape());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6}, ab.toLongs());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> NpyArray.concatenate(java.util.List.of(a, NpyArray.ofLongs(new long[] {1, 2, 3}, 1, 3))));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> NpyArray.concatenate(java.util.List.of(a, NpyArray.ofFloats(new float[] {1, 2}, 1, 2))));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> NpyArray.concatenate(java.util.List.of()));
    }

    @Test
    void fortranOrderIsRejected() {
        byte[] f = file("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", 118, F4_DATA);
        IOException e = assertThrows(IOException.class, () -> Npy.read(new ByteArrayInputStream(f), "f.npy"));
        assertTrue(e.getMessage().startsWith("f.npy: Fortran-order arrays are not supported"), e.getMessage());
    }

    @Test
    void bigEndianTruncatedAndBadMagicAreRejected() {
        byte[] be = file("{'descr': '>f4', 'fortran_order': False, 'shape': (2, 3), }", 118, F4_DATA);
        assertMessage(be, "big-endian dtype '>f4' is not supported");
        byte[] cut = java.util.Arrays.copyOf(F4_FILE, F4_FILE.length - 5);
        assertMessage(cut, "truncated data: shape [2, 3] of <f4 needs 24 bytes, found 19");
        byte[] junk = "PK\3\4 not numpy".getBytes(StandardCharsets.US_ASCII);
        assertMessage(junk, "not a .npy file");
        byte[] c8 = file("{'descr': '<c8', 'fortran_order': False, 'shape': (2, 3), }", 118, new byte[48]);
        assertMessage(c8, "unsupported dtype '<c8'");
    }

    @Test
    void negativeDimensionIsRejectedNamingTheSource() {
        byte[] f = file("{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 600), }", 118, new byte[0]);
        assertMessage(f, "negative dimension -1 in shape (-1, 600)");
    }

    @Test
    void elementCountThatOverflowsIsRejected() {
        // 65536^4 = 2^64 wraps to 0 in a long: unchecked, this read as an empty array of a huge shape.
        byte[] f = file("{'descr': '|u1', 'fortran_order': False, 'shape': (65536, 65536, 65536, 65536), }", 118,
                new byte[0]);
        assertMessage(f, "shape [65536, 65536, 65536, 65536] of |u1 has too many elements");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NpyArray(NpyDType.UINT8, new int[] {65536, 65536, 65536, 65536}, new byte[0]));
        assertEquals("shape [65536, 65536, 65536, 65536] of |u1 has too many elements", e.getMessage());
    }

    @Test
    void hugeHeaderLengthIsRejectedNamingTheSource() {
        // Version 2.0 with header length 0xFFFFFFFF, which an int cast turns into -1.
        byte[] v2 = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, -1, -1, -1, -1, '{', '}'};
        assertMessage(v2, "header length 4294967295 exceeds the 1048576 bytes this reader accepts");
        byte[] big = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 1, 0, 16, 0, '{', '}'};
        assertMessage(big, "header length 1048577 exceeds");
    }

    private static void assertMessage(byte[] bytes, String part) {
        IOException e = assertThrows(IOException.class, () -> Npy.read(new ByteArrayInputStream(bytes), "src"));
        assertTrue(e.getMessage().startsWith("src: ") && e.getMessage().contains(part), e.getMessage());
    }
}
