package org.ecglab.data.ptbxl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ecglab.data.BeatFiducials;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.synthetic.SyntheticBeat;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.ecglab.data.wfdb.MitAnnotationWriter;
import org.ecglab.data.wfdb.WfdbAnnotation;
import org.ecglab.data.wfdb.WfdbAnnotationFile;
import org.junit.jupiter.api.Test;

/** ECGdeli points grouped into beats, and placed in a median beat whose offset from the recording is known. */
class FiducialAlignerTest {
    private static WfdbAnnotationFile file(List<WfdbAnnotation> a) throws Exception {
        return WfdbAnnotationFile.decode(MitAnnotationWriter.encode(a, 500), Path.of("t.atr"));
    }

    private static WfdbAnnotation at(long sample, String aux) {
        return new WfdbAnnotation(sample, 22, 0, 0, 0, aux);
    }

    @Test
    void pointsAreGroupedAroundQrsOnsets() throws Exception {
        // beat 1 lacks its P onset; a stray QRS offset before the first QRS onset belongs to no beat
        List<EcgdeliPoints.RecordBeat> beats = EcgdeliPoints.beats(file(List.of(at(5, "QRS offset"),
                at(100, "QRS onset"), at(120, "R peak"), at(145, "QRS offset"), at(300, "t-wave offset"),
                at(420, "p-wave onset"), at(500, "QRS onset"), at(522, "R peak"), at(548, "QRS offset"),
                at(700, "t-wave offset"), at(760, "p-wave peak"))));
        assertEquals(List.of(new EcgdeliPoints.RecordBeat(-1, 100, 120, 145, 300),
                new EcgdeliPoints.RecordBeat(420, 500, 522, 548, 700)), beats);
    }

    @Test
    void aRecordingOfAnotherBeatIsRefused() {
        SyntheticEcgGenerator g = new SyntheticEcgGenerator(SyntheticConfig.noiseFree());
        SyntheticBeat normal = g.beat(DiagnosticClass.NORM, 1);
        SyntheticBeat rbbb = g.beat(DiagnosticClass.RBBB, 3);
        PtbXlPlusFixtureBuilder.Designed d = PtbXlPlusFixtureBuilder.Designed.of(rbbb.patient());
        double[][] recording = millivolts(d.rawDigital(rbbb.signal()));
        List<EcgdeliPoints.RecordBeat> beats = d.onsets().stream()
                .map(q -> new EcgdeliPoints.RecordBeat(q - (d.qrsOnset() - d.pOnset()), q, q + 10,
                        q + (d.qrsOffset() - d.qrsOnset()), q + (d.tEnd() - d.qrsOnset()))).toList();

        FiducialAligner.Alignment own = FiducialAligner.align(rbbb.signal(), recording, beats);
        assertTrue(own.aligned(), own.toString());
        assertEquals(new BeatFiducials(d.pOnset(), d.qrsOnset(), d.qrsOffset(), d.tEnd(), d.rr() * 2.0),
                own.fiducials());
        assertEquals(1.0, own.correlation(), 1e-4, "the beat itself, repeated");
        assertEquals(beats.size(), own.beatsUsed());

        // The RBBB recording against a normal median beat: a different QRS, no placement
        float[][] inverted = new float[12][];
        for (int l = 0; l < 12; l++) {
            inverted[l] = normal.signal()[l].clone();
            for (int t = 0; t < inverted[l].length; t++) {
                inverted[l][t] = -inverted[l][t];
            }
        }
        FiducialAligner.Alignment other = FiducialAligner.align(inverted, recording, beats);
        assertFalse(other.aligned());
        assertEquals("QRS correlation with the recording below 0.90", other.refusal());
        assertEquals(BeatFiducials.NONE, other.fiducials());
    }

    private static double[][] millivolts(int[][] microvolts) {
        double[][] x = new double[microvolts.length][microvolts[0].length];
        for (int l = 0; l < x.length; l++) {
            for (int t = 0; t < x[l].length; t++) {
                x[l][t] = microvolts[l][t] / 1000.0;
            }
        }
        return x;
    }
}
