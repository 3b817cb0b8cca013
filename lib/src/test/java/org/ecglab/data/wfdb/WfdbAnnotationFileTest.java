package org.ecglab.data.wfdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MIT annotation format against bytes written out by hand, damaged files and an encoder round trip. */
class WfdbAnnotationFileTest {
    @TempDir
    Path dir;

    /**
     * wfdb-python's time-resolution preamble for 500 Hz, then three annotations:
     * '(' (39) at 100 with AUX "QRS onset"; after a SKIP of 2000, 'N' (1) at 2100 with CHN 3, NUM -2, SUB 5;
     * ')' (40) at 2110; the end word. Every word worked out by hand: 39 << 10 | 100 = 0x9C64, 40 << 10 | 10 = 0xA00A.
     */
    static byte[] handWritten() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0, 88, 23, (byte) 252});                   // NOTE at 0, AUX of 23 bytes
        b.writeBytes("## time resolution: 500".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {0});                                       // pad to even
        b.writeBytes(new byte[] {0, (byte) 236, (byte) 255, (byte) 255, (byte) 255, (byte) 255, 1, 0}); // SKIP -1, NOTQRS +1
        b.writeBytes(new byte[] {0x64, (byte) 0x9C, 9, (byte) 252});        // '(' +100, AUX 9 bytes
        b.writeBytes("QRS onset".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {0});
        b.writeBytes(new byte[] {0, (byte) 236, 0, 0, (byte) 0xD0, 0x07});  // SKIP 2000: high word 0, low 0x07D0
        b.writeBytes(new byte[] {0, 4});                                    // 'N' +0
        b.writeBytes(new byte[] {3, (byte) 248, (byte) 0xFE, (byte) 240, 5, (byte) 244}); // CHN 3, NUM -2, SUB 5
        b.writeBytes(new byte[] {0x0A, (byte) 0xA0});                       // ')' +10
        b.writeBytes(new byte[] {0, 0});
        return b.toByteArray();
    }

    @Test
    void decodesHandWrittenBytes() throws Exception {
        Path f = Files.write(dir.resolve("x.atr"), handWritten());
        WfdbAnnotationFile a = WfdbAnnotationFile.read(f);
        assertEquals(500.0, a.samplingFrequency());
        assertEquals(List.of(new WfdbAnnotation(100, 39, 0, 0, 0, "QRS onset"),
                new WfdbAnnotation(2100, 1, 5, 3, -2, ""),
                new WfdbAnnotation(2110, 40, 0, 3, -2, "")), a.annotations(), "CHN and NUM carry over, SUB does not");
        assertEquals(List.of("(", "N", ")"), a.annotations().stream().map(WfdbAnnotation::symbol).toList());
        assertEquals(1, a.withAux("qrs ONSET").size());
        assertEquals("[55]", new WfdbAnnotation(0, 55, 0, 0, 0, "").symbol());
    }

    @Test
    void theTestEncoderWritesWhatWfdbPythonWrites() {
        List<WfdbAnnotation> in = List.of(new WfdbAnnotation(100, 39, 0, 0, 0, "QRS onset"),
                new WfdbAnnotation(2100, 1, 5, 3, -2, ""), new WfdbAnnotation(2110, 40, 0, 3, -2, ""));
        // wfdb-python writes NUM before SUB before CHN; our hand-written file has CHN first, so compare decoded
        byte[] encoded = MitAnnotationWriter.encode(in, 500);
        assertEquals(handWritten().length, encoded.length);
        WfdbAnnotationFile back = assertDoesNotThrowDecode(encoded);
        assertEquals(in, back.annotations());
        assertEquals(500.0, back.samplingFrequency());
    }

    @Test
    void roundTripOfManyAnnotationsWithLongGapsAndOddTexts() throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        List<WfdbAnnotation> in = new ArrayList<>();
        long t = 0;
        int chan = 0;
        int num = 0;
        for (int i = 0; i < 500; i++) {
            t += rnd.nextInt(3) == 0 ? rnd.nextInt(100_000) : rnd.nextInt(1024);
            chan = rnd.nextInt(5) == 0 ? rnd.nextInt(256) : chan;
            num = rnd.nextInt(5) == 0 ? rnd.nextInt(-128, 128) : num;
            String aux = rnd.nextBoolean() ? "" : "note " + "x".repeat(rnd.nextInt(40));
            in.add(new WfdbAnnotation(t, 1 + rnd.nextInt(49), rnd.nextInt(4) == 0 ? rnd.nextInt(-128, 128) : 0, chan,
                    num, aux));
        }
        Path f = Files.write(dir.resolve("r.atr"), MitAnnotationWriter.encode(in, 0));
        WfdbAnnotationFile back = WfdbAnnotationFile.read(f);
        assertEquals(in, back.annotations());
        assertTrue(Double.isNaN(back.samplingFrequency()), "no time resolution written, none read");
    }

    @Test
    void damagedFilesAreRefusedWithTheFileAndTheByte() throws Exception {
        byte[] ok = handWritten();
        assertMalformed(java.util.Arrays.copyOf(ok, ok.length - 2), "without the end-of-file word");
        assertMalformed(new byte[] {3, (byte) 248, 0, 0}, "at byte 0: CHN field word before any annotation");
        assertMalformed(new byte[] {0, (byte) 236, 0, 0}, "at byte 0: SKIP needs 4 more bytes");
        assertMalformed(new byte[] {0, (byte) 236, (byte) 255, (byte) 255, (byte) 251, (byte) 255, 0, 4, 0, 0},
                "at byte 6: annotation at negative time -5");
        assertMalformed(new byte[] {1, 4, 9, (byte) 252, 'a', 'b', 0, 0}, "at byte 2: AUX announces 9 bytes, only 4");
        WfdbException missing = assertThrows(WfdbException.class, () -> WfdbAnnotationFile.read(dir.resolve("no.atr")));
        assertTrue(missing.getMessage().endsWith("no.atr: annotation file does not exist"), missing.getMessage());
    }

    private void assertMalformed(byte[] bytes, String expected) throws Exception {
        Path f = Files.write(dir.resolve("bad.atr"), bytes);
        WfdbException e = assertThrows(WfdbException.class, () -> WfdbAnnotationFile.read(f));
        assertTrue(e.getMessage().startsWith(f + ": malformed annotation file") && e.getMessage().contains(expected),
                e.getMessage());
    }

    private static WfdbAnnotationFile assertDoesNotThrowDecode(byte[] b) {
        try {
            return WfdbAnnotationFile.decode(b, Path.of("mem.atr"));
        } catch (WfdbException e) {
            throw new AssertionError(e);
        }
    }
}
