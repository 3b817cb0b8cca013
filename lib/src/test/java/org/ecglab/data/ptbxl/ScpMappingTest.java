package org.ecglab.data.ptbxl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScpMappingTest {
    @TempDir
    Path dir;

    private static Set<DiagnosticClass> positives(boolean[] y) {
        Set<DiagnosticClass> s = EnumSet.noneOf(DiagnosticClass.class);
        for (DiagnosticClass c : DiagnosticClass.values()) {
            if (y[c.ordinal()]) {
                s.add(c);
            }
        }
        return s;
    }

    @Test
    void defaultMappingCoversAllNineTasks() {
        ScpMapping m = ScpMapping.defaults();
        m.statementsByTask().forEach((task, codes) -> assertTrue(!codes.isEmpty(), task + " has no statement"));
        ScpMapping.Labels l = m.labels(ScpCodes.parse("{'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}"));
        assertEquals(EnumSet.of(DiagnosticClass.NORM), positives(l.labels()));
        assertEquals(Set.of("LVOLT", "SR"), l.unmapped());
        ScpMapping.Labels multi = m.labels(ScpCodes.parse(
                "{'CLBBB': 100.0, 'VCLVH': 0.0, 'ASMI': 50.0, 'IMI': 35.0, 'ILBBB': 100.0, 'INVT': 0.0}"));
        assertEquals(EnumSet.of(DiagnosticClass.LBBB, DiagnosticClass.LVH, DiagnosticClass.ASTE,
                DiagnosticClass.LTWI), positives(multi.labels()));
        assertEquals(Set.of("IMI"), multi.belowThreshold());
        assertEquals(Set.of("ILBBB"), multi.unmapped());
    }

    @Test
    void repositoryCsvIsTheShippedDefault() throws IOException {
        Path csv = TestFiles.findUp("data").orElseThrow().resolve("scp_to_task.csv");
        try (InputStream in = ScpMapping.class.getResourceAsStream("scp_to_task.csv")) {
            assertArrayEquals(Files.readAllBytes(csv), in.readAllBytes(),
                    "data/scp_to_task.csv and the library resource must be identical");
        }
        assertEquals(ScpMapping.defaults().rules(), ScpMapping.load(csv).rules());
    }

    @Test
    void userMappingReplacesTheDefault() throws IOException {
        Path csv = Files.writeString(dir.resolve("m.csv"), "scp_code,task,min_likelihood,notes\n"
                + "ILBBB,LBBB,0,\"incomplete LBBB counted too, in this study\"\nSR,NORM,0,\n");
        ScpMapping m = ScpMapping.load(csv);
        assertEquals(EnumSet.of(DiagnosticClass.LBBB, DiagnosticClass.NORM),
                positives(m.labels(Map.of("ILBBB", 100.0, "SR", 0.0)).labels()));
        assertEquals("incomplete LBBB counted too, in this study", m.rules().get(0).notes());
    }

    @Test
    void badMappingsNameFileAndLine() throws IOException {
        assertError("scp_code,task,min_likelihood,notes\nNORM,NORM,50,ok\nXYZ,STEMI,0,x\n",
                "line 3: unknown diagnostic class 'STEMI'");
        assertError("scp_code,task,min_likelihood,notes\nNORM,NORM,150,x\n", "line 2: min_likelihood 150.0");
        assertError("scp_code,task,min_likelihood,notes\nNORM,NORM,0,x\nNORM,NORM,50,y\n", "NORM -> NORM appears twice");
        assertError("code,class,threshold,notes\nNORM,NORM,0,x\n", "columns are [code, class, threshold, notes]");
        // Issue 8: no raw Tablesaw text for a bad number or a malformed line.
        assertError("scp_code,task,min_likelihood,notes\nNORM,NORM,high,x\n",
                "line 2: min_likelihood 'high' is not a number (a likelihood 0..100)");
        assertError("scp_code,task,min_likelihood,notes\nNORM,NORM,50,x,y,z\n",
                "cannot read it as the mapping CSV: expected a header line scp_code,task,min_likelihood,notes and one "
                        + "rule per line with exactly these 4 fields");
        IOException e = assertThrows(IOException.class, () -> ScpMapping.load(dir.resolve("none.csv")));
        assertTrue(e.getMessage().contains("mapping file does not exist"), e.getMessage());
    }

    private void assertError(String content, String part) throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), content);
        IOException e = assertThrows(IOException.class, () -> ScpMapping.load(csv));
        assertTrue(e.getMessage().startsWith(csv.toString()) && e.getMessage().contains(part), e.getMessage());
    }
}
