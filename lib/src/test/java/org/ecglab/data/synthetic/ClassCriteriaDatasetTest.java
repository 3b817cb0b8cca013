package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labels are true on every beat of a full-size dataset: the notebooks' data ({@code dataset(300, 1)}, 2,700
 * ECGs, as {@code LabDefaults} makes it at full size), each beat measured back from its noise-free signal with
 * {@link BeatMeasurements} and read against every class's criterion ({@link DiagnosticClass#criterion()}, evaluated
 * by {@link ClassCriteria}): a record carries a class exactly when its beat meets that class's criterion, and the
 * same patient without the pathology meets only NORM's. The beats are regenerated from the per-patient seeds the
 * dataset draws; that they are the dataset's own beats is checked first, signal for signal.
 */
class ClassCriteriaDatasetTest {
    private static final int PER_CLASS = 300;
    private static final long SEED = 1;
    private static final SyntheticEcgGenerator GENERATOR = new SyntheticEcgGenerator(SyntheticConfig.defaults());
    private static EcgDataset data;
    private static List<SyntheticBeat> beats;

    @BeforeAll
    static void generate() {
        data = GENERATOR.dataset(PER_CLASS, SEED);
        // The dataset draws one seed per patient from SplittableRandom(seed), class by class, before shuffling.
        SplittableRandom rng = new SplittableRandom(SEED);
        beats = new ArrayList<>();
        for (DiagnosticClass c : DiagnosticClass.ALL) {
            for (int k = 0; k < PER_CLASS; k++) {
                beats.add(GENERATOR.beat(c, rng.nextLong()));
            }
        }
    }

    @Test
    void theRegeneratedBeatsAreTheDatasetsOwn() {
        Map<Integer, List<Integer>> bySignal = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            bySignal.computeIfAbsent(Arrays.deepHashCode(data.signal(i)), h -> new ArrayList<>()).add(i);
        }
        int matched = 0;
        for (SyntheticBeat b : beats) {
            for (int i : bySignal.getOrDefault(Arrays.deepHashCode(b.signal()), List.of())) {
                if (Arrays.deepEquals(b.signal(), data.signal(i)) && data.hasLabel(i, b.diagnosticClass())) {
                    matched++;
                    break;
                }
            }
        }
        assertEquals(data.size(), beats.size());
        assertEquals(data.size(), matched, "beats regenerated from the dataset's patient seeds that are its records");
    }

    @Test
    void everyBeatMeetsExactlyTheCriteriaOfItsLabels() {
        List<String> failures = new ArrayList<>();
        for (SyntheticBeat b : beats) {
            BeatMeasurements m = new BeatMeasurements(b.cleanSignal(), b.patient().rrMs());
            for (DiagnosticClass c : DiagnosticClass.ALL) {
                if (ClassCriteria.meets(c, m) != (c == b.diagnosticClass())) {
                    failures.add(b.diagnosticClass() + " seed " + b.seed() + ": " + c + " criterion ("
                            + c.criterion() + ") " + (c == b.diagnosticClass() ? "not met" : "met"));
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + beats.size() * DiagnosticClass.ALL.size()
                + " beat x criterion checks fail, e.g. " + failures.subList(0, Math.min(10, failures.size())));
    }

    @Test
    void everyPatientWithoutThePathologyMeetsOnlyNorm() {
        List<String> failures = new ArrayList<>();
        for (SyntheticBeat b : beats) {
            BeatMeasurements m = new BeatMeasurements(b.cleanWithoutPathology(), b.patient().rrMs());
            for (DiagnosticClass c : DiagnosticClass.ALL) {
                if (ClassCriteria.meets(c, m) != (c == DiagnosticClass.NORM)) {
                    failures.add(b.diagnosticClass() + " seed " + b.seed() + " without pathology: " + c);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures, e.g. "
                + failures.subList(0, Math.min(10, failures.size())));
    }
}
