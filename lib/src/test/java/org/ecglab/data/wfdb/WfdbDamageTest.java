package org.ecglab.data.wfdb;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records written correctly, then damaged: each damage must give its own specific message naming the file. */
class WfdbDamageTest {
    @TempDir
    Path dir;
    Path hea;
    Path dat;

    @BeforeEach
    void writeGoodRecord() throws IOException {
        int[][] x = {{10, 20, 30, 40}, {-5, -6, -7, -8}};
        hea = WfdbWriter.write(dir, "rec", WfdbFormat.F16, 500, 1000, "mV", List.of("I", "II"), x, List.of());
        dat = dir.resolve("rec.dat");
    }

    private String failure(Path file) {
        WfdbException e = assertThrows(WfdbException.class, () -> WfdbRecord.read(hea));
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String message, String part) {
        assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
    }

    @Test
    void truncatedData() throws IOException {
        byte[] b = Files.readAllBytes(dat);
        Files.write(dat, Arrays.copyOf(b, b.length - 3));
        String m = failure(dat);
        assertContains(m, "truncated");
        assertContains(m, "need 16 bytes");
        assertContains(m, "only 13");
    }

    @Test
    void flippedByteBreaksTheChecksum() throws IOException {
        byte[] b = Files.readAllBytes(dat);
        b[4] ^= 0x01; // low byte of signal I, sample 1 (frame 1 starts at byte 2 * 2 = 4): 20 -> 21
        Files.write(dat, b);
        String m = failure(dat);
        assertContains(m, "checksum mismatch for signal 0 (I)");
        assertContains(m, "header says 100");
        assertContains(m, "sum to 101");
    }

    @Test
    void wrongInitialValue() throws IOException {
        Files.writeString(hea, Files.readString(hea).replace(" 16 0 -5 ", " 16 0 -4 "));
        String m = failure(dat);
        assertContains(m, "initial value mismatch for signal 1 (II)");
        assertContains(m, "header says -4, first sample is -5");
    }

    @Test
    void missingSignalFile() throws IOException {
        Files.delete(dat);
        assertContains(failure(dat), "signal file does not exist");
    }

    @Test
    void missingHeaderFile() throws IOException {
        Files.delete(hea);
        assertContains(failure(hea), "header file does not exist");
    }

    @Test
    void garbageHeaderNamesTheLine() throws IOException {
        Files.writeString(hea, "# a comment\nrec 2 500 4\nrec.dat 16 1000(0)/mV 16 0 10 100 0 I\n"
                + "rec.dat sixteen 1000 16 0 -5 -26 0 II\n");
        String m = failure(hea);
        assertContains(m, "malformed header line 4");
        assertContains(m, "bad format field 'sixteen'");
    }

    @Test
    void nonNumericSignalCount() throws IOException {
        Files.writeString(hea, "rec two 500 4\n");
        assertContains(failure(hea), "malformed header line 1: number of signals 'two' is not an integer");
    }

    @Test
    void unsupportedFormat() throws IOException {
        Files.writeString(hea, Files.readString(hea).replace(" 16 1000", " 80 1000"));
        String m = failure(hea);
        assertContains(m, "unsupported WFDB format 80");
    }

    @Test
    void wrongNumberOfSignalLines() throws IOException {
        Files.writeString(hea, Files.readString(hea).replaceFirst("rec 2 ", "rec 3 "));
        assertContains(failure(hea), "wrong number of signals: record line (line 1) announces 3 but 2 signal lines");
    }

    @Test
    void signalsInSeparateFiles() throws IOException {
        // a multi-file record: I in a.dat (format 16), II in b.dat (format 32)
        Files.write(dir.resolve("a.dat"), WfdbFormat.F16.encode(new int[] {10, 20, 30}));
        Files.write(dir.resolve("b.dat"), WfdbFormat.F32.encode(new int[] {-70000, 5, 6}));
        Files.writeString(hea, "rec 2 500 3\na.dat 16 1000/mV 16 0 10 60 0 I\n"
                + "b.dat 32 1000/uV 32 0 -70000 " + (short) (-70000 + 11) + " 0 II\n");
        WfdbRecord r = WfdbRecord.read(hea);
        assertTrue(Arrays.equals(new int[] {10, 20, 30}, r.digital(0)));
        assertTrue(Arrays.equals(new int[] {-70000, 5, 6}, r.digital(1)));
        assertTrue(Math.abs(r.millivolts(1)[0] + 0.07) < 1e-12, "uV divided by 1000: " + r.millivolts(1)[0]);
    }

    @Test
    void pathPrefixedRecordNameIsStripped() throws IOException {
        Files.writeString(hea, Files.readString(hea).replaceFirst("rec 2 ", "median_beats/12sl/00000/rec 2 "));
        WfdbRecord r = WfdbRecord.read(hea);
        assertTrue(r.header().recordName().equals("rec"), r.header().recordName());
    }
}
