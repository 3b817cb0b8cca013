package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Split;
import org.junit.jupiter.api.Test;

class SyntheticDatasetTest {
    private static final SyntheticEcgGenerator GENERATOR = new SyntheticEcgGenerator(SyntheticConfig.defaults());
    private static final EcgDataset DATA = GENERATOR.dataset(10, 1);

    @Test
    void shapesNamesAndIds() {
        assertEquals(90, DATA.size());
        assertEquals("synthetic(seed=1, perClass=10)", DATA.name());
        assertEquals("syn-00001", DATA.ids().get(0));
        assertEquals("syn-00090", DATA.ids().get(89));
        assertEquals(90, new HashSet<>(DATA.ids()).size());
        assertTrue(DATA.hasMasks());
        for (int i = 0; i < DATA.size(); i++) {
            assertEquals(EcgFormat.LEADS, DATA.signal(i).length);
            assertEquals(EcgFormat.SAMPLES, DATA.signal(i)[0].length);
            assertEquals(EcgFormat.LEADS, DATA.mask(i).length);
        }
    }

    /** The dataset's records are the plan's, rendered: same labels (before noise), RR and fiducial points. */
    @Test
    void recordsAreThePlannedBeats() {
        List<SyntheticDatasetBuilder.PlannedRecord> plan = SyntheticDatasetBuilder.plan(10, 1);
        assertEquals(DATA.size(), plan.size());
        assertTrue(DATA.hasTrueLabels() && DATA.hasBeatFiducials());
        for (int i = 0; i < DATA.size(); i++) {
            SyntheticDatasetBuilder.PlannedRecord r = plan.get(i);
            SyntheticBeat beat = GENERATOR.beat(r.findings(), r.seed());
            assertTrue(Arrays.deepEquals(beat.signal(), DATA.signal(i)), DATA.ids().get(i));
            assertTrue(Arrays.equals(beat.labels(), DATA.trueLabels(i)), DATA.ids().get(i));
            assertEquals(r.split(), DATA.split(i));
            assertEquals(beat.patient().rrMs(), DATA.beatFiducials(i).rrMs());
            assertEquals(beat.fiducials(), DATA.beatFiducials(i));
            assertTrue(DATA.beatFiducials(i).complete());
        }
    }

    /**
     * Each class's patients: 25 % borderline, the rest positive, 20 % of those with a partner finding; labels are
     * multi-hot, NORM never together with a pathological label (before label noise).
     */
    @Test
    void compositionFollowsThePattern() {
        List<SyntheticDatasetBuilder.PlannedRecord> plan = SyntheticDatasetBuilder.plan(300, 1);
        Map<DiagnosticClass, int[]> kinds = new EnumMap<>(DiagnosticClass.class);
        for (SyntheticDatasetBuilder.PlannedRecord r : plan) {
            int[] k = kinds.computeIfAbsent(r.group(), g -> new int[3]);
            if (r.group() == DiagnosticClass.NORM) {
                assertTrue(r.findings().isEmpty());
                continue;
            }
            Finding main = r.findings().get(0);
            assertEquals(r.group(), main.cls());
            k[main.meetsCriterion() ? (r.findings().size() > 1 ? 1 : 0) : 2]++;
            if (r.findings().size() > 1) {
                assertTrue(r.findings().get(1).meetsCriterion());
                assertTrue(Comorbidities.partners(r.group()).contains(r.findings().get(1).cls()));
            }
        }
        for (DiagnosticClass c : DiagnosticClass.ALL) {
            int[] k = kinds.get(c);
            assertEquals(300, k[0] + k[1] + k[2] + (c == DiagnosticClass.NORM ? 300 : 0), c.id());
            if (c != DiagnosticClass.NORM) {
                assertEquals(75, k[2], c + " borderline");
                assertEquals(Comorbidities.partners(c).isEmpty() ? 0 : 45, k[1], c + " comorbid");
            }
        }
        for (int i = 0; i < DATA.size(); i++) {
            boolean[] t = DATA.trueLabels(i);
            boolean pathological = false;
            for (DiagnosticClass c : DiagnosticClass.ALL) {
                pathological |= c != DiagnosticClass.NORM && t[c.ordinal()];
            }
            assertFalse(pathological && t[DiagnosticClass.NORM.ordinal()], DATA.ids().get(i));
        }
    }

    /** In every split, the first patients of a class are positives: even 5 per class give every task positives. */
    @Test
    void everySplitHasPositivesOfEveryClass() {
        EcgDataset five = GENERATOR.dataset(5, 3);
        for (Split split : Split.values()) {
            for (DiagnosticClass c : DiagnosticClass.ALL) {
                assertTrue(five.positives(split, c).length > 0, split + " " + c);
            }
        }
        assertEquals(SyntheticDatasetBuilder.Kind.POSITIVE, SyntheticDatasetBuilder.kind(0));
        assertEquals(SyntheticDatasetBuilder.Kind.COMORBID, SyntheticDatasetBuilder.kind(1));
        assertEquals(SyntheticDatasetBuilder.Kind.BORDERLINE, SyntheticDatasetBuilder.kind(3));
        assertEquals(SyntheticDatasetBuilder.Kind.BORDERLINE, SyntheticDatasetBuilder.kind(23));
    }

