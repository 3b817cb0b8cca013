package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ground-truth mask marks where the pathology is. The expected time windows come from measuring the
 * pathology-free and the pathological beat of the same patient (QRS onset, J point, T end), not from the
 * generator's parameters. Because a change of the heart's dipole shows in every lead that is not perpendicular to
 * it, the lead check is relative: per lead, the mask's mass (sum of |ECG − ECG without pathology| over masked
 * samples) in the class's leads must clearly exceed that in the other leads.
 */
class MaskLocationTest {
    private static final int PATIENTS = 30;
    private static final SyntheticEcgGenerator GENERATOR = new SyntheticEcgGenerator(SyntheticConfig.defaults());

    /** Expected place of a class's pathology: a time window in samples and the leads it shows in most. */
    private record Region(int from, int to, Set<Lead> leads) {
        boolean contains(int t) {
            return t >= from && t <= to;
        }
    }

    private static Region expected(DiagnosticClass cls, BeatMeasurements free, BeatMeasurements sick) {
        int onset = Math.min(free.qrsOnset, sick.qrsOnset);
        int jPoint = Math.max(free.qrsOffset, sick.qrsOffset);
        int tEnd = Math.max(free.tEnd, sick.tEnd);
        int pad = BeatMeasurements.ms(20);
        Set<Lead> all = EnumSet.allOf(Lead.class);
        return switch (cls) {
            case NORM -> new Region(0, -1, Set.of());
            // P wave moved earlier: old and new P, all before the QRS.
            case AVB1 -> new Region(0, onset, all);
            case LBBB, RBBB -> new Region(onset - pad, tEnd + pad, all);
            case LVH -> new Region(onset - pad, jPoint + pad,
                    EnumSet.of(Lead.I, Lead.AVL, Lead.V1, Lead.V2, Lead.V3, Lead.V4, Lead.V5, Lead.V6));
            case ASTE -> new Region(jPoint - BeatMeasurements.ms(40), tEnd + pad,
                    EnumSet.of(Lead.V2, Lead.V3, Lead.V4, Lead.II, Lead.III, Lead.AVF));
            case IMI -> new Region(onset - pad, jPoint + pad, EnumSet.of(Lead.II, Lead.III, Lead.AVF));
            case LQT -> new Region(jPoint, tEnd + pad, all);
            // The T force turns from left to right: every lead with a large X coefficient sees it, V3 (0.882 in the
            // Dower matrix) as much as V5 and V6.
            case LTWI -> new Region(jPoint, tEnd + pad,
                    EnumSet.of(Lead.I, Lead.AVL, Lead.V3, Lead.V4, Lead.V5, Lead.V6));
        };
    }

    @ParameterizedTest
    @EnumSource(DiagnosticClass.class)
    void maskLiesWhereThePathologyIs(DiagnosticClass cls) {
        for (long seed = 1; seed <= PATIENTS; seed++) {
            SyntheticBeat beat = GENERATOR.beat(cls, seed);
            int ones = beat.maskCount();
            if (cls == DiagnosticClass.NORM) {
                assertEquals(0, ones, "NORM mask must be empty, seed " + seed);
                continue;
            }
            assertTrue(ones > 0, cls + " seed " + seed + ": empty mask");
            double rr = beat.patient().rrMs();
            Region r = expected(cls, new BeatMeasurements(beat.cleanWithoutPathology(), rr),
                    new BeatMeasurements(beat.cleanSignal(), rr));
            int inWindow = 0;
            double[] massPerLead = new double[EcgFormat.LEADS];
            for (Lead l : Lead.values()) {
                for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                    if (beat.mask()[l.index()][t] > 0) {
                        inWindow += r.contains(t) ? 1 : 0;
                        massPerLead[l.index()] += Math.abs(beat.cleanSignal()[l.index()][t]
                                - beat.cleanWithoutPathology()[l.index()][t]);
                    }
                }
            }
            String where = cls + " seed " + seed;
            assertTrue(inWindow >= 0.95 * ones, where + ": only " + inWindow + " of " + ones
                    + " mask samples in the expected window " + r);
            if (r.leads().size() < EcgFormat.LEADS) {
                double inside = 0;
                double outside = 0;
                for (Lead l : Lead.values()) {
                    if (r.leads().contains(l)) {
                        inside += massPerLead[l.index()] / r.leads().size();
                        // aVL's T wave is often flat or negative in a normal heart: a shallow inversion may keep it.
                        boolean mayBeUnchanged = cls == DiagnosticClass.LTWI && l == Lead.AVL;
                        assertTrue(mayBeUnchanged || massPerLead[l.index()] > 0, where + ": no mask in " + l);
                    } else {
                        outside += massPerLead[l.index()] / (EcgFormat.LEADS - r.leads().size());
                    }
                }
                assertTrue(inside >= 1.5 * outside, where + ": mask mass per lead in " + r.leads() + " is "
                        + inside + ", elsewhere " + outside);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DiagnosticClass.class)
    void maskIsBinaryAndNonEmptyExactlyForPathologies(DiagnosticClass cls) {
        SyntheticBeat beat = GENERATOR.beat(cls, 99);
        for (float[] lead : beat.mask()) {
            for (float v : lead) {
                assertTrue(v == 0f || v == 1f, "mask value " + v);
            }
        }
        assertEquals(cls == DiagnosticClass.NORM, beat.maskCount() == 0, cls + " mask count " + beat.maskCount());
    }
}
