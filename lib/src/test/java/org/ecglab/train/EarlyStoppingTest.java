package org.ecglab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
    @Test
    void stopsPatienceEpochsAfterTheBestAndKeepsIt() {
        EarlyStopping s = new EarlyStopping(2);
        assertTrue(s.record(0.60));
        assertTrue(s.record(0.40));
        assertFalse(s.record(0.45));
        assertFalse(s.shouldStop());
        assertFalse(s.record(0.40)); // equal is no improvement
        assertTrue(s.shouldStop());
        assertEquals(2, s.bestEpoch());
        assertEquals(0.40, s.bestLoss());
        assertEquals(4, s.epochs());
    }

    @Test
    void improvementResetsThePatience() {
        EarlyStopping s = new EarlyStopping(2);
        s.record(0.5);
        s.record(0.6);
        assertTrue(s.record(0.1));
        s.record(0.2);
        assertFalse(s.shouldStop());
        assertEquals(3, s.bestEpoch());
    }

    @Test
    void rejectsBadPatienceAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(3).record(Double.NaN));
    }
}
