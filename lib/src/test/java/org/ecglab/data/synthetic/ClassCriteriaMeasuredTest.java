package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.Lead;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Measures the noise-free beats of 30 patients per class with {@link BeatMeasurements}: the criteria hold with a
 * margin, the designed intervals are the measured ones, amplitudes are physiological. That every beat of a full-size
 * dataset meets exactly the criteria of its labels is {@link ClassCriteriaDatasetTest}'s.
 */
class ClassCriteriaMeasuredTest {
    static final int PATIENTS = 30;
    private static final SyntheticEcgGenerator GENERATOR = new SyntheticEcgGenerator(SyntheticConfig.noiseFree());

    private static BeatMeasurements measure(float[][] ecg, SyntheticBeat beat) {
        return new BeatMeasurements(ecg, beat.patient().rrMs());
    }

    /** The criteria hold with margin, not by a hair: the measured key quantity is well past its threshold. */
    @ParameterizedTest
    @EnumSource(DiagnosticClass.class)
    void criteriaHoldWithMargin(DiagnosticClass cls) {
        for (long seed = 1; seed <= PATIENTS; seed++) {
            SyntheticBeat beat = GENERATOR.beat(cls, seed);
            BeatMeasurements m = measure(beat.cleanSignal(), beat);
            String where = cls + " seed " + seed;
            switch (cls) {
                case NORM -> {
                    assertTrue(m.prMs() >= 125 && m.prMs() <= 190, where + " PR " + m.prMs());
                    assertTrue(m.qrsMs() <= 100, where + " QRS " + m.qrsMs());
                    assertTrue(m.qtcMs() <= 440, where + " QTc " + m.qtcMs());
                    assertTrue(m.sokolowLyonMv() <= 3.0, where + " Sokolow-Lyon " + m.sokolowLyonMv());
                }
                case AVB1 -> assertTrue(m.prMs() >= 230, where + " PR " + m.prMs());
                case LBBB, RBBB -> assertTrue(m.qrsMs() >= 124, where + " QRS " + m.qrsMs());
                case LVH -> assertTrue(m.sokolowLyonMv() >= 3.9, where + " Sokolow-Lyon " + m.sokolowLyonMv());
                case ASTE -> {
                    for (Lead l : List.of(Lead.V2, Lead.V3, Lead.V4)) {
                        assertTrue(m.stMv(l) >= 0.25, where + " ST " + l + " " + m.stMv(l));
                    }
                    for (Lead l : List.of(Lead.II, Lead.III, Lead.AVF)) {
                        assertTrue(m.stMv(l) <= -0.15, where + " ST " + l + " " + m.stMv(l));
                    }
                }
                case IMI -> {
                    for (Lead l : List.of(Lead.II, Lead.III, Lead.AVF)) {
                        assertTrue(m.qWave(l)[0] >= 46, where + " Q width " + l + " " + m.qWave(l)[0]);
                    }
                }
                case LQT -> assertTrue(m.qtcMs() >= 490, where + " QTc " + m.qtcMs());
                case LTWI -> {
                    for (Lead l : List.of(Lead.I, Lead.AVL, Lead.V5, Lead.V6)) {
                        assertTrue(m.tMv(l) <= -0.13, where + " T " + l + " " + m.tMv(l));
                    }
                }
            }
        }
    }

    /**
     * The designed intervals reported in {@link PatientParameters} agree with what is measured from the signal,
     * so the displayed parameters can be trusted.
     */
    @ParameterizedTest
    @EnumSource(DiagnosticClass.class)
    void reportedIntervalsMatchMeasuredOnes(DiagnosticClass cls) {
        for (long seed = 1; seed <= PATIENTS; seed++) {
            SyntheticBeat beat = GENERATOR.beat(cls, seed);
            BeatMeasurements m = measure(beat.cleanSignal(), beat);
            PatientParameters p = beat.patient();
            String where = cls + " seed " + seed + " " + p;
            assertEquals(p.prMs(), m.prMs(), 12, where + " PR");
            assertEquals(p.qrsMs(), m.qrsMs(), 16, where + " QRS");
            assertEquals(p.qtMs(), m.qtMs(), 12, where + " QT");
            assertEquals(p.qrsOnsetMs(), m.qrsOnset * 2.0, 10, where + " QRS onset");
        }
    }

    /** Amplitudes are those of real ECGs: the tallest R 0.5–3 mV (LVH up to 5), the largest T 0.1–1 mV. */
    @ParameterizedTest
    @EnumSource(DiagnosticClass.class)
    void amplitudesArePhysiological(DiagnosticClass cls) {
        for (long seed = 1; seed <= PATIENTS; seed++) {
            SyntheticBeat beat = GENERATOR.beat(cls, seed);
            BeatMeasurements m = measure(beat.cleanSignal(), beat);
            double maxR = Lead.STANDARD_ORDER.stream().mapToDouble(m::rMv).max().orElseThrow();
            double maxT = Lead.STANDARD_ORDER.stream().mapToDouble(l -> Math.abs(m.tMv(l))).max().orElseThrow();
            String where = cls + " seed " + seed;
            assertTrue(maxR >= 0.5 && maxR <= (cls == DiagnosticClass.LVH ? 5.0 : 3.0), where + " max R " + maxR);
            assertTrue(maxT >= 0.1 && maxT <= 1.0, where + " max T " + maxT);
        }
    }
}
