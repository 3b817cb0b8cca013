package org.ecglab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.EcgDatasetFiles;
import org.ecglab.data.Lead;
import org.ecglab.data.Split;
import org.ecglab.data.ptbxl.PtbXlPlusMedianBeats.Source;
import org.ecglab.data.wfdb.WfdbFormat;
import org.ecglab.data.wfdb.WfdbWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-ptbxl} on a PTB-XL(+)-shaped folder written with the library's WFDB writer: 12SL beats whose values
 * are µV under a header that says mV, i.e. 1000 times too large for the 12SL units rule (header units), so that the
 * default refuses them and {@code --on-unit-mismatch rescale} imports them.
 */
class ImportPtbXlCommandTest {
    @TempDir
    Path root;

    /** Sample value in µV of lead {@code l} at {@code t} of record {@code id}, distinct per record and lead. */
    private static int microvolts(int id, int l, int t) {
        return id * 100 + l * 10 - t;
    }

    @BeforeEach
    void layout() throws IOException {
        String header = "ecg_id,patient_id,scp_codes,strat_fold,filename_lr,filename_hr\n";
        String rows = row(1, "{'NORM': 100.0, 'SR': 0.0}", 1) + row(2, "{'CLBBB': 100.0}", 9)
                + row(3, "{'XYZ': 100.0}", 10) + row(4, "{'NORM': 100.0}", 2);
        Files.writeString(root.resolve("ptbxl_database.csv"), header + rows);
        for (int id : new int[] {1, 2, 3}) { // record 4 has no beat on disk
            Path hea = Source.TWELVE_SL.headerOf(root, id);
            Files.createDirectories(hea.getParent());
            List<String> names = new ArrayList<>();
            int[][] digital = new int[12][600];
            for (Lead lead : Lead.values()) {
                names.add(lead.name());
                for (int t = 0; t < 600; t++) {
                    digital[lead.index()][t] = microvolts(id, lead.index(), t);
                }
            }
            WfdbWriter.write(hea.getParent(), hea.getFileName().toString().replace(".hea", ""), WfdbFormat.F32, 500,
                    1, "mV", names, digital, List.of());
        }
    }

    private static String row(int id, String codes, int fold) {
        String name = String.format("%05d/%05d", id / 1000 * 1000, id);
        return id + "," + (100 + id) + ".0,\"" + codes + "\"," + fold + ",records100/" + name + "_lr,records500/"
                + name + "_hr\n";
    }

    @Test
    void aThousandFoldUnitErrorIsRefusedInOneLine() {
        Path out = root.resolve("out/refused.npz");
        CliRun r = CliRun.run("import-ptbxl", "--ptbxl", root.toString(), "--plus", root.toString(), "--out",
                out.toString());
        assertEquals(ExitCodes.DATA_ERROR, r.exitCode(), r.toString());
        String hea = Source.TWELVE_SL.headerOf(root, 1).toString();
        assertTrue(r.err().startsWith("error: " + hea + ": largest peak-to-peak amplitude across leads is 599.0 mV")
                && r.err().contains("(header says mV)") && r.err().contains("--on-unit-mismatch rescale"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void importsLabelsSplitsAndMillivoltsAndPrintsTheReport() throws IOException {
        Path out = root.resolve("out/ptbxl.npz");
        CliRun r = CliRun.run("import-ptbxl", "--ptbxl", root.toString(), "--plus", root.toString(), "--source",
                "12sl", "--on-unit-mismatch", "rescale", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.out().contains("3 beats checked against 0.1-10.0 mV peak-to-peak: 0 in range, 3 rescaled"),
                r.out());
        assertTrue(r.out().contains("rescaled (ecg_id=factor): {1=0.001, 2=0.001, 3=0.001}"), r.out());
        assertTrue(r.out().contains("records: 4 in table, 3 loaded, 1 missing on disk"), r.out());
        assertTrue(r.out().contains("unmapped statements (records): {SR=1, XYZ=1}"), r.out());
        assertTrue(r.out().contains("missing on disk (ecg_id): [4]"), r.out());
        assertTrue(r.out().contains("wrote " + out + " (3 records)"), r.out());

        EcgDataset d = EcgDatasetFiles.load(out);
        assertEquals(List.of("1", "2", "3"), d.ids());
        assertTrue(d.hasLabel(0, DiagnosticClass.NORM));
        assertTrue(d.hasLabel(1, DiagnosticClass.LBBB));
        assertFalse(d.hasLabel(2, DiagnosticClass.NORM) || d.hasLabel(2, DiagnosticClass.LBBB));
        assertEquals(List.of(Split.TRAIN, Split.VALIDATION, Split.TEST), List.of(d.split(0), d.split(1), d.split(2)));
        // µV on disk, mV in the dataset.
        assertEquals(microvolts(2, Lead.V3.index(), 123) / 1000.0, d.signal(1)[Lead.V3.index()][123], 1e-6);
        assertFalse(d.hasMasks());
    }

    @Test
    void limitAndTheOtherSourceAreHonoured() throws IOException {
        Path out = root.resolve("two.npz");
        CliRun r = CliRun.run("import-ptbxl", "--ptbxl", root.toString(), "--plus", root.toString(), "--limit", "2",
                "--on-unit-mismatch", "rescale", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals(List.of("1", "2"), EcgDatasetFiles.load(out).ids());

        // No Uni-G beats in this folder: nothing to import is the user's problem, said in one line.
        CliRun unig = CliRun.run("import-ptbxl", "--ptbxl", root.toString(), "--plus", root.toString(), "--source",
                "unig", "--out", root.resolve("u.npz").toString());
        assertEquals(ExitCodes.DATA_ERROR, unig.exitCode(), unig.toString());
        assertTrue(unig.err().startsWith("error: " + root + ": no median beats found for the 4 records"),
                unig.toString());
        assertFalse(Files.exists(root.resolve("u.npz")));
    }

    @Test
    void badSourceIsAUsageErrorAndAMissingFolderAUserError() {
        CliRun bad = CliRun.run("import-ptbxl", "--ptbxl", root.toString(), "--plus", root.toString(), "--source",
                "marquette", "--out", "x.npz");
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("'marquette' is not a median-beat source; use 12sl or unig"), bad.toString());

        Path empty = root.resolve("nothing-here");
        CliRun missing = CliRun.run("import-ptbxl", "--ptbxl", empty.toString(), "--plus", root.toString(), "--out",
                "x.npz");
        assertEquals(ExitCodes.DATA_ERROR, missing.exitCode(), missing.toString());
        assertEquals("error: " + empty.resolve("ptbxl_database.csv") + ": PTB-XL database file does not exist",
                missing.err().strip());
    }
}
