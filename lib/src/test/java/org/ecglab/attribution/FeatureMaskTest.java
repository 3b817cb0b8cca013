package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecglab.data.BeatDelineator;
import org.ecglab.data.BeatFiducials;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.WaveSegments;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.junit.jupiter.api.Test;

/** Feature masks of every kind against hand counts, their text forms, and the errors for bad masks. */
class FeatureMaskTest {

    @Test
    void samplesAreCaptumsDefaultMask() {
        FeatureMask m = FeatureMask.samples();
        assertEquals(7200, m.featureCount());
        assertEquals(0, m.featureOf(0, 0));
        assertEquals(2 * 600 + 17, m.featureOf(2, 17));
        assertArrayEquals(new int[] {2 * 600 + 17}, m.members(2 * 600 + 17));
        assertEquals("III 17", m.label(2 * 600 + 17));
    }

    @Test
    void leadsAndTimeSegments() {
        FeatureMask leads = FeatureMask.leads();
        assertEquals(12, leads.featureCount());
        assertEquals(6, leads.featureOf(6, 599));
        assertEquals("V1", leads.label(6));
        assertEquals(600, leads.size(6));

        FeatureMask across = FeatureMask.timeSegments(25, false);
        assertEquals(24, across.featureCount());
        assertEquals(3, across.featureOf(11, 75));
        assertEquals(12 * 25, across.size(3));
        assertEquals("150-198 ms", across.label(3));

        // 600 = 85·7 + 5: 86 segments per lead, the last one 5 samples long
        FeatureMask perLead = FeatureMask.timeSegments(7, true);
        assertEquals(12 * 86, perLead.featureCount());
        assertEquals(86 + 85, perLead.featureOf(1, 599));
        assertEquals(5, perLead.size(86 + 85));
        assertEquals("II 1190-1198 ms", perLead.label(86 + 85));
    }

    @Test
    void wavesFollowTheFiducialsAndTheSplitRule() {
        // P onset 100, QRS 180..225, T end 380 (samples): PR = 80 -> P wave 50 samples (100 ms), PR segment 30;
        // J to T end = 155 -> ST 40 samples (80 ms), T wave 115
        WaveSegments w = WaveSegments.of(new BeatFiducials(100, 180, 225, 380, 800));
        assertEquals(150, w.pOffset());
        assertEquals(265, w.stEnd());
        FeatureMask m = FeatureMask.waves(w, false);
        assertEquals(List.of("P", "PR", "QRS", "ST", "T", "OTHER"), m.labels());
        int[] expected = new int[600];
        for (int t = 0; t < 600; t++) {
            expected[t] = t < 100 ? 5 : t < 150 ? 0 : t < 180 ? 1 : t <= 225 ? 2 : t <= 265 ? 3 : t <= 380 ? 4 : 5;
        }
        for (int l = 0; l < 12; l++) {
            assertArrayEquals(expected, m.toArray()[l], "lead " + l);
        }
        assertEquals(12 * 46, m.size(2), "QRS [180, 225] in every lead");

        FeatureMask perLead = FeatureMask.waves(w, true);
        assertEquals(72, perLead.featureCount());
        assertEquals(6 * 7 + 2, perLead.featureOf(7, 200));
        assertEquals("V2 QRS", perLead.label(6 * 7 + 2));
    }

    @Test
    void shortIntervalsSplitByTheCapsAndAbsentPointsDropWaves() {
        // PR 40 samples: P wave ¾ of it; J to T end 60: ST a third of it
        WaveSegments w = WaveSegments.of(new BeatFiducials(140, 180, 225, 285, Double.NaN));
        assertEquals(170, w.pOffset());
        assertEquals(245, w.stEnd());
        WaveSegments noP = WaveSegments.of(new BeatFiducials(BeatFiducials.ABSENT, 180, 225, 380, Double.NaN));
        assertEquals(List.of(WaveSegments.Wave.QRS, WaveSegments.Wave.ST, WaveSegments.Wave.T,
                WaveSegments.Wave.OTHER), noP.present());
        FeatureMask m = FeatureMask.waves(noP, false);
        assertEquals(List.of("QRS", "ST", "T", "OTHER"), m.labels());
        String e = assertThrows(IllegalArgumentException.class, () -> WaveSegments.of(
                new BeatFiducials(100, BeatFiducials.ABSENT, 225, 380, Double.NaN))).getMessage();
        assertTrue(e.contains("QRS onset and offset"), e);
    }

