package org.ecglab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FiducialsTest {
    @Test
    void intervalsInMillisecondsAndAbsentPoints() {
        Fiducials f = new Fiducials(100, 180, 225, 400);
        assertEquals(160, f.prMs());
        assertEquals(90, f.qrsMs());
        assertEquals(440, f.qtMs());
        Fiducials partial = new Fiducials(Fiducials.ABSENT, 180, 225, Fiducials.ABSENT);
        assertTrue(Double.isNaN(partial.prMs()));
        assertEquals(90, partial.qrsMs());
        assertTrue(Double.isNaN(partial.qtMs()));
        assertTrue(Double.isNaN(Fiducials.NONE.qrsMs()));
        assertArrayEquals(new int[] {100, 180, 225, 400}, f.toArray());
        assertEquals(f, Fiducials.of(f.toArray()));
    }

    @Test
    void fromMillisecondsRoundsToTheNearestSample() {
        assertEquals(new Fiducials(100, 175, 221, 400), Fiducials.ofMs(200.9, 349.2, 441, 800));
        assertEquals(new Fiducials(Fiducials.ABSENT, 175, 221, Fiducials.ABSENT),
                Fiducials.ofMs(Double.NaN, 350, 442, Double.NaN));
    }

    @Test
    void pointsOutsideTheBeatOrOutOfOrderAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Fiducials(-2, 1, 2, 3));
        assertTrue(e.getMessage().startsWith("p_onset -2 is neither a sample index"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Fiducials(1, 2, 3, 600));
        assertTrue(e.getMessage().startsWith("t_end 600"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Fiducials(100, 90, 120, 300));
        assertTrue(e.getMessage().contains("out of order: qrs_onset 90"), e.getMessage());
        // Absent points do not take part in the order.
        assertEquals(300, new Fiducials(100, Fiducials.ABSENT, Fiducials.ABSENT, 300).tEnd());
        assertThrows(IllegalArgumentException.class, () -> Fiducials.of(new int[] {1, 2, 3}));
    }
}
