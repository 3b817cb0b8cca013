package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
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

    @Test
    void labelsAreOneHotWithPerClassRecordsEach() {
        int[] perClass = new int[DiagnosticClass.ALL.size()];
        for (int i = 0; i < DATA.size(); i++) {
            int hot = 0;
            for (DiagnosticClass c : DiagnosticClass.ALL) {
                if (DATA.hasLabel(i, c)) {
                    hot++;
                    perClass[c.ordinal()]++;
                }
            }
            assertEquals(1, hot, "record " + i);
        }
        int[] ten = new int[perClass.length];
        Arrays.fill(ten, 10);
        assertTrue(Arrays.equals(ten, perClass), Arrays.toString(perClass));
    }

    @Test
    void masksAreEmptyExactlyForNormalRecords() {
        for (int i = 0; i < DATA.size(); i++) {
            boolean empty = Arrays.stream(DATA.mask(i)).allMatch(l -> {
                for (float v : l) {
                    if (v != 0) {
                        return false;
                    }
                }
                return true;
            });
            assertEquals(DATA.hasLabel(i, DiagnosticClass.NORM), empty, DATA.ids().get(i));
        }
    }

    @Test
    void splitsAreStratifiedSixtyTwentyTwenty() {
        Map<Split, Map<DiagnosticClass, Integer>> counts = DATA.classCounts();
        for (DiagnosticClass c : DiagnosticClass.ALL) {
            assertEquals(6, counts.get(Split.TRAIN).get(c), c + " train");
            assertEquals(2, counts.get(Split.VALIDATION).get(c), c + " validation");
            assertEquals(2, counts.get(Split.TEST).get(c), c + " test");
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
        // Unshuffled, the first ten records would all be NORM.
        long normalsInFirstTen = java.util.stream.IntStream.range(0, 10)
                .filter(i -> DATA.hasLabel(i, DiagnosticClass.NORM)).count();
        assertTrue(normalsInFirstTen < 10);
    }

    @Test
    void deterministicForASeedAndDifferentForAnother() {
        EcgDataset again = GENERATOR.dataset(10, 1);
        assertTrue(Arrays.deepEquals(DATA.signals(), again.signals()));
        assertEquals(DATA.ids(), again.ids());
        for (int i = 0; i < DATA.size(); i++) {
            assertEquals(DATA.split(i), again.split(i));
            assertTrue(Arrays.equals(DATA.labels(i), again.labels(i)));
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