    /** Label noise flips round(2 % of the positives) labels each way per class and split, and nothing else. */
    @Test
    void labelNoiseFlipsTheStatedShareEachWayInEverySplit() {
        EcgDataset big = GENERATOR.dataset(100, 2);
        for (DiagnosticClass c : DiagnosticClass.ALL) {
            long total = 0;
            for (Split split : Split.values()) {
                int positives = 0;
                int lost = 0;
                int gained = 0;
                for (int i : big.indices(split)) {
                    boolean truth = big.trueLabels(i)[c.ordinal()];
                    boolean label = big.hasLabel(i, c);
                    positives += truth ? 1 : 0;
                    lost += truth && !label ? 1 : 0;
                    gained += !truth && label ? 1 : 0;
                }
                long expected = Math.round(0.02 * positives);
                assertEquals(expected, lost, c + " " + split + " positives relabelled negative");
                assertEquals(expected, gained, c + " " + split + " negatives relabelled positive");
                total += expected;
            }
            assertTrue(total > 0, c.id());
        }
        EcgDataset clean = new SyntheticEcgGenerator(SyntheticConfig.defaults().withLabelNoise(0)).dataset(100, 2);
        for (int i = 0; i < clean.size(); i++) {
            assertTrue(Arrays.equals(clean.trueLabels(i), clean.labels(i)));
            assertTrue(Arrays.equals(big.trueLabels(i), clean.labels(i)), "same patients and findings");
        }
    }

    @Test
    void masksAreEmptyExactlyForRecordsWithoutFindings() {
        List<SyntheticDatasetBuilder.PlannedRecord> plan = SyntheticDatasetBuilder.plan(10, 1);
        for (int i = 0; i < DATA.size(); i++) {
            boolean empty = Arrays.stream(DATA.mask(i)).allMatch(l -> {
                for (float v : l) {
                    if (v != 0) {
                        return false;
                    }
                }
                return true;
            });
            assertEquals(plan.get(i).findings().isEmpty(), empty, DATA.ids().get(i));
        }
    }

    @Test
    void splitsAreStratifiedSixtyTwentyTwenty() {
        Map<DiagnosticClass, Map<Split, Integer>> counts = new EnumMap<>(DiagnosticClass.class);
        for (SyntheticDatasetBuilder.PlannedRecord r : SyntheticDatasetBuilder.plan(10, 1)) {
            counts.computeIfAbsent(r.group(), g -> new EnumMap<>(Split.class)).merge(r.split(), 1, Integer::sum);
        }
        for (DiagnosticClass c : DiagnosticClass.ALL) {
            assertEquals(Map.of(Split.TRAIN, 6, Split.VALIDATION, 2, Split.TEST, 2), counts.get(c), c.id());
        }
        // Rounding for sizes that do not divide: 7 → 4 / 1 / 2 (0.6·7 = 4.2, 0.2·7 = 1.4).
        int[] n = new int[3];
        for (int k = 0; k < 7; k++) {
            n[SyntheticDatasetBuilder.splitOf(k, 7).ordinal()]++;
        }
        assertTrue(Arrays.equals(new int[] {4, 1, 2}, n), Arrays.toString(n));
    }

    @Test
    void recordsAreShuffled() {
        // Unshuffled, the first ten records would all have been drawn for NORM.
        List<SyntheticDatasetBuilder.PlannedRecord> plan = SyntheticDatasetBuilder.plan(10, 1);
        assertTrue(plan.subList(0, 10).stream().anyMatch(r -> r.group() != DiagnosticClass.NORM));
    }

    @Test
    void deterministicForASeedAndDifferentForAnother() {
        EcgDataset again = GENERATOR.dataset(10, 1);
        assertTrue(Arrays.deepEquals(DATA.signals(), again.signals()));
        assertEquals(DATA.ids(), again.ids());
        for (int i = 0; i < DATA.size(); i++) {
            assertEquals(DATA.split(i), again.split(i));
            assertTrue(Arrays.equals(DATA.labels(i), again.labels(i)));
            assertTrue(Arrays.equals(DATA.trueLabels(i), again.trueLabels(i)));
            assertTrue(Arrays.deepEquals(DATA.mask(i), again.mask(i)));
        }
        EcgDataset other = GENERATOR.dataset(10, 2);
        assertFalse(Arrays.deepEquals(DATA.signals(), other.signals()));
    }

    @Test
    void badSizesAreRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GENERATOR.dataset(0, 1));
        assertTrue(e.getMessage().contains("perClass"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GENERATOR.dataset(-5, 1));
        e = assertThrows(IllegalArgumentException.class, () -> GENERATOR.dataset(1_200_000, 1));
        assertTrue(e.getMessage().contains("10000000"), e.getMessage());
    }

    @Test
    void tooFewPerClassForThreeNonEmptySplitsIsRejected() {
        // 60/20/20 of 3 rounds to 2/1/0: the test split would silently be empty.
        for (int perClass : new int[] {1, 2, 3, 4}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GENERATOR.dataset(perClass, 1));
            assertTrue(e.getMessage().contains("perClass must be at least 5"), e.getMessage());
            assertTrue(e.getMessage().contains("60/20/20"), e.getMessage());
        }
        // The smallest accepted size: 3/1/1 per class, 27/9/9 over the nine classes.
        Map<Split, Integer> sizes = new EnumMap<>(Split.class);
        EcgDataset five = GENERATOR.dataset(5, 1);
        for (int i = 0; i < five.size(); i++) {
            sizes.merge(five.split(i), 1, Integer::sum);
        }
        assertEquals(Map.of(Split.TRAIN, 27, Split.VALIDATION, 9, Split.TEST, 9), sizes);
    }
}
