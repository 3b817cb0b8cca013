package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A claim that holds prints what was checked; one that does not stops the cell, saying what was found. */
class ClaimsTest {
    private static Table models() {
        return Table.create("m", StringColumn.create("task", "LBBB", "AVB1", "LQT"),
                LongColumn.create("seed", 1, 2, 1), DoubleColumn.create("test_auroc", 0.99, 0.93, 0.97));
    }

    @Test
    void aHoldingClaimSaysWhatWasChecked() {
        assertEquals("checked: all 3 rows have test_auroc >= 0.9 (lowest 0.9300, AVB1 2)",
                Claims.allAtLeast(models(), "test_auroc", 0.9, "task", "seed"));
        assertEquals("checked: pooled mean lies in [0.1, 0.8] (0.3312)", Claims.between("pooled mean", 0.33115, 0.1, 0.8));
        assertEquals("checked: max delta is below 1.0E-6 (2.000e-09)", Claims.below("max delta", 2e-9, 1e-6));
        assertEquals("checked: x (y)", Claims.check(true, "x", "y"));
    }

    @Test
    void aFailingClaimNamesTheRowsAndValues() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Claims.allAtLeast(models(), "test_auroc", 0.95, "task", "seed"));
        assertEquals("claim failed: all 3 rows have test_auroc >= 0.95; found 1 below: [AVB1 2 0.9300]", e.getMessage());
        e = assertThrows(AssertionError.class, () -> Claims.between("pooled mean", 0.9, 0.1, 0.8));
        assertEquals("claim failed: pooled mean lies in [0.1, 0.8]; found 0.9000", e.getMessage());
        assertThrows(AssertionError.class, () -> Claims.below("x", Double.NaN, 1));
        assertThrows(AssertionError.class, () -> Claims.between("x", Double.NaN, 0, 1));
        assertThrows(AssertionError.class, () -> Claims.allAtLeast(models().emptyCopy(), "test_auroc", 0.5));
    }

    @Test
    void intervalsApart() {
        assertTrue(Claims.intervalAbove("a", 0.5, 0.7, "b", 0.1, 0.3).startsWith("checked"));
        AssertionError e = assertThrows(AssertionError.class, () -> Claims.intervalAbove("a", 0.25, 0.7, "b", 0.1,
                0.3));
        assertTrue(e.getMessage().contains("a [0.2500, 0.7000], b [0.1000, 0.3000]"), e.getMessage());
        assertThrows(AssertionError.class, () -> Claims.intervalAbove("a", Double.NaN, 1, "b", 0, 0.1));
    }
}
