package org.ecglab.data.wfdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WfdbRoundTripTest {
    @TempDir
    Path dir;

    private static final List<String> NAMES = List.of("I", "II", "V1");

    @Test
    void format16RoundTripKeepsValuesAndChecksums() throws IOException {
        int[][] x = {{0, -1, 1, Short.MIN_VALUE, Short.MAX_VALUE}, {-500, 250, -32000, 32000, 7},
                {100, 100, 100, 100, 100}};
        Path hea = WfdbWriter.write(dir, "r16", WfdbFormat.F16, 500, 1000, "mV", NAMES, x, List.of("test"));
        WfdbRecord r = WfdbRecord.read(hea);
        assertEquals(3, r.numSignals());
        assertEquals(5, r.numSamples());
        for (int s = 0; s < 3; s++) {
            assertArrayEquals(x[s], r.digital(s));
        }
        assertEquals(NAMES, r.signalNames());
        assertEquals(List.of("test"), r.header().comments());
        // checksum of signal 0: 0 - 1 + 1 - 32768 + 32767 = -1
        assertEquals(-1, r.header().signals().get(0).checksum());
        assertEquals(2 * 3 * 5, Files.size(dir.resolve("r16.dat")));
        // physical = digital / 1000 mV
        assertArrayEquals(new double[] {-0.5, 0.25, -32.0, 32.0, 0.007}, r.millivolts(1), 1e-12);
        assertNoTempFiles();
    }

    @Test
    void format32RoundTripKeepsExtremes() throws IOException {
        int[][] x = {{Integer.MIN_VALUE, Integer.MAX_VALUE, -123456789, 0}, {1, -1, 70000, -70000}};
        Path hea = WfdbWriter.write(dir, "r32", WfdbFormat.F32, 500, 1, "uV", List.of("I", "II"), x, List.of());
        WfdbRecord r = WfdbRecord.read(dir.resolve("r32"));
        assertArrayEquals(x[0], r.digital(0));
        assertArrayEquals(x[1], r.digital(1));
        assertEquals(4 * 2 * 4, Files.size(dir.resolve("r32.dat")));
        // units uV honoured: 70000 uV = 70 mV
        assertEquals(70.0, r.millivolts(1)[2], 1e-12);
        assertEquals(hea, r.headerFile());
    }

    @Test
    void format212RoundTripWithOddCount() throws IOException {
        int[][] x = {{-2048, 2047, -1, 0, 5}, {1, 2, 3, -4, -5}, {1000, -1000, 0, 17, -17}};
        WfdbWriter.write(dir, "r212", WfdbFormat.F212, 250, 200, "mV", NAMES, x, List.of());
        // 15 samples: 7 pairs * 3 bytes + 2 bytes for the last one
        assertEquals(23, Files.size(dir.resolve("r212.dat")));
        WfdbRecord r = WfdbRecord.read(dir.resolve("r212.hea"));
        for (int s = 0; s < 3; s++) {
            assertArrayEquals(x[s], r.digital(s));
        }
    }

    @Test
    void valuesOutsideTheFormatAreRejected() {
        int[][] x = {{40000}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WfdbWriter.write(dir, "big", WfdbFormat.F16, 500, 1, "mV", List.of("I"), x, List.of()));
        assertTrue(e.getMessage().contains("40000"), e.getMessage());
    }

    @Test
    void rewritingARecordReplacesBothFiles() throws IOException {
        int[][] first = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        int[][] second = {{-1, -2}, {-3, -4}, {-5, -6}};
        WfdbWriter.write(dir, "r", WfdbFormat.F16, 500, 1000, "mV", NAMES, first, List.of());
        Path hea = WfdbWriter.write(dir, "r", WfdbFormat.F16, 500, 1000, "mV", NAMES, second, List.of());
        WfdbRecord r = WfdbRecord.read(hea);
        assertArrayEquals(second[2], r.digital(2));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("r.dat", "r.hea"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void whenTheHeaderCannotBeWrittenTheSignalFileIsLeftAlone() throws IOException {
        int[][] x = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        WfdbWriter.write(dir, "r", WfdbFormat.F16, 500, 1000, "mV", NAMES, x, List.of());
        byte[] oldDat = Files.readAllBytes(dir.resolve("r.dat"));
        // A folder where the header goes: the header cannot be written, so neither may the signal file be.
        Files.delete(dir.resolve("r.hea"));
        Files.writeString(Files.createDirectory(dir.resolve("r.hea")).resolve("keep"), "x");
        int[][] other = {{10, 20}, {30, 40}, {50, 60}};
        assertThrows(IOException.class,
                () -> WfdbWriter.write(dir, "r", WfdbFormat.F32, 500, 1000, "mV", NAMES, other, List.of()));
        assertArrayEquals(oldDat, Files.readAllBytes(dir.resolve("r.dat")));
        assertNoTempFiles();
    }

    private void assertNoTempFiles() throws IOException {
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")));
        }
    }
}
