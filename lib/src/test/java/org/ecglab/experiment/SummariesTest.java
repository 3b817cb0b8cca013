package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Group means count undefined scores apart, pool over tasks, and rows are selected by value. */
class SummariesTest {
    @Test
    void undefinedScoresAreCountedNotAveraged() {
        Table rows = Table.create("r", StringColumn.create("task", List.of("A", "A", "A", "B")),
                StringColumn.create("method", List.of("m", "m", "m", "m")),
                DoubleColumn.create("score", new double[] {0.2, Double.NaN, 0.4, 0.9}));
        Table s = Summaries.meanByGroup(rows, List.of("task", "method"), "task", "score", 100, 1, "s");
        assertEquals(List.of("A", "B", Summaries.POOLED), s.stringColumn("task").asList());
        assertEquals(0.3, Summaries.value(s, "mean", "task", "A"), 1e-12);
        assertEquals(1, Summaries.value(s, "n_undefined", "task", "A"), 0);
        assertEquals(1.5 / 3, Summaries.value(s, "mean", "task", Summaries.POOLED), 1e-12);
        assertEquals(3, Summaries.value(s, "n", "task", Summaries.POOLED), 0);
        assertThrows(IllegalArgumentException.class, () -> Summaries.value(s, "mean", "task", "C"));
        assertThrows(IllegalArgumentException.class, () -> Summaries.meanByGroup(rows, List.of("task"), "method",
                "score", 10, 1, "s"));
    }
}
