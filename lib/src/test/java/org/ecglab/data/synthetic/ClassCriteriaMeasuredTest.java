package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.Lead;
import org.junit.jupiter.api.Test;

/**
 * Measures every noise-free beat of the full-size dataset with {@link BeatMeasurements} and checks the class
 * criteria of {@link DiagnosticClass#criterion()} on what was measured: the labels are what a reader would say.
 * Severities are spread up to the thresholds on purpose, so a reading within {@link ClassCriteria#tolerance} of a
 * threshold may go either way; everywhere else label and reading must agree.
 */
class ClassCriteriaMeasuredTest {
    private static final SyntheticConfig NOISE_FREE = SyntheticConfig.noiseFree();

    private static BeatMeasurements measure(float[][] ecg, SyntheticBeat beat) {
        return new BeatMeasurements(ecg, beat.patient().rrMs());
    }

    /** Each label agrees with the criterion measured on the beat, unless the reading lies at the threshold. */
    @Test
    void labelsAgreeWithTheMeasuredCriteria() {
        List<String> failures = new ArrayList<>();
        int[] checked = new int[DiagnosticClass.ALL.size()];
        FullSizeData.forEachBeat(NOISE_FREE, (r, beat) -> {
            BeatMeasurements m = measure(beat.cleanSignal(), beat);
            for (DiagnosticClass c : DiagnosticClass.ALL) {
                boolean atThreshold = c == DiagnosticClass.NORM ? ClassCriteria.normalIsBorderline(m)
                        : ClassCriteria.near(ClassCriteria.keyQuantity(c, m), SeverityScale.of(c).threshold(),
                                ClassCriteria.tolerance(c));
                if (atThreshold) {
                    continue;
                }
                checked[c.ordinal()]++;
                if (ClassCriteria.meets(c, m) != beat.hasLabel(c)) {
                    failures.add(r.findings() + " seed " + r.seed() + ": " + c + " criterion "
                            + (beat.hasLabel(c) ? "not met" : "met"));
                }
            }
        });
        assertTrue(failures.isEmpty(), failures.size() + " disagreements, e.g. " + failures.subList(0,
                Math.min(10, failures.size())));
        for (DiagnosticClass c : DiagnosticClass.ALL) {
            // Borderline cases lie near the thresholds by design, but most beats must be decided by the reading.
            assertTrue(checked[c.ordinal()] >= 0.8 * FullSizeData.PLAN.size(), c + " checked on only "
                    + checked[c.ordinal()] + " beats");
        }
    }

    /** What the generator designed is what a reader measures: every finding's key quantity within tolerance. */
    @Test
    void designedSeveritiesAreMeasuredBack() {
        List<String> failures = new ArrayList<>();
        FullSizeData.forEachBeat(NOISE_FREE, (r, beat) -> {
            BeatMeasurements m = measure(beat.cleanSignal(), beat);
            for (Finding f : r.findings()) {
                double measured = ClassCriteria.keyQuantity(f.cls(), m);
                if (!ClassCriteria.near(measured, f.severity(), ClassCriteria.tolerance(f.cls()))) {
                    failures.add(f + " seed " + r.seed() + " measured " + measured);
                }
            }
        });
        assertTrue(failures.isEmpty(), failures.size() + " findings off, e.g. " + failures.subList(0,
                Math.min(10, failures.size())));
    }

    /** The same patient without any finding is a normal ECG: it meets NORM and no pathological criterion. */
    @Test
    void pathologyFreeVersionIsNormal() {
        List<String> failures = new ArrayList<>();
        FullSizeData.forEachBeat(NOISE_FREE, (r, beat) -> {
            BeatMeasurements m = measure(beat.cleanWithoutPathology(), beat);
            for (DiagnosticClass c : DiagnosticClass.values()) {
                if (ClassCriteria.meets(c, m) != (c == DiagnosticClass.NORM)) {
                    failures.add("seed " + r.seed() + " without findings: criterion of " + c);
                }
            }
        });
        assertTrue(failures.isEmpty(), failures.toString());
    }

    /**
     * The designed intervals reported in {@link PatientParameters} (and stored as the dataset's fiducial points) agree
     * with what is measured from the signal, so the stored points can be trusted.
     */
    @Test
    void reportedIntervalsMatchMeasuredOnes() {
        List<String> failures = new ArrayList<>();
        FullSizeData.forEachBeat(NOISE_FREE, (r, beat) -> {
            BeatMeasurements m = measure(beat.cleanSignal(), beat);
            PatientParameters p = beat.patient();
            String where = r.findings() + " seed " + r.seed() + " " + p;
            check(failures, where + " PR", p.prMs(), m.prMs(), 10);
            check(failures, where + " QRS", p.qrsMs(), m.qrsMs(), 10);
            check(failures, where + " QT", p.qtMs(), m.qtMs(), r.findings().stream()
                    .anyMatch(f -> f.cls() == DiagnosticClass.ASTE) ? 18 : 8);
            check(failures, where + " QRS onset", p.qrsOnsetMs(), m.qrsOnset * 2.0, 8);
        });
        assertTrue(failures.isEmpty(), failures.size() + " intervals off, e.g. " + failures.subList(0,
                Math.min(10, failures.size())));
    }

    /**
     * Amplitudes are those of real ECGs: the tallest R 0.4–3 mV (LVH up to 5), the largest T 0.1–1 mV, except the
     * flat T waves of borderline lateral inversion (at least 0.03 mV) and the ST-T of anterior injury (up to 1.6 mV,
     * the hyperacute T wave riding on the raised ST segment).
     */
    @Test
    void amplitudesArePhysiological() {
        List<String> failures = new ArrayList<>();
        FullSizeData.forEachBeat(NOISE_FREE, (r, beat) -> {
            BeatMeasurements m = measure(beat.cleanSignal(), beat);
            double maxR = Lead.STANDARD_ORDER.stream().mapToDouble(m::rMv).max().orElseThrow();
            double maxT = Lead.STANDARD_ORDER.stream().mapToDouble(l -> Math.abs(m.tMv(l))).max().orElseThrow();
            boolean lvh = r.findings().stream().anyMatch(f -> f.cls() == DiagnosticClass.LVH);
            boolean flatT = r.findings().stream().anyMatch(f -> f.cls() == DiagnosticClass.LTWI && !f.meetsCriterion());
            boolean injury = r.findings().stream().anyMatch(f -> f.cls() == DiagnosticClass.ASTE);
            if (!(maxR >= 0.4 && maxR <= (lvh ? 5.0 : 3.0)) || !(maxT >= (flatT ? 0.03 : 0.1) && maxT <= (injury ? 1.6 : 1.0))) {
                failures.add(r.findings() + " seed " + r.seed() + ": max R " + maxR + ", max T " + maxT);
            }
        });
        assertTrue(failures.isEmpty(), failures.size() + " beats, e.g. " + failures.subList(0,
                Math.min(10, failures.size())));
    }

    private static void check(List<String> failures, String what, double designed, double measured, double tol) {
        if (Math.abs(designed - measured) > tol) {
            failures.add(what + ": designed " + designed + ", measured " + measured);
        }
    }
}
