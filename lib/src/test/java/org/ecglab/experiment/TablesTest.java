package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesTest {
    @Test
    void roundsPrintingButKeepsValues() {
        Table t = Table.create("t", StringColumn.create("task", "LBBB"),
                DoubleColumn.create("auroc", new double[] {0.987654321}));
        String printed = Tables.rounded(t, 3).print();
        assertTrue(printed.contains("0.988"), printed);
        assertFalse(printed.contains("0.9876"), printed);
        assertEquals(0.987654321, t.doubleColumn("auroc").get(0));
    }

    @Test
    void rejectsNegativeDigits() {
        assertThrows(IllegalArgumentException.class, () -> Tables.rounded(Table.create("t"), -1));
    }
}
