package org.ecglab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class ColorMapTest {
    @Test
    void divergingMapHitsItsAnchorsAndInterpolatesLinearly() {
        assertEquals(new Color(33, 102, 172), ColorMap.DIVERGING.at(-1));
        assertEquals(ColorMap.NEUTRAL, ColorMap.DIVERGING.at(0));
        assertEquals(new Color(178, 24, 43), ColorMap.DIVERGING.at(1));
        // halfway between grey (185,185,185) and (239,138,98): (212, 161.5, 141.5), rounded half up
        assertEquals(new Color(212, 162, 142), ColorMap.DIVERGING.at(0.25));
    }

    @Test
    void clipsOutsideTheRangeAndMapsRawValues() {
        assertEquals(ColorMap.DIVERGING.at(1), ColorMap.DIVERGING.at(7.5));
        assertEquals(ColorMap.DIVERGING.at(-1), ColorMap.DIVERGING.at(-7.5));
        assertEquals(ColorMap.SEQUENTIAL.at(0), ColorMap.SEQUENTIAL.at(-3));
        // raw 0.75 on [0.5, 1] is normalised 0 of a [-1, 1] map
        assertEquals(ColorMap.NEUTRAL, ColorMap.DIVERGING.at(0.75, 0.5, 1.0));
        assertEquals(ColorMap.SEQUENTIAL.at(0.5), ColorMap.SEQUENTIAL.at(5, 0, 10));
    }

    @Test
    void rejectsNanAndBadAnchors() {
        assertThrows(IllegalArgumentException.class, () -> ColorMap.DIVERGING.at(Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new ColorMap(new double[] {0, 0}, new Color[] {Color.RED, Color.BLUE}));
        assertThrows(IllegalArgumentException.class, () -> new ColorMap(new double[] {0, 1}, new Color[] {Color.RED}));
    }
}
