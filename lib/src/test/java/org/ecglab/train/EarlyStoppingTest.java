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
        assertTrue(s.record(0.70));
        assertFalse(s.record(0.65));
        assertFalse(s.shouldStop());
        assertFalse(s.record(0.70)); // equal is no improvement
        assertTrue(s.shouldStop());
        assertEquals(2, s.bestEpoch());
        assertEquals(0.70, s.bestScore());
        assertEquals(4, s.epochs());
    }

    @Test
    void improvementResetsThePatience() {
        EarlyStopping s = new EarlyStopping(2);
        s.record(0.5);
        s.record(0.4);
        assertTrue(s.record(0.9));
        s.record(0.8);
        assertFalse(s.shouldStop());
        assertEquals(3, s.bestEpoch());
    }

    @Test
    void rejectsBadPatienceAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(3).record(Double.NaN));
    }
}
