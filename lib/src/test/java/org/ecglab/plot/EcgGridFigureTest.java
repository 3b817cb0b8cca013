package org.ecglab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcgGridFigureTest {
    private static final float LEVEL_MV = 0.3f;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** Every lead a flat line at 0.3 mV, so the trace's pixel row is known exactly from the layout. */
    private static float[][] flat() {
        float[][] x = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (float[] lead : x) {
            java.util.Arrays.fill(lead, LEVEL_MV);
        }
        return x;
    }

    /** Lead II: +1 on samples 100..199, -1 on 300..399, +0.5 on 450..549; every other value 0. */
    private static float[][] blocks() {
        float[][] a = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int t = 100; t < 200; t++) {
            a[Lead.II.index()][t] = 1f;
        }
        for (int t = 300; t < 400; t++) {
            a[Lead.II.index()][t] = -1f;
        }
        for (int t = 450; t < 550; t++) {
            a[Lead.II.index()][t] = 0.5f;
        }
        return a;
    }

    @Test
    void rendersTheRequestedSize() {
        BufferedImage big = EcgGridFigure.of(TestBeats.beat()).attribution(TestBeats.qrsAttribution(1), true).render();
        assertEquals(1400, big.getWidth());
        assertEquals(1000, big.getHeight());
        BufferedImage small = EcgGridFigure.of(TestBeats.beat()).size(800, 600).render();
        assertEquals(800, small.getWidth());
        assertEquals(600, small.getHeight());
    }

    @Test
    void signedAttributionColoursTraceRedPositiveBlueNegativeGreyZero() {
        EcgGridFigure fig = EcgGridFigure.of(flat()).attribution(blocks(), true).grid(false);
        // 300 of 7200 |a| values are >= 0.5 and 200 equal 1, so the 99th percentile is exactly 1.
        assertEquals(1.0, fig.effectiveColorScale(), 1e-12);
        BufferedImage img = fig.render();
        EcgGridLayout layout = fig.layout();

        Color red = Pixels.closestTo(img, layout.point(Lead.II, 150, LEVEL_MV), 2, ColorMap.DIVERGING.at(1));
        assertTrue(Pixels.distance(red, new Color(178, 24, 43)) < 12, "positive segment pixel " + red);
        Color blue = Pixels.closestTo(img, layout.point(Lead.II, 350, LEVEL_MV), 2, ColorMap.DIVERGING.at(-1));
        assertTrue(Pixels.distance(blue, new Color(33, 102, 172)) < 12, "negative segment pixel " + blue);
        Color half = Pixels.closestTo(img, layout.point(Lead.II, 500, LEVEL_MV), 2, ColorMap.DIVERGING.at(0.5));
        assertTrue(Pixels.distance(half, new Color(239, 138, 98)) < 12, "a = 0.5 x scale pixel " + half);
        Color zero = Pixels.closestTo(img, layout.point(Lead.II, 40, LEVEL_MV), 2, ColorMap.NEUTRAL);
        assertTrue(Pixels.distance(zero, ColorMap.NEUTRAL) < 12, "zero-attribution pixel " + zero);
        Color otherLead = Pixels.closestTo(img, layout.point(Lead.V4, 150, LEVEL_MV), 2, ColorMap.NEUTRAL);
        assertTrue(Pixels.distance(otherLead, ColorMap.NEUTRAL) < 12, "lead without attribution " + otherLead);

        // Off the trace (0.6 mV above it) the background is white: colour stays on the line.
        Color off = Pixels.at(img, layout.x(Lead.II, 150), layout.y(Lead.II, LEVEL_MV + 0.6));
        assertEquals(Color.WHITE, off);
    }

    @Test
    void aMapWithoutLeadAxisColoursEveryLeadAlike() {
        float[][] row = {blocks()[Lead.II.index()]};
        EcgGridFigure fig = EcgGridFigure.of(flat()).attribution(row, true).grid(false);
        BufferedImage img = fig.render();
        for (Lead lead : new Lead[] {Lead.I, Lead.II, Lead.V4}) {
            Color red = Pixels.closestTo(img, fig.layout().point(lead, 150, LEVEL_MV), 2, ColorMap.DIVERGING.at(1));
            assertTrue(Pixels.distance(red, ColorMap.DIVERGING.at(1)) < 12, lead + " at a = 1: " + red);
            Color blue = Pixels.closestTo(img, fig.layout().point(lead, 350, LEVEL_MV), 2, ColorMap.DIVERGING.at(-1));
            assertTrue(Pixels.distance(blue, ColorMap.DIVERGING.at(-1)) < 12, lead + " at a = -1: " + blue);
        }
        assertThrows(IllegalArgumentException.class, () -> EcgGridFigure.of(flat()).attribution(new float[2][600],
                true));
    }

    @Test
    void absoluteAttributionUsesTheSequentialMapOfMagnitude() {
        EcgGridFigure fig = EcgGridFigure.of(flat()).attribution(blocks(), false).grid(false);
        BufferedImage img = fig.render();
        EcgGridLayout layout = fig.layout();
        Color dark = ColorMap.SEQUENTIAL.at(1);
        // a = -1 has |a| = 1: the darkest red, not blue.
        Color neg = Pixels.closestTo(img, layout.point(Lead.II, 350, LEVEL_MV), 2, dark);
        assertTrue(Pixels.distance(neg, dark) < 12, "|-1| pixel " + neg);
    }

    @Test
    void robustScaleKeepsOneOutlierFromWashingOutTheMap() {
        float[][] a = blocks();
        a[Lead.V6.index()][10] = 1000f;
        EcgGridFigure fig = EcgGridFigure.of(flat()).attribution(a, true).grid(false);
        assertEquals(1.0, fig.effectiveColorScale(), 1e-12);
        BufferedImage img = fig.render();
        Color red = Pixels.closestTo(img, fig.layout().point(Lead.II, 150, LEVEL_MV), 2, ColorMap.DIVERGING.at(1));
        assertTrue(Pixels.distance(red, ColorMap.DIVERGING.at(1)) < 12, "still full red " + red);

        // A fixed scale of 2 puts a = 1 at half intensity.
        EcgGridFigure fixed = fig.colorScale(2.0);
        assertEquals(2.0, fixed.effectiveColorScale());
        Color halfRed = Pixels.closestTo(fixed.render(), fixed.layout().point(Lead.II, 150, LEVEL_MV), 2,
                ColorMap.DIVERGING.at(0.5));
        assertTrue(Pixels.distance(halfRed, ColorMap.DIVERGING.at(0.5)) < 12, "half intensity " + halfRed);
    }

    @Test
    void plainFigureDrawsDarkTracesAndNoColourBar() {
        EcgGridFigure fig = EcgGridFigure.of(flat()).grid(false);
        assertTrue(Double.isNaN(fig.effectiveColorScale()));
        assertNull(fig.layout().colorBar());
        Color c = Pixels.closestTo(fig.render(), fig.layout().point(Lead.AVL, 300, LEVEL_MV), 2, Color.BLACK);
        assertTrue(Pixels.distance(c, Color.BLACK) < 60, "trace pixel " + c);
    }

    @Test
    void maskBandIsDrawnExactlyWhereTheMaskIsOne() {
        float[][] mask = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int t = 200; t <= 260; t++) {
            mask[Lead.V1.index()][t] = 1f;
        }
        EcgGridFigure fig = EcgGridFigure.of(flat()).mask(mask).grid(false);
        BufferedImage img = fig.render();
        EcgGridLayout layout = fig.layout();
        double yAway = layout.y(Lead.V1, LEVEL_MV - 0.6);
        // White under MASK_COLOR (alpha 60/255): c = 255 (1 - 60/255) + c_mask 60/255.
        double alpha = 60 / 255.0;
        Color expected = new Color((int) Math.round(255 * (1 - alpha) + 40 * alpha),
                (int) Math.round(255 * (1 - alpha) + 170 * alpha), (int) Math.round(255 * (1 - alpha) + 80 * alpha));
        Color inside = Pixels.at(img, layout.x(Lead.V1, 230), yAway);
        assertTrue(Pixels.distance(inside, expected) < 4, "inside mask " + inside + " expected " + expected);
        assertEquals(Color.WHITE, Pixels.at(img, layout.x(Lead.V1, 280), yAway), "after the mask");
        assertEquals(Color.WHITE, Pixels.at(img, layout.x(Lead.V1, 180), yAway), "before the mask");
        assertEquals(Color.WHITE, Pixels.at(img, layout.x(Lead.V2, 230), layout.y(Lead.V2, LEVEL_MV - 0.6)),
                "another lead");
    }

    @Test
    void layoutPlacesLeadsInStandardOrder() {
        EcgGridLayout six = EcgGridFigure.of(flat()).layout();
        assertEquals(0, six.column(Lead.AVF));
        assertEquals(5, six.row(Lead.AVF));
        assertEquals(1, six.column(Lead.V1));
        assertEquals(0, six.row(Lead.V1));
        Rectangle2D i = six.panel(Lead.I);
        Rectangle2D v1 = six.panel(Lead.V1);
        assertEquals(i.getY(), v1.getY(), 1e-9);
        assertTrue(v1.getX() > i.getMaxX());
        // Samples map linearly to 0..1200 ms across the panel; amplitudes to the shared range.
        assertEquals(i.getX(), six.x(Lead.I, 0), 1e-9);
        assertEquals(i.getX() + i.getWidth() / 2, six.xOfMs(Lead.I, 600), 1e-9);
        assertEquals(i.getMaxY(), six.y(Lead.I, six.yMin()), 1e-9);
        assertEquals(i.getY(), six.y(Lead.I, six.yMax()), 1e-9);

        EcgGridLayout clinical = EcgGridFigure.of(flat()).arrangement(EcgGridLayout.Arrangement.THREE_BY_FOUR).layout();
        assertEquals(1, clinical.column(Lead.AVR));
        assertEquals(0, clinical.row(Lead.AVR));
        assertEquals(3, clinical.column(Lead.V6));
        assertEquals(2, clinical.row(Lead.V6));
    }

    @Test
    void sharedYRangeCoversAllLeadsRoundedToHalfMillivolts() {
        float[][] x = flat();
        x[Lead.V2.index()][300] = -1.4f;
        x[Lead.V4.index()][300] = 1.8f;
        // span 3.2, pad 0.16: [-1.56, 1.96] -> [-2.0, 2.0]
        assertArrayEquals(new double[] {-2.0, 2.0}, EcgGridLayout.sharedYRange(x), 1e-12);
        // flat 0.3 mV: widened to 1 mV around it, [-0.2, 0.8] -> [-0.5, 1.0]
        assertArrayEquals(new double[] {-0.5, 1.0}, EcgGridLayout.sharedYRange(flat()), 1e-12);
    }

    @Test
    void savesPngAtomicallyAndSvg(@TempDir Path dir) throws Exception {
        EcgGridFigure fig = EcgGridFigure.of(TestBeats.beat()).attribution(TestBeats.qrsAttribution(2), true)
                .mask(TestBeats.qrsMask()).title("test figure").size(700, 500);
        Path png = dir.resolve("sub/ecg.png");
        fig.save(png);
        BufferedImage back = ImageIO.read(png.toFile());
        assertNotNull(back, "PNG readable");
        assertEquals(700, back.getWidth());
        assertEquals(500, back.getHeight());
        Path svg = dir.resolve("ecg.svg");
        fig.saveSvg(svg);
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), "SVG document");
        assertTrue(text.contains("test figure") && text.contains("aVR"), "title and lead names as SVG text");
        try (Stream<Path> files = Files.walk(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void isAValueUnaffectedByLaterChangesToTheCallersArrays() {
        float[][] signal = TestBeats.beat();
        EcgGridFigure fig = EcgGridFigure.of(signal).size(500, 400);
        int before = fig.render().getRGB(250, 200);
        EcgGridFigure withTitle = fig.title("changed");
        for (float[] lead : signal) {
            java.util.Arrays.fill(lead, 5f);
        }
        BufferedImage after = fig.render();
        assertEquals(before, after.getRGB(250, 200));
        assertNotEquals(fig.toString(), withTitle.toString());
    }

    @Test
    void rejectsWrongShapesAndNonFiniteValuesWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EcgGridFigure.of(new float[11][600]));
        assertTrue(e.getMessage().contains("signal") && e.getMessage().contains("expected 12 leads"), e.getMessage());

        float[][] shortLead = flat();
        shortLead[Lead.V3.index()] = new float[599];
        e = assertThrows(IllegalArgumentException.class, () -> EcgGridFigure.of(shortLead));
        assertTrue(e.getMessage().contains("V3") && e.getMessage().contains("599"), e.getMessage());

        float[][] nan = flat();
        nan[Lead.AVL.index()][17] = Float.NaN;
        EcgGridFigure fig = EcgGridFigure.of(flat());
        e = assertThrows(IllegalArgumentException.class, () -> fig.attribution(nan, true));
        assertTrue(e.getMessage().contains("attribution") && e.getMessage().contains("aVL")
                && e.getMessage().contains("17"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> fig.mask(new float[12][10]));
        assertTrue(e.getMessage().contains("mask"), e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> fig.size(100, 100));
        assertThrows(IllegalArgumentException.class, () -> fig.yRange(1, 1));
        assertThrows(IllegalArgumentException.class, () -> fig.colorScale(0));
        assertThrows(IllegalArgumentException.class, () -> fig.robustPercentile(0));
    }

    @Test
    void pointIsOnTheTraceOfARealisticBeat() {
        float[][] beat = TestBeats.beat();
        EcgGridFigure fig = EcgGridFigure.of(beat).grid(false);
        BufferedImage img = fig.render();
        // R peak of V4 (sample 175 = 350 ms): the trace pixel there is dark.
        int r = EcgFormat.msToSample(350);
        Point2D p = fig.layout().point(Lead.V4, r, beat[Lead.V4.index()][r]);
        Color c = Pixels.closestTo(img, p, 2, Color.BLACK);
        assertTrue(Pixels.distance(c, Color.BLACK) < 80, "R-peak pixel " + c);
    }
}
