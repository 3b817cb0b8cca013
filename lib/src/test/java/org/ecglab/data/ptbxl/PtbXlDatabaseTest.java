package org.ecglab.data.ptbxl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.Split;
import org.ecglab.data.TestFiles;
import org.ecglab.data.wfdb.WfdbException;
import org.ecglab.data.wfdb.WfdbRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtbXlDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void readsKeyColumnsWithExplicitTypes() throws IOException {
        Path csv = PtbXlTestFiles.writeCsv(dir, List.of(
                PtbXlTestFiles.row(1, "{'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}", 3),
                PtbXlTestFiles.row(2, "{'CLBBB': 100.0}", 9),
                PtbXlTestFiles.row(1001, "{}", 10)));
        PtbXlDatabase db = PtbXlDatabase.load(csv);
        assertEquals(List.of(1, 2, 1001), List.copyOf(db.ids()));
        PtbXlRecord r = db.record(1);
        assertEquals(15710.0, r.patientId());
        assertEquals(Map.of("NORM", 100.0, "LVOLT", 0.0, "SR", 0.0), r.scpCodes());
        assertEquals(Split.TRAIN, r.split());
        assertEquals(Split.VALIDATION, db.record(2).split());
        assertEquals(Split.TEST, db.record(1001).split());
        assertEquals("records100/01000/01001_lr", db.record(1001).filenameLr());
        assertEquals("records500/00000/00002_hr", db.record(2).filenameHr());
        assertThrows(IllegalArgumentException.class, () -> db.record(7));
    }

    @Test
    void scpCodesKeepTheOrderWrittenAndStayUnmodifiable() throws IOException {
        // Nine statements: a hash-ordered copy (Map.copyOf) lists them in an order that varies between JVM runs
        // and matches the written one with negligible probability.
        List<String> written = List.of("IMI", "ABQRS", "SR", "LVH", "NDT", "PVC", "STACH", "LAFB", "ISC_");
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < written.size(); i++) {
            literal.append(i == 0 ? "" : ", ").append('\'').append(written.get(i)).append("': ").append(10.0 * i);
        }
        Path csv = PtbXlTestFiles.writeCsv(dir, List.of(PtbXlTestFiles.row(5, literal.append('}').toString(), 1)));
        Map<String, Double> codes = PtbXlDatabase.load(csv).record(5).scpCodes();
        assertEquals(written, List.copyOf(codes.keySet()));
        assertEquals(30.0, codes.get("LVH"));
        assertThrows(UnsupportedOperationException.class, () -> codes.put("NORM", 100.0));
    }

    @Test
    void malformedScpCodesNameTheRecord() throws IOException {
        Path csv = PtbXlTestFiles.writeCsv(dir, List.of(PtbXlTestFiles.row(1, "{'NORM': 100.0}", 3),
                PtbXlTestFiles.row(5, "{'NORM' 100.0}", 3)));
        IOException e = assertThrows(IOException.class, () -> PtbXlDatabase.load(csv));
        assertTrue(e.getMessage().contains("ecg_id 5 (line 3): malformed scp_codes"), e.getMessage());
    }

    @Test
    void missingFileColumnOrBadFold() throws IOException {
        IOException none = assertThrows(IOException.class, () -> PtbXlDatabase.load(dir.resolve("x.csv")));
        assertTrue(none.getMessage().contains("does not exist"), none.getMessage());
        Path noFold = Files.writeString(dir.resolve("a.csv"), "ecg_id,scp_codes\n1,\"{}\"\n");
        IOException col = assertThrows(IOException.class, () -> PtbXlDatabase.load(noFold));
        assertTrue(col.getMessage().contains("missing column(s) [filename_hr, filename_lr, patient_id, strat_fold]"),
                col.getMessage());
        Path fold = PtbXlTestFiles.writeCsv(dir.resolve("f"), List.of(PtbXlTestFiles.row(4, "{}", 11)));
        IOException f = assertThrows(IOException.class, () -> PtbXlDatabase.load(fold));
        assertTrue(f.getMessage().contains("ecg_id 4: strat_fold 11 is outside 1..10"), f.getMessage());
    }

    /** The real record 00001 at 100 Hz through the raw-record path, labelled with the default mapping. */
    @Test
    void loadsTheRealSampleRecordThroughTheRawPath() throws IOException {
        Path root = dir.resolve("ptb-xl");
        Path folder = Files.createDirectories(root.resolve("records100/00000"));
        for (String f : new String[] {"00001_lr.hea", "00001_lr.dat"}) {
            Files.copy(TestFiles.ptbxlFixture().resolve(f), folder.resolve(f));
        }
        PtbXlDatabase db = PtbXlDatabase.load(PtbXlTestFiles.writeCsv(root,
                List.of(PtbXlTestFiles.row(1, "{'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}", 3))));
        WfdbRecord r = db.readRaw(root, 1, PtbXlDatabase.Rate.HZ100);
        assertEquals(12, r.numSignals());
        assertEquals(1000, r.numSamples());
        assertEquals(100.0, r.header().samplingFrequency());
        assertEquals(-0.119, r.millivolts(0)[0], 1e-12);
        ScpMapping.Labels l = ScpMapping.defaults().labels(db.record(1).scpCodes());
        assertTrue(l.labels()[DiagnosticClass.NORM.ordinal()]);
        assertEquals(Set.of("LVOLT", "SR"), l.unmapped());
        WfdbException hr = assertThrows(WfdbException.class, () -> db.readRaw(root, 1, PtbXlDatabase.Rate.HZ500));
        assertTrue(hr.getMessage().contains("00001_hr.hea: header file does not exist"), hr.getMessage());
    }
}
