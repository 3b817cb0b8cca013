package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.Lead;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The morphology each class's model promises (written beside it in {@link ConductionPathologies} and
 * {@link MyocardialPathologies}, after the AHA/ACCF/HRS 2009 recommendations and the Fourth Universal Definition of
 * MI), measured like an ECG reader on every beat of the full-size dataset, noise-free and with the default
 * measurement noise (read after a 10 ms moving average, {@link BeatMeasurements#ofNoisy}). Borderline findings (an
 * incomplete block, sub-threshold ST elevation) must have the same shape as positive ones.
 */
class ClassMorphologyTest {
    /** No pause inside any QRS: all 12 leads within ±0.05 mV of baseline for at most 4 ms. */
    static final double ISOELECTRIC_MV = 0.05;
    static final double LONGEST_PAUSE_MS = 4;
    /** An LBBB notch keeps the R at least half as high as its smaller peak; V1's QS is one smooth trough. */
    static final double LBBB_LATERAL_DIP = 0.5;
    static final double LBBB_V1_DIP = 0.9;
    /** An ST-T hump counts when it stands out by this much (noise-free, noisy), mV. */
    static final double HUMP_MV_CLEAN = 0.02;
    static final double HUMP_MV_NOISY = 0.1;

    private static SyntheticConfig config(boolean noisy) {
        return noisy ? SyntheticConfig.defaults() : SyntheticConfig.noiseFree();
    }

    private static BeatMeasurements read(SyntheticBeat beat, boolean noisy) {
        return noisy ? BeatMeasurements.ofNoisy(beat.signal(), beat.patient().rrMs())
                : new BeatMeasurements(beat.signal(), beat.patient().rrMs());
    }

    private static List<Finding> of(SyntheticDatasetBuilder.PlannedRecord r, DiagnosticClass c) {
        return r.findings().stream().filter(f -> f.cls() == c).toList();
    }

    private static void assertNone(List<String> failures) {
        assertTrue(failures.isEmpty(), failures.size() + " beats, e.g. " + failures.subList(0,
                Math.min(10, failures.size())));
    }

    /** Every beat of every class: the QRS runs without a pause (the old RBBB stopped between R and R'). */
    @ParameterizedTest(name = "noisy={0}")
    @ValueSource(booleans = {false, true})
    void noQrsPausesAtTheBaseline(boolean noisy) {
        List<String> failures = new ArrayList<>();
        FullSizeData.forEachBeat(config(noisy), (r, beat) -> {
            double pause = ShapeMeasurements.isoelectricStretchMs(read(beat, noisy), ISOELECTRIC_MV);
            if (pause > LONGEST_PAUSE_MS) {
                failures.add(r.findings() + " seed " + r.seed() + ": " + pause + " ms isoelectric inside the QRS");
            }
        });
        assertNone(failures);
    }

    /**
     * LBBB (AHA/ACCF/HRS 2009): a broad R in I, aVL, V5, V6, slurred or notched with the notch staying high, peaking
     * late (R peak time &gt; 60 ms in V5 and V6 for a complete block), and one smooth, deep QS or rS in V1.
     */
    @ParameterizedTest(name = "noisy={0}")
    @ValueSource(booleans = {false, true})
    void lbbbHasABroadNotchedRAndASmoothQsInV1(boolean noisy) {
        List<String> failures = new ArrayList<>();
        int[] seen = {0};
        FullSizeData.forEachBeat(config(noisy), (r, beat) -> {
            for (Finding f : of(r, DiagnosticClass.LBBB)) {
                seen[0]++;
                BeatMeasurements m = read(beat, noisy);
                String where = f + " seed " + r.seed();
                for (Lead l : List.of(Lead.I, Lead.AVL, Lead.V5, Lead.V6)) {
                    double dip = ShapeMeasurements.dipRatio(m, l, m.qrsOnset, m.qrsOffset, 1, 0.1);
                    if (dip < LBBB_LATERAL_DIP) {
                        failures.add(where + ": notch of R in " + l + " falls to " + dip + " of its smaller peak");
                    }
                }
                double v1 = ShapeMeasurements.dipRatio(m, Lead.V1, m.qrsOnset, m.qrsOffset, -1, 0.1);
                if (v1 < LBBB_V1_DIP) {
                    failures.add(where + ": QS in V1 is notched, trough ratio " + v1);
                }
                if (f.meetsCriterion()) {
                    for (Lead l : List.of(Lead.V5, Lead.V6)) {
                        double rpt = ShapeMeasurements.rPeakTimeMs(m, l);
                        if (rpt <= 60) {
                            failures.add(where + ": R peak time in " + l + " " + rpt + " ms");
                        }
                    }
                }
            }
        });
        assertTrue(seen[0] > 250, "only " + seen[0] + " LBBB findings");
        assertNone(failures);
    }

    /**
     * RBBB (AHA/ACCF/HRS 2009): rsR′ in V1 or V2 for complete and incomplete blocks alike, and R peak time &gt;
     * 50 ms in V1 for a complete block.
     */
    @ParameterizedTest(name = "noisy={0}")
    @ValueSource(booleans = {false, true})
    void rbbbHasRsrPrimeWithALateR(boolean noisy) {
        List<String> failures = new ArrayList<>();
        FullSizeData.forEachBeat(config(noisy), (r, beat) -> {
            for (Finding f : of(r, DiagnosticClass.RBBB)) {
                BeatMeasurements m = read(beat, noisy);
                if (!m.hasRsrPrime(Lead.V1) && !m.hasRsrPrime(Lead.V2)) {
                    failures.add(f + " seed " + r.seed() + ": no rsR' in V1 or V2");
                }
                if (f.meetsCriterion() && ShapeMeasurements.rPeakTimeMs(m, Lead.V1) <= 50) {
                    failures.add(f + " seed " + r.seed() + ": R peak time in V1 "
                            + ShapeMeasurements.rPeakTimeMs(m, Lead.V1) + " ms");
                }
            }
        });
        assertNone(failures);
    }

    /**
     * ASTE (Fourth Universal Definition of MI): the ST segment is raised at the J point itself (noise-free: to the
     * designed severity within {@link ClassCriteria#tolerance}; noisy: by at least 0.1 mV in V2 and V3 for every
     * positive) and rises into the T wave as one hump in V2, V3 and V4, never a dome separate from T.
     */
    @ParameterizedTest(name = "noisy={0}")
    @ValueSource(booleans = {false, true})
    void asteRaisesTheJPointIntoOneStTHump(boolean noisy) {
        List<String> failures = new ArrayList<>();
        FullSizeData.forEachBeat(config(noisy), (r, beat) -> {
            for (Finding f : of(r, DiagnosticClass.ASTE)) {
                BeatMeasurements m = read(beat, noisy);
                String where = f + " seed " + r.seed();
                double j = Math.min(m.stJMv(Lead.V2), m.stJMv(Lead.V3));
                boolean raised = noisy ? !f.meetsCriterion() || j >= 0.1
                        : Math.abs(j - f.severity()) <= ClassCriteria.tolerance(DiagnosticClass.ASTE);
                if (!raised) {
                    failures.add(where + ": ST at the J point " + j + " mV");
                }
                for (Lead l : List.of(Lead.V2, Lead.V3, Lead.V4)) {
                    int humps = ShapeMeasurements.stTHumps(m, l, noisy ? HUMP_MV_NOISY : HUMP_MV_CLEAN);
                    if (humps != 1) {
                        failures.add(where + ": " + humps + " ST-T humps in " + l);
                    }
                }
            }
        });
        assertNone(failures);
    }

    /** The shape measurements themselves on hand-made beats: a pause, a notch, two humps. */
    @org.junit.jupiter.api.Test
    void shapeMeasurementsFindWhatTheyShould() {
        // Every lead: an R of 1 mV over samples 200-220, back to 0 for samples 220-231, an R' of 0.8 mV 231-250.
        float[][] paused = new float[12][600];
        // Every lead: the same two peaks overlapping, the signal falling only to 0.3 mV between them.
        float[][] notched = new float[12][600];
        for (int l = 0; l < 12; l++) {
            for (int t = 200; t <= 250; t++) {
                double r = t <= 220 ? Math.sin(Math.PI * (t - 200) / 20.0) : 0;
                double rPrime = t >= 231 ? 0.8 * Math.sin(Math.PI * (t - 231) / 19.0) : 0;
                paused[l][t] = (float) (r + rPrime);
                double a = Math.exp(-0.5 * Math.pow((t - 212) / 4.0, 2));
                double b = 0.8 * Math.exp(-0.5 * Math.pow((t - 232) / 4.0, 2));
                notched[l][t] = (float) (a + b + 0.3 * Math.exp(-0.5 * Math.pow((t - 222) / 8.0, 2)));
            }
        }
        BeatMeasurements p = new BeatMeasurements(paused, 1000);
        assertEquals(200, p.qrsOnset, 2);
        // samples 220..231 lie within 0.05 mV of 0: 12 samples = 24 ms
        assertEquals(24, ShapeMeasurements.isoelectricStretchMs(p, 0.05), 4);
        assertEquals(2, ShapeMeasurements.humps(p, Lead.I, 190, 260, 0.1));
        assertEquals(1, ShapeMeasurements.humps(p, Lead.I, 190, 225, 0.1));
        // R and R' are separate deflections here, so neither is notched
        assertEquals(1, ShapeMeasurements.dipRatio(p, Lead.I, 190, 260, 1, 0.1));
        BeatMeasurements n = new BeatMeasurements(notched, 1000);
        assertEquals(0, ShapeMeasurements.isoelectricStretchMs(n, 0.05));
        double dip = ShapeMeasurements.dipRatio(n, Lead.I, 190, 260, 1, 0.1);
        assertTrue(dip > 0.3 && dip < 0.6, "dip " + dip);
    }
}
