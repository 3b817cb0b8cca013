package org.ecglab.data.ptbxl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecglab.data.BeatFiducials;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;
import org.ecglab.data.TestFiles;
import org.ecglab.data.ptbxl.PtbXlPlusMedianBeats.Source;
import org.ecglab.data.wfdb.WfdbFormat;
import org.ecglab.data.wfdb.WfdbRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed PTB-XL+ fixture ({@code data/fixtures/ptbxl-plus}, written by {@link PtbXlPlusFixtureBuilder}) has the
 * headers, names and file sizes the 1.0.1 release is described to have, is read by our WFDB reader, and loads with the
 * units and fiducial points the builder designed ({@code expected_fiducials.csv}).
 */
class PtbXlPlusFixtureTest {
    static final Path FIXTURE = TestFiles.findUp("data/fixtures/ptbxl-plus")
            .orElseThrow(() -> new IllegalStateException("data/fixtures/ptbxl-plus not found"));
    static final Path PLUS = FIXTURE.resolve("ptb-xl-plus");
    static final Path PTBXL = FIXTURE.resolve("ptb-xl");

    @Test
    void twelveSlFilesLookAsDescribed() throws IOException {
        Path hea = Source.TWELVE_SL.headerOf(PLUS, 1);
        assertTrue(hea.endsWith("median_beats/12sl/00000/00001_medians.hea"), hea.toString());
        assertEquals(28_800, Files.size(hea.resolveSibling("00001_medians.dat")), "600 x 12 x 4 bytes");
        assertEquals(28_800, WfdbFormat.F32.bytesFor(600 * 12));
        List<String> lines = Files.readAllLines(hea);
        assertEquals("ge_median_beats_wfdb/00001_medians 12 500 600", lines.get(0));
        List<String> leads = Lead.STANDARD_ORDER.stream().map(Lead::label).toList();
        for (int s = 0; s < 12; s++) {
            assertTrue(lines.get(s + 1).matches("ge_median_beats_wfdb/00001_medians\\.dat 32 \\d+\\.\\d{4}\\(-?\\d+\\)/mV"
                    + " 32 0 -?\\d+ -?\\d+ 0 " + leads.get(s)), lines.get(s + 1));
        }
        WfdbRecord r = WfdbRecord.read(hea);
        assertEquals("00001_medians", r.header().recordName());
        assertEquals(600, r.numSamples());
    }

    @Test
    void unigFilesLookAsDescribedAndFormat212IsTheOnlyFitFor10800Bytes() throws IOException {
        Path hea = Source.UNIG.headerOf(PLUS, 2);
        assertTrue(hea.endsWith("median_beats/unig/00000/000002_medians.hea"), hea.toString());
        assertEquals(10_800, Files.size(hea.resolveSibling("000002_medians.dat")));
        // 10,800 bytes for 12 x 600 = 7,200 samples is 1.5 bytes per sample: two 12-bit samples in 3 bytes (212)
        assertEquals(10_800, WfdbFormat.F212.bytesFor(7_200));
        assertEquals(14_400, WfdbFormat.F16.bytesFor(7_200));
        List<String> lines = Files.readAllLines(hea);
        assertEquals("000002_medians 12 500 600", lines.get(0));
        for (String line : lines.subList(1, 13)) {
            assertTrue(line.matches("000002_medians\\.dat 212 \\d+\\.\\d{4}\\(-?\\d+\\)/mV 12 0 -?\\d+ -?\\d+ 0 \\S+"),
                    line);
        }
        assertEquals(12, WfdbRecord.read(hea).numSignals());
    }

