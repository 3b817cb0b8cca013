package org.ecglab.plot;

import java.awt.Color;
import java.util.Arrays;

/**
 * A piecewise-linear colour map over a normalised value: {@code [-1, 1]} for a diverging map (signed attribution,
 * correlations), {@code [0, 1]} for a sequential one (absolute attribution). Values outside are clipped, so a map
 * scaled by a robust maximum shows outliers at full colour instead of washing out the rest.
 *
 * <p>Anchor colours follow ColorBrewer's RdBu and YlOrRd (Harrower &amp; Brewer 2003), with the centre replaced by a
 * light grey so a trace with zero attribution stays visible on a white background.
 */
public final class ColorMap {
    /** Neutral colour at zero for both built-in maps. */
    public static final Color NEUTRAL = new Color(185, 185, 185);

    /** Blue (negative) – light grey (zero) – red (positive), over {@code [-1, 1]}. */
    public static final ColorMap DIVERGING = new ColorMap(
            new double[] {-1, -0.5, 0, 0.5, 1},
            new Color[] {new Color(33, 102, 172), new Color(103, 169, 207), NEUTRAL,
                new Color(239, 138, 98), new Color(178, 24, 43)});

    /** Light grey (zero) – orange – dark red (largest), over {@code [0, 1]}. */
    public static final ColorMap SEQUENTIAL = new ColorMap(
            new double[] {0, 0.35, 0.7, 1},
            new Color[] {NEUTRAL, new Color(253, 174, 97), new Color(215, 48, 31), new Color(127, 0, 0)});

    private final double[] positions;
    private final Color[] colors;

    /**
     * @param positions strictly increasing anchor positions
     * @param colors    colour at each anchor
     */
    public ColorMap(double[] positions, Color[] colors) {
        if (positions.length < 2 || positions.length != colors.length) {
            throw new IllegalArgumentException("need at least two anchors and one colour per anchor, got "
                    + positions.length + " positions and " + colors.length + " colours");
        }
        for (int i = 1; i < positions.length; i++) {
            if (!(positions[i] > positions[i - 1])) {
                throw new IllegalArgumentException("anchor positions must increase: " + Arrays.toString(positions));
            }
        }
        this.positions = positions.clone();
        this.colors = colors.clone();
    }

    /** Lowest normalised value (colour of everything below). */
    public double min() {
        return positions[0];
    }

    /** Highest normalised value (colour of everything above). */
    public double max() {
        return positions[positions.length - 1];
    }

    /** Colour of normalised value {@code v}, clipped to {@code [min(), max()]}; NaN is rejected. */
    public Color at(double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("cannot map NaN to a colour");
        }
        if (v <= positions[0]) {
            return colors[0];
        }
        for (int i = 1; i < positions.length; i++) {
            if (v <= positions[i]) {
                double f = (v - positions[i - 1]) / (positions[i] - positions[i - 1]);
                return mix(colors[i - 1], colors[i], f);
            }
        }
        return colors[colors.length - 1];
    }

    /** Colour of a raw value {@code x} on a scale where {@code lo} maps to {@link #min()} and {@code hi} to {@link #max()}. */
    public Color at(double x, double lo, double hi) {
        return at(min() + (x - lo) / (hi - lo) * (max() - min()));
    }

    private static Color mix(Color a, Color b, double f) {
        return new Color(
                (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** Relative luminance (ITU-R BT.709 weights on sRGB, 0..1), used to pick black or white text on a colour. */
    static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255.0;
    }
}
