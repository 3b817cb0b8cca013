package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labels are true on every beat of a full-size dataset: the notebooks' data ({@code dataset(300, 1)}, 2,700
 * ECGs, as {@code LabDefaults} makes it at full size), each beat measured back from its noise-free signal with
 * {@link BeatMeasurements} and read against every class's criterion ({@link DiagnosticClass#criterion()}, evaluated
 * by {@link ClassCriteria}). Severities are spread up to the thresholds on purpose, so a reading within
 * {@link ClassCriteria#tolerance} of a threshold may go either way; everywhere else the record's labels before label
 * noise and the reading agree, and the same patient without any finding meets only NORM's criterion. The beats are
 * regenerated one at a time from the dataset's plan; that they are the dataset's own beats is checked first, signal
 * for signal.
 */
class ClassCriteriaDatasetTest {
    private static final SyntheticEcgGenerator GENERATOR = new SyntheticEcgGenerator(SyntheticConfig.defaults());
    private static EcgDataset data;

    @BeforeAll
    static void generate() {
        data = GENERATOR.dataset(FullSizeData.PER_CLASS, FullSizeData.SEED);
    }

    @Test
    void theRegeneratedBeatsAreTheDatasetsOwn() {
        assertEquals(data.size(), FullSizeData.PLAN.size());
        int[] i = {0};
        List<String> failures = new ArrayList<>();
        FullSizeData.forEachBeat(SyntheticConfig.defaults(), (r, beat) -> {
            int k = i[0]++;
            if (!Arrays.deepEquals(beat.signal(), data.signal(k)) || !Arrays.equals(beat.labels(), data.trueLabels(k))
                    || r.split() != data.split(k) || !beat.fiducials().equals(data.beatFiducials(k))) {
                failures.add(data.ids().get(k));
            }
        });
        assertTrue(failures.isEmpty(), failures.size() + " records differ from their regenerated beats, e.g. "
                + failures.subList(0, Math.min(10, failures.size())));
    }

    @Test
    void everyBeatMeetsTheCriteriaOfItsLabels() {
        List<String> failures = new ArrayList<>();
        int[] checked = new int[DiagnosticClass.ALL.size()];
        int[] k = {0};
        FullSizeData.forEachBeat(SyntheticConfig.noiseFree(), (r, beat) -> {
            boolean[] labels = data.trueLabels(k[0]++);
            BeatMeasurements m = new BeatMeasurements(beat.cleanSignal(), beat.patient().rrMs());
            for (DiagnosticClass c : DiagnosticClass.ALL) {
                boolean atThreshold = c == DiagnosticClass.NORM ? ClassCriteria.normalIsBorderline(m)
                        : ClassCriteria.near(ClassCriteria.keyQuantity(c, m), SeverityScale.of(c).threshold(),
                                ClassCriteria.tolerance(c));
                if (atThreshold) {
                    continue;
                }
                checked[c.ordinal()]++;
                if (ClassCriteria.meets(c, m) != labels[c.ordinal()]) {
                    failures.add(r.findings() + " seed " + r.seed() + ": " + c + " criterion (" + c.criterion()
                            + ") " + (labels[c.ordinal()] ? "not met" : "met"));
                }
            }
        });
        assertTrue(failures.isEmpty(), failures.size() + " beat x criterion checks fail, e.g. "
                + failures.subList(0, Math.min(10, failures.size())));
        for (DiagnosticClass c : DiagnosticClass.ALL) {
            // Borderline cases lie near the thresholds by design, but most beats must be decided by the reading.
            assertTrue(checked[c.ordinal()] >= 0.8 * data.size(), c + " checked on only " + checked[c.ordinal()]
                    + " beats");
        }
    }

    @Test
    void everyPatientWithoutTheFindingsMeetsOnlyNorm() {
        List<String> failures = new ArrayList<>();
        FullSizeData.forEachBeat(SyntheticConfig.noiseFree(), (r, beat) -> {
            BeatMeasurements m = new BeatMeasurements(beat.cleanWithoutPathology(), beat.patient().rrMs());
            for (DiagnosticClass c : DiagnosticClass.ALL) {
                if (ClassCriteria.meets(c, m) != (c == DiagnosticClass.NORM)) {
                    failures.add(r.findings() + " seed " + r.seed() + " without findings: " + c);
                }
            }
        });
        assertTrue(failures.isEmpty(), failures.size() + " failures, e.g. "
                + failures.subList(0, Math.min(10, failures.size())));
    }
}