    @Test
    void spreadAndSumByFeatureAreInverseForConstantFeatures() {
        FeatureMask m = FeatureMask.timeSegments(100, false);
        float[][] map = m.spread(new double[] {1, 2, 3, 4, 5, 6});
        assertEquals(3f, map[4][250]);
        assertArrayEquals(new double[] {1200, 2400, 3600, 4800, 6000, 7200}, m.sumByFeature(map), 1e-9);
    }

    @Test
    void badMasksAreRefusedWithWhatIsWrong() {
        int[][] ids = new int[12][600];
        ids[3][5] = 2; // ids 0 and 2 used, 1 never
        String gap = assertThrows(IllegalArgumentException.class, () -> FeatureMask.of(ids)).getMessage();
        assertEquals("feature mask ids must be contiguous 0..2, but id 1 is never used", gap);
        ids[3][5] = -1;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FeatureMask.of(ids)).getMessage()
                .contains("[3][5] is -1"));
        String rows = assertThrows(IllegalArgumentException.class, () -> FeatureMask.of(new int[11][600]))
                .getMessage();
        assertTrue(rows.contains("11 rows; expected 12"), rows);
        int[][] shortRow = new int[12][600];
        shortRow[4] = new int[599];
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FeatureMask.of(shortRow)).getMessage()
                .contains("row 4 has 599 ids"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FeatureMask.of(new int[12][600], List.of("a", "b"))).getMessage().contains("2 labels"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FeatureMask.timeSegments(0, true))
                .getMessage().contains("width 0"));
    }

    @Test
    void specsParseTheirTextFormsAndRefuseOthers() {
        for (String text : List.of("samples", "leads", "segments:25", "segments:7:per_lead", "waves", "waves:per_lead")) {
            assertEquals(text, FeatureMaskSpec.parse(text).toString());
        }
        assertEquals("segments:25", FeatureMaskSpec.parse(" Segments:025 ").toString());
        assertEquals(7200, FeatureMaskSpec.parse("samples").maxFeatureCount());
        assertEquals(12 * 86, FeatureMaskSpec.parse("segments:7:per_lead").maxFeatureCount());
        assertEquals(72, FeatureMaskSpec.parse("waves:per_lead").maxFeatureCount());
        for (String bad : List.of("lead", "segments", "segments:0", "segments:601", "segments:x", "leads:per_lead",
                "waves:all", "samples:3")) {
            String m = assertThrows(IllegalArgumentException.class, () -> FeatureMaskSpec.parse(bad)).getMessage();
            assertTrue(m.startsWith("feature mask '" + bad + "' is not one of samples, leads"), m);
        }
        float[][] ecg = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        FiducialSource none = FiducialSource.given(new float[0][][], List.of());
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> FeatureMaskSpec.parse("waves").maskFor(ecg, none)).getMessage();
        assertTrue(unknown.contains("no fiducial points were given for this ECG"), unknown);
    }

    @Test
    void aDatasetsOwnPointsAreUsedWhereItHasThemAndTheRestIsDelineated() {
        EcgDataset all = new SyntheticEcgGenerator(SyntheticConfig.defaults()).dataset(5, 3);
        EcgDataset two = all.subset(new int[] {0, 1});
        // Record 1 keeps only P onset and T end: without its QRS it cannot be split into waves, so it is delineated.
        BeatFiducials designed = two.beatFiducials(0);
        BeatFiducials partial = new BeatFiducials(designed.pOnset(), BeatFiducials.ABSENT, BeatFiducials.ABSENT,
                designed.tEnd(), designed.rrMs());
        EcgDataset data = two.withBeatFiducials(new BeatFiducials[] {designed, partial});
        FiducialSource source = FiducialSource.of(data);
        assertEquals(designed, source.fiducials(data.signal(0)));
        assertEquals(BeatDelineator.delineate(data.signal(1)), source.fiducials(data.signal(1)));
        assertTrue(source.describe().startsWith("given for 1 of 2 ECGs"), source.describe());
        // The designed points are the generator's, not a delineation of the signal.
        assertTrue(!designed.equals(BeatDelineator.delineate(data.signal(0))), designed.toString());
        float[][] foreign = all.signal(2);
        assertEquals(BeatDelineator.delineate(foreign), source.fiducials(foreign));
    }
}
