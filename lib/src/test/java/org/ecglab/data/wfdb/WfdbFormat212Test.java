package org.ecglab.data.wfdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format 212 against bytes packed by hand from the specification. */
class WfdbFormat212Test {
    @TempDir
    Path dir;

    /*
     * Samples 1, -1, 2047, -2048, 291 (0x123), five of them (odd):
     *   pair (1, -1):      s0 = 0x001, s1 = 0xFFF -> bytes 0x01, 0xF0 | 0x0 = 0xF0, 0xFF
     *   pair (2047, -2048): s0 = 0x7FF, s1 = 0x800 -> bytes 0xFF, 0x80 | 0x7 = 0x87, 0x00
     *   single 291:        s0 = 0x123             -> bytes 0x23, 0x01
     */
    private static final byte[] PACKED = {0x01, (byte) 0xF0, (byte) 0xFF, (byte) 0xFF, (byte) 0x87, 0x00, 0x23, 0x01};
    private static final int[] VALUES = {1, -1, 2047, -2048, 291};

    @Test
    void decodesHandPackedBytes() {
        assertArrayEquals(VALUES, WfdbFormat.F212.decode(PACKED, 0, 5));
    }

    @Test
    void encodesToTheSameBytes() {
        assertArrayEquals(PACKED, WfdbFormat.F212.encode(VALUES));
    }

    @Test
    void readsAHandWrittenSingleSignalRecordWithChecksum() throws IOException {
        Files.write(dir.resolve("p.dat"), PACKED);
        int sum = 1 - 1 + 2047 - 2048 + 291; // 290
        Files.writeString(dir.resolve("p.hea"), "p 1 360 5\np.dat 212 200(0)/mV 12 0 1 " + sum + " 0 ECG\n",
                StandardCharsets.US_ASCII);
        WfdbRecord r = WfdbRecord.read(dir.resolve("p"));
        assertArrayEquals(VALUES, r.digital(0));
        assertEquals(360.0, r.header().samplingFrequency());
        assertArrayEquals(new double[] {0.005, -0.005, 10.235, -10.24, 1.455}, r.physical(0), 1e-12);
    }

    @Test
    void twoSignalsInterleaveThroughThePairs() throws IOException {
        // signal A = (1, 2047, 291), signal B = (-1, -2048, x) with 6 samples -> 3 full pairs; frame t holds A[t], B[t]
        int[] a = {1, 2047, 291};
        int[] b = {-1, -2048, -5};
        byte[] bytes = WfdbFormat.F212.encode(new int[] {1, -1, 2047, -2048, 291, -5});
        assertArrayEquals(new byte[] {0x01, (byte) 0xF0, (byte) 0xFF, (byte) 0xFF, (byte) 0x87, 0x00, 0x23,
                (byte) 0xF1, (byte) 0xFB}, bytes);
        Files.write(dir.resolve("ab.dat"), bytes);
        Files.writeString(dir.resolve("ab.hea"), "ab 2 250 3\nab.dat 212 200 12 0 1 2339 0 A\n"
                + "ab.dat 212 200 12 0 -1 -2054 0 B\n");
        WfdbRecord r = WfdbRecord.read(dir.resolve("ab.hea"));
        assertArrayEquals(a, r.digital(0));
        assertArrayEquals(b, r.digital(1));
    }
}
