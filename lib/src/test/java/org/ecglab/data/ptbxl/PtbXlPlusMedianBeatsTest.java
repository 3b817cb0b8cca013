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

    /** Leads written in reverse order, so the loader must reorder them by name. */
    static void writeBeat(Path hea, int id, double fs, int n, String recordLine) throws IOException {
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
        // gain 1 and units "mV", as the PTB-XL+ headers claim; the numbers are really µV
        WfdbWriter.write(hea.getParent(), name, WfdbFormat.F32, fs, 1, "mV", names, digital, List.of());
        if (recordLine != null) {
            List<String> lines = new ArrayList<>(Files.readAllLines(hea));
            lines.set(0, lines.get(0).replaceFirst("^\\S+", recordLine));
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
            // 12SL headers carry a path prefix in the record name
            writeBeat(hea, id, 500, 600, String.format("median_beats/12sl/%05d/%05d_medians", id / 1000 * 1000, id));
        }
        Path unig = Source.UNIG.headerOf(root, 1);
        Files.createDirectories(unig.getParent());
        writeBeat(unig, 1, 250, 300, null); // Uni-G beat at 250 Hz: resampled to 500 Hz
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
        writeBeat(hea, 2, 500, 500, null);
        IOException e = assertThrows(IOException.class, () -> PtbXlPlusMedianBeats.from(root, db).load());
        assertTrue(e.getMessage().startsWith(hea.toString()) && e.getMessage().contains("has 500 samples at 500.0 Hz")
                && e.getMessage().contains("expected 600"), e.getMessage());
        int[][] x = new int[12][600];
        x[4][17] = Integer.MIN_VALUE; // WFDB's "no sample" value for format 32
        WfdbWriter.write(hea.getParent(), "00002_medians", WfdbFormat.F32, 500, 1, "mV",
                Lead.STANDARD_ORDER.stream().map(Lead::name).toList(), x, List.of());
        e = assertThrows(IOException.class, () -> PtbXlPlusMedianBeats.from(root, db).load());
        assertTrue(e.getMessage().contains("lead aVL sample 17 is missing"), e.getMessage());
    }

    @Test
    void wrongLeadSetIsRejected() throws IOException {
        Path hea = Source.TWELVE_SL.headerOf(root, 1);
        List<String> names = new ArrayList<>(Collections.nCopies(12, "I"));
        WfdbWriter.write(hea.getParent(), "00001_medians", WfdbFormat.F32, 500, 1, "mV", names, new int[12][600],
                List.of());
        IOException e = assertThrows(IOException.class, () -> PtbXlPlusMedianBeats.from(root, db).load());
        assertTrue(e.getMessage().contains("lead I appears twice"), e.getMessage());
        IOException noDir = assertThrows(IOException.class,
                () -> PtbXlPlusMedianBeats.from(root.resolve("median_beats"), db).load());
        assertTrue(noDir.getMessage().contains("no median_beats/ folder"), noDir.getMessage());
    }
}
