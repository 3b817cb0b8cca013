package org.ecglab.data.ptbxl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Lead;
import org.ecglab.data.Split;
import org.ecglab.data.ptbxl.PtbXlPlusMedianBeats.Source;
import org.ecglab.data.wfdb.WfdbFormat;
import org.ecglab.data.wfdb.WfdbWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PTB-XL+-shaped folder written with our WFDB writer in the published layout. */
class PtbXlPlusMedianBeatsTest {
    @TempDir
    Path root;
    PtbXlDatabase db;

    /** Digital value (µV) of lead {@code l} at sample {@code t} of record {@code id}: distinct per lead and record. */
    static int microvolts(int id, int l, int t) {
        return id * 100 + l * 1000 - 3 * t;
    }

    /**
     * Leads written in reverse order, so the loader must reorder them by name. The digital values are
     * {@link #microvolts}; {@code gainPerMv} 1000 makes the header's mV true, 1 makes the values µV under "mV".
     * A non-null {@code prefix} is put before the record name and every signal file name, as 12SL headers have it.
     */
    static void writeBeat(Path hea, int id, double fs, int n, double gainPerMv, String prefix) throws IOException {
        List<String> names = new ArrayList<>();
        int[][] digital = new int[12][n];
        for (int k = 0; k < 12; k++) {
            Lead lead = Lead.values()[11 - k];
            names.add(lead.name()); // "AVR" etc., as PTB-XL headers spell them
            for (int t = 0; t < n; t++) {
                digital[k][t] = microvolts(id, lead.index(), t);
            }
        }
        String name = hea.getFileName().toString().replace(".hea", "");
        WfdbWriter.write(hea.getParent(), name, WfdbFormat.F32, fs, gainPerMv, "mV", names, digital, List.of());
        if (prefix != null) {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(hea)) {
                lines.add(line.startsWith(name) ? prefix + line : line);
            }
            Files.write(hea, lines);
        }
    }

    @BeforeEach
    void layout() throws IOException {
        db = PtbXlDatabase.load(PtbXlTestFiles.writeCsv(root, List.of(
                PtbXlTestFiles.row(1, "{'NORM': 100.0, 'SR': 0.0}", 3),
                PtbXlTestFiles.row(2, "{'CLBBB': 100.0, 'LVOLT': 0.0}", 9),
                PtbXlTestFiles.row(3, "{'NORM': 80.0}", 1),
                PtbXlTestFiles.row(1001, "{'IMI': 35.0, 'LNGQT': 0.0, 'ABQRS': 0.0, 'SR': 0.0}", 10))));
        for (int id : new int[] {1, 2, 1001}) {
            Path hea = Source.TWELVE_SL.headerOf(root, id);
            Files.createDirectories(hea.getParent());
            // 12SL: header units taken as true (here they are), producer prefix on record and signal lines
            writeBeat(hea, id, 500, 600, 1000, "ge_median_beats_wfdb/");
        }
        Path unig = Source.UNIG.headerOf(root, 1);
        Files.createDirectories(unig.getParent());
        // Uni-G: µV under a header that says mV, at 250 Hz: resampled to 500 Hz
        writeBeat(unig, 1, 250, 300, 1, null);
    }

    @Test
    void loadsLabelsSplitsAndMillivolts() throws IOException {
        PtbXlPlusMedianBeats.Result r = PtbXlPlusMedianBeats.from(root, db).load();
        EcgDataset d = r.dataset();
        assertEquals(List.of("1", "2", "1001"), d.ids());
        assertEquals(List.of(Split.TRAIN, Split.VALIDATION, Split.TEST), List.of(d.split(0), d.split(1), d.split(2)));
        assertTrue(d.hasLabel(0, DiagnosticClass.NORM));
        assertTrue(d.hasLabel(1, DiagnosticClass.LBBB));
        assertTrue(d.hasLabel(2, DiagnosticClass.LQT));
        assertFalse(d.hasLabel(2, DiagnosticClass.IMI), "IMI at likelihood 35 is below the default 50");
        // µV -> mV, leads in standard order: record 2, lead V1 (index 6), sample 10 = 200 + 6000 - 30 µV
        assertEquals(6.170f, d.signal(1)[Lead.V1.index()][10], 1e-6f);
        assertEquals(0.1f, d.signal(0)[Lead.I.index()][0], 1e-6f);
        assertFalse(d.hasMasks());

        PtbXlLoadReport rep = r.report();
        assertEquals(4, rep.recordsInTable());
        assertEquals(3, rep.loaded());
        assertEquals(List.of(3), rep.missingOnDisk());
        assertEquals(Map.of("SR", 2, "LVOLT", 1, "ABQRS", 1), rep.unmapped());
        assertEquals(List.of("SR", "ABQRS", "LVOLT"), List.copyOf(rep.unmapped().keySet()), "most frequent first");
        assertEquals(Map.of("IMI", 1), rep.belowThreshold());
        assertEquals(1, rep.counts().get(Split.TRAIN).get(DiagnosticClass.NORM));
        assertEquals(1, rep.counts().get(Split.VALIDATION).get(DiagnosticClass.LBBB));
        assertEquals(0, rep.total(DiagnosticClass.IMI));
        assertEquals(Map.of(Split.TRAIN, 1, Split.VALIDATION, 1, Split.TEST, 1), rep.splitSizes());
        String text = rep.toString();
        assertTrue(text.contains("4 in table, 3 loaded, 1 missing on disk"), text);
        assertTrue(text.contains("missing on disk (ecg_id): [3]"), text);
    }

    @Test
    void unigSixDigitNamesAndResampling() throws IOException {
        PtbXlPlusMedianBeats.Result r = PtbXlPlusMedianBeats.from(root, db).source(Source.UNIG).limit(2).load();
        assertTrue(Source.UNIG.headerOf(root, 1).toString().endsWith("median_beats/unig/00000/000001_medians.hea"));
        assertEquals(List.of("1"), r.dataset().ids());
        assertEquals(List.of(2), r.report().missingOnDisk());
        // 250 -> 500 Hz linear: output sample 2k is input k, output 2k+1 is the mean of inputs k and k+1
        float[] v6 = r.dataset().signal(0)[Lead.V6.index()];
        assertEquals(microvolts(1, 11, 7) / 1000f, v6[14], 1e-6f);
        assertEquals((microvolts(1, 11, 7) + microvolts(1, 11, 8)) / 2000f, v6[15], 1e-6f);
        assertEquals(microvolts(1, 11, 299) / 1000f, v6[599], 1e-6f, "past the last input the last value is held");
    }

    @Test
    void missingRecordFailsWhenAsked() {
        IOException e = assertThrows(IOException.class,
                () -> PtbXlPlusMedianBeats.from(root, db).failOnMissing(true).load());
        assertTrue(e.getMessage().contains("00003_medians.hea: median beat of ecg_id 3 does not exist"), e.getMessage());
    }

    @Test
    void wrongLengthAndMissingSamplesAreRejected() throws IOException {
        Path hea = Source.TWELVE_SL.headerOf(root, 2);
        writeBeat(hea, 2, 500, 500, 1000, null);
        IOException e = assertThrows(IOException.class, () -> PtbXlPlusMedianBeats.from(root, db).load());
        assertTrue(e.getMessage().startsWith(hea.toString()) && e.getMessage().contains("has 500 samples at 500.0 Hz")
                && e.getMessage().contains("expected 600"), e.getMessage());
        int[][] x = new int[12][600];
        x[4][17] = Integer.MIN_VALUE; // WFDB's "no sample" value for format 32
        x[0][3] = 1000; // 1 mV in lead I, so that the beat is physiological
        WfdbWriter.write(hea.getParent(), "00002_medians", WfdbFormat.F32, 500, 1000, "mV",
                Lead.STANDARD_ORDER.stream().map(Lead::name).toList(), x, List.of());
        e = assertThrows(IOException.class, () -> PtbXlPlusMedianBeats.from(root, db).load());
        assertTrue(e.getMessage().contains("lead aVL sample 17 is missing"), e.getMessage());
    }

    @Test
    void wrongLeadSetIsRejected() throws IOException {
        Path hea = Source.TWELVE_SL.headerOf(root, 1);
        List<String> names = new ArrayList<>(Collections.nCopies(12, "I"));
        WfdbWriter.write(hea.getParent(), "00001_medians", WfdbFormat.F32, 500, 1000, "mV", names, new int[12][600],
                List.of());
        IOException e = assertThrows(IOException.class, () -> PtbXlPlusMedianBeats.from(root, db).load());
        assertTrue(e.getMessage().contains("lead I appears twice"), e.getMessage());
        IOException noDir = assertThrows(IOException.class,
                () -> PtbXlPlusMedianBeats.from(root.resolve("median_beats"), db).load());
        assertTrue(noDir.getMessage().contains("no median_beats/ folder"), noDir.getMessage());
    }

    @Test
    void aThousandFoldUnitErrorIsRefusedNamingFileAmplitudeAndHeaderUnit() throws IOException {
        Path hea = Source.TWELVE_SL.headerOf(root, 2);
        writeBeat(hea, 2, 500, 600, 1, "ge_median_beats_wfdb/"); // µV values, header says mV
        IOException e = assertThrows(IOException.class, () -> PtbXlPlusMedianBeats.from(root, db).load());
        assertEquals(hea + ": largest peak-to-peak amplitude across leads is 1797 mV (lead I) read in the header's "
                + "units (header says mV), outside the physiological 0.1-10.0 mV; if the file's unit differs by a "
                + "factor of 1000, load with OnMismatch.RESCALE (import-ptbxl --on-unit-mismatch rescale)",
                e.getMessage());

        PtbXlPlusMedianBeats.Result r = PtbXlPlusMedianBeats.from(root, db)
                .onUnitMismatch(BeatUnits.OnMismatch.RESCALE).load();
        assertEquals(Map.of(2, 0.001), r.report().units().rescaled());
        assertEquals(2, r.report().units().inRange());
        assertEquals(1797, r.report().units().maxPeakToPeakMv(), 1e-9, "as read, before the rescale");
        assertEquals(1.797, r.report().units().minPeakToPeakMv(), 1e-5, "the other beats, in range (float)");
        assertEquals(6.170f, r.dataset().signal(1)[Lead.V1.index()][10], 1e-6f, "rescaled to mV");
        assertTrue(r.report().toString().contains("rescaled (ecg_id=factor): {2=0.001}"), r.report().toString());
    }

    @Test
    void aUnigBeatAlreadyInMillivoltsIsRefusedAsTooSmall() throws IOException {
        Path hea = Source.UNIG.headerOf(root, 1);
        writeBeat(hea, 1, 500, 600, 1000, null); // values honestly mV: read as µV they are 1000 times too small
        IOException e = assertThrows(IOException.class,
                () -> PtbXlPlusMedianBeats.from(root, db).source(Source.UNIG).load());
        // every lead spans 1797 µV here, so which lead is named depends on float rounding
        assertTrue(e.getMessage().startsWith(hea + ": largest peak-to-peak amplitude across leads is 0.001797 mV ")
                && e.getMessage().contains("read as microvolts whatever the header says (header says mV), outside "
                        + "the physiological 0.1-10.0 mV"), e.getMessage());
        PtbXlPlusMedianBeats.Result r = PtbXlPlusMedianBeats.from(root, db).source(Source.UNIG)
                .onUnitMismatch(BeatUnits.OnMismatch.RESCALE).load();
        assertEquals(Map.of(1, 1000.0), r.report().units().rescaled());
        assertEquals(0.1f, r.dataset().signal(0)[Lead.I.index()][0], 1e-6f);
    }

    @Test
    void reportSetsTheMissingCountAgainstTheRelease() throws IOException {
        PtbXlLoadReport rep = PtbXlPlusMedianBeats.from(root, db).load().report();
        assertEquals(885, rep.releaseMissing());
        assertTrue(rep.toString().contains("missing: 1 of 4 records considered (the PTB-XL+ 1.0.1 release is "
                + "described as lacking this source's beat for 885 of 21,799 ECGs)"), rep.toString());
        assertTrue(rep.toString().contains("units: 12SL values read in the header's units (headers say mV); 3 beats "
                + "checked against 0.1-10.0 mV peak-to-peak: 3 in range, 0 rescaled"), rep.toString());
        assertTrue(rep.toString().contains("fiducial points: not requested"), rep.toString());
        Map<Split, Integer> sizes = rep.splitSizes();
        List<Integer> all = java.util.stream.IntStream.rangeClosed(1, PtbXlPlusMedianBeats.RELEASE_RECORDS).boxed()
                .toList();
        PtbXlLoadReport asReleased = new PtbXlLoadReport("x", PtbXlPlusMedianBeats.RELEASE_RECORDS, 20_914, sizes,
                rep.counts(), Map.of(), Map.of(), all.subList(0, 885), 885, rep.units(), rep.fiducials());
        assertEquals("missing: 885 of 21,799, as in the release (the PTB-XL+ 1.0.1 release is described as lacking "
                + "this source's beat for 885 of 21,799 ECGs)\n", asReleased.releaseComparison());
        PtbXlLoadReport incomplete = new PtbXlLoadReport("x", PtbXlPlusMedianBeats.RELEASE_RECORDS, 20_000, sizes,
                rep.counts(), Map.of(), Map.of(), all.subList(0, 1799), 885, rep.units(), rep.fiducials());
        assertTrue(incomplete.releaseComparison().startsWith("missing: 1,799 of 21,799, NOT as in the release"),
                incomplete.releaseComparison());
        assertEquals(5, Source.UNIG.releaseMissing());
    }

    @Test
    void unitsThatAreNotAVoltageAreRefused() throws IOException {
        Path hea = Source.TWELVE_SL.headerOf(root, 1);
        Files.writeString(hea, Files.readString(hea).replace("/mV", "/mmHg"));
        IOException e = assertThrows(IOException.class, () -> PtbXlPlusMedianBeats.from(root, db).load());
        assertTrue(e.getMessage().startsWith(hea + ": signal 0: signal 'V6' has units 'mmHg', not a voltage"),
                e.getMessage());
    }
}
