package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Baselines: zero, one row for all, one per input, a distribution; slicing with chunks; clear errors. */
class BaselinesTest {
    private static final float[][][] THREE = TinyModels.ecgs(3, 4);

    @Test
    void zeroGivesZerosPerInputAndOneRowToDrawFrom() {
        float[][][] z = Baselines.zero().perInput("m", 2);
        assertEquals(2, z.length);
        assertEquals(0f, z[1][11][599]);
        assertEquals(1, Baselines.zero().rowsToDrawFrom("m", 1).length);
        assertEquals("method deeplift_shap needs a distribution of at least 2 baseline ECGs (e.g. training ECGs); "
                + "none was given", assertThrows(IllegalArgumentException.class,
                        () -> Baselines.zero().rowsToDrawFrom("deeplift_shap", 2)).getMessage());
        assertEquals("zero", Baselines.zero().kind());
    }

    @Test
    void oneRowServesAllInputsAndNRowsOneEach() {
        float[][][] one = Baselines.of(new float[][][] {THREE[0]}).perInput("m", 3);
        assertSame(THREE[0], one[2]);
        assertSame(THREE, Baselines.of(THREE).perInput("m", 3));
        assertEquals("method m: 3 baselines for 2 inputs; give 1 or 2",
                assertThrows(IllegalArgumentException.class, () -> Baselines.of(THREE).perInput("m", 2)).getMessage());
        assertEquals("rows", Baselines.of(THREE).kind());
    }

    @Test
    void distributionIsDrawnFromNotPaired() {
        Baselines d = Baselines.distribution(THREE);
        assertSame(THREE, d.rowsToDrawFrom("m", 2));
        assertThrows(IllegalArgumentException.class, () -> d.perInput("m", 3));
        assertSame(d, d.slice(1, 2), "a distribution is the same for every chunk");
        assertEquals("distribution", d.kind());
    }

    @Test
    void perInputRowsAreSlicedWithTheChunks() {
        Baselines s = Baselines.of(THREE).slice(1, 3);
        assertSame(THREE[1], s.rows()[0]);
        assertEquals(2, s.rows().length);
        Baselines one = Baselines.of(new float[][][] {THREE[0]});
        assertSame(one, one.slice(5, 9));
    }

    @Test
    void badRowsAreRefusedWhenBuilt() {
        float[][][] nan = TinyModels.ecgs(1, 1);
        nan[0][4][7] = Float.NaN;
        assertEquals("baseline[0][4][7] is NaN; values must be finite",
                assertThrows(IllegalArgumentException.class, () -> Baselines.of(nan)).getMessage());
        assertEquals("baselines: no rows given",
                assertThrows(IllegalArgumentException.class, () -> Baselines.of(new float[0][][])).getMessage());
    }
}
