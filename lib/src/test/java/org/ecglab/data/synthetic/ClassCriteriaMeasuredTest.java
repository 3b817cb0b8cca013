package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.Lead;
import org.junit.jupiter.api.Test;

/**
 * Measures every noise-free beat of the full-size dataset with {@link BeatMeasurements}: the designed severities and
 * intervals are the measured ones and the amplitudes are physiological. That the labels are the criteria measured on
 * the beats is {@link ClassCriteriaDatasetTest}'s.
 */
class ClassCriteriaMeasuredTest {
    private static final SyntheticConfig NOISE_FREE = SyntheticConfig.noiseFree();

    private static BeatMeasurements measure(float[][] ecg, SyntheticBeat beat) {
        return new BeatMeasurements(ecg, beat.patient().rrMs());
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
