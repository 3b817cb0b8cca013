package org.ecglab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Mask coverage per class against counts done by hand. */
class MaskStatisticsTest {

    private static EcgDataset dataset() {
        float[][][] signals = new float[3][EcgFormat.LEADS][EcgFormat.SAMPLES];
        float[][][] masks = new float[3][EcgFormat.LEADS][EcgFormat.SAMPLES];
        // LBBB record 0: 60 samples of V1. LBBB record 1: all of lead I and 120 samples of V1. NORM: empty.
        for (int t = 0; t < 60; t++) {
            masks[0][Lead.V1.index()][t] = 1;
        }
        for (int t = 0; t < EcgFormat.SAMPLES; t++) {
            masks[1][Lead.I.index()][t] = 1;
        }
        for (int t = 100; t < 220; t++) {
            masks[1][Lead.V1.index()][t] = 1;
        }
        masks[1][Lead.V6.index()][5] = 0.4f; // below one half: outside
        boolean[][] labels = new boolean[3][DiagnosticClass.ALL.size()];
        labels[0][DiagnosticClass.LBBB.ordinal()] = true;
        labels[1][DiagnosticClass.LBBB.ordinal()] = true;
        labels[2][DiagnosticClass.NORM.ordinal()] = true;
        return new EcgDataset("hand", List.of("a", "b", "c"), signals, labels,
                new Split[] {Split.TRAIN, Split.TEST, Split.TEST}, masks);
    }

    @Test
    void fractionsAreTheHandCountedOnes() {
        MaskStatistics m = MaskStatistics.of(dataset());
        assertEquals(List.of(DiagnosticClass.NORM, DiagnosticClass.LBBB), m.classes());
        assertEquals(2, m.records(DiagnosticClass.LBBB));
        // 60 / 7200 and 720 / 7200
        assertEquals(60 / 7200.0, m.minFraction(DiagnosticClass.LBBB), 1e-15);
        assertEquals(720 / 7200.0, m.maxFraction(DiagnosticClass.LBBB), 1e-15);
        assertEquals((60 + 720) / 7200.0 / 2, m.meanFraction(DiagnosticClass.LBBB), 1e-15);
        // V1: (60/600 + 120/600) / 2; I: (0 + 1) / 2; V6: 0
        assertEquals(0.15, m.leadFraction(DiagnosticClass.LBBB, Lead.V1), 1e-15);
        assertEquals(0.5, m.leadFraction(DiagnosticClass.LBBB, Lead.I), 1e-15);
        assertEquals(0.0, m.leadFraction(DiagnosticClass.LBBB, Lead.V6), 0);
        assertEquals(List.of(Lead.I, Lead.V1, Lead.II), m.topLeads(DiagnosticClass.LBBB, 3));
        assertEquals(0.0, m.meanFraction(DiagnosticClass.NORM), 0);
        double[][] pct = m.leadPercentages();
        assertArrayEquals(new double[EcgFormat.LEADS], pct[0], 0);
        assertEquals(15.0, pct[1][Lead.V1.index()], 1e-12);
    }

    @Test
    void theTableHasOneRowPerClass() {
        Table t = MaskStatistics.of(dataset()).table("masks");
        assertEquals(List.of("NORM", "LBBB"), t.stringColumn("class").asList());
        assertEquals("(empty mask)", t.stringColumn(5).get(0));
        assertEquals("I 50%, V1 15%, II 0%", t.stringColumn(5).get(1));
        assertEquals(100 * 390 / 7200.0, t.doubleColumn("mean % of samples in mask").get(1), 1e-12);
    }

    /** With labels before label noise known, they decide membership: a label the noise added brings no mask. */
    @Test
    void labelsBeforeNoiseDecideMembership() {
        EcgDataset noisy = dataset();
        boolean[][] truth = new boolean[3][DiagnosticClass.ALL.size()];
        truth[0][DiagnosticClass.LBBB.ordinal()] = true;
        truth[1][DiagnosticClass.NORM.ordinal()] = true; // its LBBB label was added by label noise
        truth[2][DiagnosticClass.NORM.ordinal()] = true;
        MaskStatistics m = MaskStatistics.of(noisy.withTrueLabels(truth));
        assertEquals(1, m.records(DiagnosticClass.LBBB));
        assertEquals(60 / 7200.0, m.meanFraction(DiagnosticClass.LBBB), 1e-15);
        assertEquals(2, m.records(DiagnosticClass.NORM));
    }

    @Test
    void aClassWithoutRecordsOrADatasetWithoutMasksIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> MaskStatistics.of(dataset()).records(DiagnosticClass.LQT));
        EcgDataset noMasks = new EcgDataset("x", List.of("a"), new float[1][EcgFormat.LEADS][EcgFormat.SAMPLES],
                new boolean[1][DiagnosticClass.ALL.size()], new Split[] {Split.TEST}, null);
        assertThrows(IllegalArgumentException.class, () -> MaskStatistics.of(noMasks));
    }
}
