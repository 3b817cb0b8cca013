package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecglab.stats.Holm;
import org.ecglab.stats.PairedTest;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Paired comparisons of methods: the tests and the correction against direct computation, and the claim check. */
class MethodComparisonsTest {
    /** Eight ECGs; a is b plus the hand example's differences, c equals b. */
    private static Table scores() {
        double[] b = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
        double[] d = {1.5, -0.5, 2, 3, 4, -1, 2.5, 5};
        Table t = Table.create("scores", StringColumn.create("ecg_id"), StringColumn.create("method"),
                DoubleColumn.create("score"));
        for (int e = 0; e < 8; e++) {
            for (String m : List.of("a", "b", "c")) {
                t.stringColumn("ecg_id").append("e" + e);
                t.stringColumn("method").append(m);
                t.doubleColumn("score").append(m.equals("a") ? b[e] + d[e] : b[e]);
            }
        }
        return t;
    }

    @Test
    void pairwiseTestsAreWilcoxonWithHolm() {
        Table cmp = MethodComparisons.pairwise(scores(), List.of("ecg_id"), "method", "score", List.of("a", "b", "c"),
                0.05);
        assertEquals(3, cmp.rowCount());
        // a vs b and a vs c: the hand example, p = 10/256 each (exact); b vs c: all pairs equal, p = 1.
        double exact = 10.0 / 256;
        double[] holm = Holm.adjust(new double[] {exact, exact, 1.0});
        assertEquals(exact, cmp.doubleColumn("p").get(0), 1e-9);
        assertEquals(holm[0], cmp.doubleColumn("p_holm").get(0), 1e-12);
        assertEquals(3 * exact, holm[0], 1e-12); // 0.117: not significant after correcting for three comparisons
        assertEquals(MethodComparisons.NONE, cmp.stringColumn("higher").get(0));
        assertEquals(MethodComparisons.NONE, cmp.stringColumn("higher").get(2));
        // With one comparison only, a beats b at 0.05.
        Table one = MethodComparisons.pairwise(scores(), List.of("ecg_id"), "method", "score", List.of("a", "b"),
                0.05);
        assertEquals("a", one.stringColumn("higher").get(0));
        assertTrue(Claims.higher(one, "a", "b", "score").startsWith("checked"));
        AssertionError e = assertThrows(AssertionError.class, () -> Claims.higher(one, "b", "a", "score"));
        assertTrue(e.getMessage().contains("median of b - a = -"), e.getMessage());
        assertThrows(AssertionError.class, () -> Claims.higher(cmp, "a", "b", "score"));
        PairedTest direct = PairedTest.wilcoxon(new double[] {1.6, -0.3, 2.3, 3.4, 4.5, -0.4, 3.2, 5.8},
                new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8});
        assertEquals(direct.p(), one.doubleColumn("p").get(0), 1e-12);
    }

    @Test
    void againstAReferenceAndMissingMethods() {
        Table vs = MethodComparisons.againstReference(scores(), List.of("ecg_id"), "method", "score",
                List.of("a", "b", "c"), "c", 0.05);
        assertEquals(List.of("a", "b"), vs.stringColumn("method_a").asList());
        // Two tests (a vs c: p = 10/256; b vs c: p = 1): Holm doubles the smaller, 0.078 > 0.05.
        assertEquals(2 * 10.0 / 256, vs.doubleColumn("p_holm").get(0), 1e-12);
        assertEquals(MethodComparisons.NONE, vs.stringColumn("higher").get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MethodComparisons
                .againstReference(scores(), List.of("ecg_id"), "method", "score", List.of("a", "z"), "c", 0.05));
        assertTrue(e.getMessage().contains("method z"), e.getMessage());
    }

    @Test
    void withinGroupsTestsEachGroupAndCorrectsOverThem() {
        // Two groups ("x", "y"), each with a and c of the hand example: p = 10/256 in each, Holm doubles it.
        Table t = scores();
        t = t.where(t.stringColumn("method").isNotEqualTo("b"));
        Table both = t.copy();
        both.addColumns(StringColumn.create("group", java.util.Collections.nCopies(both.rowCount(), "x")));
        Table other = t.copy();
        other.addColumns(StringColumn.create("group", java.util.Collections.nCopies(other.rowCount(), "y")));
        both.append(other);
        Table cmp = MethodComparisons.withinGroups(both, List.of("group"), List.of("ecg_id"), "method", "score", "a",
                "c", 0.05);
        assertEquals(List.of("x", "y"), cmp.stringColumn("group").asList());
        assertEquals(10.0 / 256, cmp.doubleColumn("p").get(0), 1e-12);
        assertEquals(20.0 / 256, cmp.doubleColumn("p_holm").get(1), 1e-12);
        assertEquals(MethodComparisons.NONE, cmp.stringColumn("higher").get(0));
        assertThrows(IllegalArgumentException.class, () -> MethodComparisons.row(cmp, "a", "c"));
    }
}