    @Test
    void bothSourcesLoadInMillivoltsWithTheDesignedFiducials() throws IOException {
        PtbXlDatabase db = PtbXlDatabase.load(PTBXL.resolve("ptbxl_database.csv"));
        PtbXlPlusMedianBeats.Result twelve = PtbXlPlusMedianBeats.from(PLUS, db).fiducials(PTBXL).load();
        PtbXlPlusMedianBeats.Result unig = PtbXlPlusMedianBeats.from(PLUS, db).source(Source.UNIG).fiducials(PTBXL)
                .load();
        assertEquals(List.of("1", "3"), twelve.dataset().ids());
        assertEquals(List.of(2), twelve.report().missingOnDisk());
        assertEquals(List.of("1", "2"), unig.dataset().ids());
        assertEquals(List.of(3), unig.report().missingOnDisk());

        for (PtbXlPlusMedianBeats.Result r : List.of(twelve, unig)) {
            UnitCheckSummary u = r.report().units();
            assertEquals(2, u.checked());
            assertEquals(Map.of(), u.rescaled());
            assertEquals("mV", u.headerUnits());
            assertTrue(u.minPeakToPeakMv() > 0.5 && u.maxPeakToPeakMv() < 5, u.toString());
        }
        // The same beat through the two unit paths (12SL: header mV; Uni-G: µV whatever the header says), moved by
        // 12 and by -9 samples: equal in mV up to Uni-G's 12-bit quantisation.
        float[][] a = twelve.dataset().signal(0);
        float[][] b = unig.dataset().signal(0);
        int lag = PtbXlPlusFixtureBuilder.SHIFT_12SL - PtbXlPlusFixtureBuilder.SHIFT_UNIG;
        for (int l = 0; l < 12; l++) {
            for (int t = 30; t < EcgFormat.SAMPLES - 30; t++) {
                assertEquals(a[l][t], b[l][t - lag], 2e-3, "lead " + l + " sample " + t);
            }
        }

        Map<String, BeatFiducials> expected = expectedFiducials();
        assertEquals(expected.get("12sl,1"), twelve.fiducials().get(0));
        assertEquals(expected.get("12sl,3"), twelve.fiducials().get(1));
        assertEquals(expected.get("unig,1"), unig.fiducials().get(0));
        assertEquals(expected.get("unig,2"), unig.fiducials().get(1));
        assertTrue(twelve.fiducials().get(0).complete(), twelve.fiducials().toString());
        // The dataset carries the same points, so a saved file keeps them (and marks the absent ones).
        for (int i = 0; i < twelve.dataset().size(); i++) {
            assertEquals(twelve.fiducials().get(i), twelve.dataset().beatFiducials(i));
        }
        assertEquals(BeatFiducials.NONE.pOnset(), twelve.dataset().beatFiducials(1).pOnset());
        assertEquals(Map.of("no ECGdeli points file", List.of(3)), twelve.report().fiducials().absent());
        assertEquals(1, unig.report().fiducials().placed());
        assertEquals(List.of(2), unig.report().fiducials().absent().values().iterator().next());
        assertTrue(unig.report().toString().contains("absent, no raw 500 Hz record in the PTB-XL folder"),
                unig.report().toString());
    }

    @Test
    void theBuilderWritesTheSameBytesTwice(@TempDir Path a, @TempDir Path b) throws IOException {
        PtbXlPlusFixtureBuilder.write(a);
        PtbXlPlusFixtureBuilder.write(b);
        List<Path> files;
        try (Stream<Path> s = Files.walk(a)) {
            files = s.filter(Files::isRegularFile).map(a::relativize).sorted().toList();
        }
        assertEquals(14, files.size(), files.toString());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
        }
    }

    /** expected_fiducials.csv as "source,id" to the points the builder designed. */
    static Map<String, BeatFiducials> expectedFiducials() throws IOException {
        Map<String, BeatFiducials> m = new java.util.HashMap<>();
        for (String line : Files.readAllLines(FIXTURE.resolve("expected_fiducials.csv")).subList(1, 5)) {
            String[] f = line.split(",");
            m.put(f[0] + "," + f[1], new BeatFiducials(Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]), Integer.parseInt(f[5]), Double.parseDouble(f[6])));
        }
        return m;
    }
}
