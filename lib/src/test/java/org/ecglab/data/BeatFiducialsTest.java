package org.ecglab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BeatFiducialsTest {
    @Test
    void intervalsInMillisecondsAndAbsentPointsGiveNaN() {
        BeatFiducials f = new BeatFiducials(100, 180, 225, 380, 820);
        assertEquals(160, f.prMs());
        assertEquals(90, f.qrsMs());
        assertEquals(400, f.qtMs());
        assertTrue(f.complete());
        BeatFiducials noP = new BeatFiducials(BeatFiducials.ABSENT, 180, 225, 380, Double.NaN);
        assertTrue(Double.isNaN(noP.prMs()));
        assertEquals(90, noP.qrsMs());
        assertFalse(noP.complete());
        assertEquals("BeatFiducials[P onset absent, QRS 360 ms-450 ms, T end 760 ms, RR absent]", noP.toString());
        assertFalse(BeatFiducials.NONE.complete());
    }

    @Test
    void pointsOutsideTheBeatOrOutOfOrderAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BeatFiducials(-2, 180, 225, 380, 800));
        assertThrows(IllegalArgumentException.class, () -> new BeatFiducials(100, 180, 225, 600, 800));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BeatFiducials(100, 180, 180, 380, 800));
        assertEquals("QRS offset (180) must come after QRS onset (180)", e.getMessage());
        // order is checked across an absent point too
        assertThrows(IllegalArgumentException.class,
                () -> new BeatFiducials(200, BeatFiducials.ABSENT, 150, 380, 800));
        assertThrows(IllegalArgumentException.class, () -> new BeatFiducials(100, 180, 225, 380, 0));
    }
}
