package org.ecglab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassGalleryFigureTest {
    private static final float SIGNAL_MV = 0.3f;
    private static final float REFERENCE_MV = -0.3f;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static float[][] flat(float level) {
        float[][] x = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (float[] lead : x) {
            Arrays.fill(lead, level);
        }
        return x;
    }

    /** 1 on samples 200..260 of lead {@code lead}. */
    private static float[][] maskOn(Lead lead) {
        float[][] m = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int t = 200; t <= 260; t++) {
            m[lead.index()][t] = 1f;
        }
        return m;
    }

    private static ClassGalleryFigure.Row flatRow(String label, List<Lead> leads) {
        return new ClassGalleryFigure.Row(label, "a flat test beat", flat(SIGNAL_MV), flat(REFERENCE_MV),
                maskOn(Lead.V1), leads);
    }

    @Test
    void rendersTheRequestedSizeAndDefaultHeightGrowsWithTheRows() {
        ClassGalleryFigure three = ClassGalleryFigure.of(List.of(
                flatRow("A", List.of(Lead.I)), flatRow("B", List.of(Lead.II)), flatRow("C", List.of(Lead.V1))));
        BufferedImage img = three.render();
        assertEquals(1400, img.getWidth());
        // 92 + 62 px margins + 3 panels of 140 px + 2 gaps of 16 px at scale 1.
        assertEquals(92 + 62 + 3 * 140 + 2 * 16, img.getHeight());
        assertEquals(ClassGalleryLayout.defaultHeight(1400, 3), img.getHeight());
        assertTrue(ClassGalleryLayout.defaultHeight(1400, 9) > img.getHeight());

        BufferedImage sized = three.size(900, 700).render();
        assertEquals(900, sized.getWidth());
        assertEquals(700, sized.getHeight());
    }

    @Test
    void columnsFollowTheLongestRowAndEachPanelShowsItsRowsLead() {
        ClassGalleryFigure fig = ClassGalleryFigure.of(List.of(
                flatRow("two", List.of(Lead.II, Lead.V1)), flatRow("three", List.of(Lead.I, Lead.AVL, Lead.V6))))
                .grid(false);
        ClassGalleryLayout layout = fig.layout();
        assertEquals(2, layout.rows());
        assertEquals(3, layout.columns());
        Rectangle2D a = layout.panel(0, 0);
        Rectangle2D b = layout.panel(0, 1);
        Rectangle2D below = layout.panel(1, 0);
        assertEquals(a.getY(), b.getY(), 1e-9);
        assertTrue(b.getX() > a.getMaxX());
        assertEquals(a.getX(), below.getX(), 1e-9);
        assertTrue(below.getY() > a.getMaxY());
        // Samples map linearly onto 0..1200 ms, amplitudes onto the row's range.
        assertEquals(a.getX() + a.getWidth() / 2, layout.x(0, 0, 300), 1e-9);
        assertEquals(a.getMaxY(), layout.y(0, 0, layout.yRange(0)[0]), 1e-9);
        assertEquals(a.getY(), layout.y(0, 0, layout.yRange(0)[1]), 1e-9);

        // The mask is on V1 only: row 0 column 1 (V1) is shaded, row 0 column 0 (II) and row 1 are not.
        BufferedImage img = fig.render();
        double mv = 0.0;
        Color expected = maskOverWhite();
        Color v1 = Pixels.at(img, layout.x(0, 1, 230), layout.y(0, 1, mv));
        assertTrue(Pixels.distance(v1, expected) < 4, "V1 inside mask " + v1 + " expected " + expected);
        assertEquals(Color.WHITE, Pixels.at(img, layout.x(0, 0, 230), layout.y(0, 0, mv)), "lead II, no mask");
        assertEquals(Color.WHITE, Pixels.at(img, layout.x(1, 2, 230), layout.y(1, 2, mv)), "V6, no mask");
        assertThrows(IllegalArgumentException.class, () -> layout.panel(2, 0));
        assertThrows(IllegalArgumentException.class, () -> layout.panel(0, 3));
    }

    /** White under MASK_COLOR (alpha 60/255): c = 255 (1 - 60/255) + c_mask 60/255. */
    private static Color maskOverWhite() {
        double alpha = 60 / 255.0;
        return new Color((int) Math.round(255 * (1 - alpha) + 40 * alpha),
                (int) Math.round(255 * (1 - alpha) + 170 * alpha), (int) Math.round(255 * (1 - alpha) + 80 * alpha));
    }

    @Test
    void maskBandIsShadedExactlyWhereTheMaskIsOne() {
        ClassGalleryFigure fig = ClassGalleryFigure.of(List.of(flatRow("V1", List.of(Lead.V1)))).grid(false);
        BufferedImage img = fig.render();
        ClassGalleryLayout layout = fig.layout();
        double y = layout.y(0, 0, 0.0);
        Color inside = Pixels.at(img, layout.x(0, 0, 230), y);
        assertTrue(Pixels.distance(inside, maskOverWhite()) < 4, "inside " + inside);
        // Band edges at samples 199.5 and 260.5: two pixels beyond them it is white again.
        assertEquals(Color.WHITE, Pixels.at(img, layout.x(0, 0, 199.5) - 2, y), "before the mask");
        assertEquals(Color.WHITE, Pixels.at(img, layout.x(0, 0, 260.5) + 2, y), "after the mask");
        assertTrue(Pixels.distance(Pixels.at(img, layout.x(0, 0, 199.5) + 2, y), maskOverWhite()) < 4, "first masked");
    }

    @Test
    void signalIsBlackAndReferenceGreyWhereTheLayoutPutsThem() {
        ClassGalleryFigure fig = ClassGalleryFigure.of(List.of(flatRow("A", List.of(Lead.II, Lead.V5)))).grid(false);
        BufferedImage img = fig.render();
        ClassGalleryLayout layout = fig.layout();
        for (int c = 0; c < 2; c++) {
            // An antialiased line covers a column of pixels by its stroke width in total: 1.6 px black, 1.8 px grey.
            assertEquals(1.6, coverage(img, layout.x(0, c, 450), layout.y(0, c, SIGNAL_MV), EcgGridPainter.PLAIN_TRACE),
                    0.25, "black signal line");
            assertEquals(1.8, coverage(img, layout.x(0, c, 450), layout.y(0, c, REFERENCE_MV),
                    ClassGalleryPainter.REFERENCE_COLOR), 0.25, "grey reference line");
            // ... and the grey line is grey, not black: no pixel of it is darker than its colour.
            Color darkest = Pixels.closestTo(img, layout.point(0, c, 450, REFERENCE_MV), 3, Color.BLACK);
            assertTrue(darkest.getRed() >= ClassGalleryPainter.REFERENCE_COLOR.getRed() - 2, "reference " + darkest);
        }
        // Without a reference the grey line is gone: white at its place.
        ClassGalleryFigure plain = ClassGalleryFigure.of(List.of(new ClassGalleryFigure.Row("A", "", flat(SIGNAL_MV),
                null, null, List.of(Lead.II)))).grid(false);
        assertEquals(Color.WHITE, Pixels.at(plain.render(), plain.layout().x(0, 0, 450),
                plain.layout().y(0, 0, REFERENCE_MV)));
    }

    /**
     * Pixels' worth of {@code line} colour in the column at {@code x}, within 4 px of {@code y}: each pixel adds
     * {@code (255 - red) / (255 - red of line)}, its share of the line over white.
     */
    private static double coverage(BufferedImage img, double x, double y, Color line) {
        double sum = 0;
        for (int dy = -4; dy <= 4; dy++) {
            sum += (255.0 - Pixels.at(img, x, y + dy).getRed()) / (255.0 - line.getRed());
        }
        return sum;
    }

    @Test
    void eachRowGetsTheSharedRangeOfItsShownLeadsOnly() {
        float[][] signal = flat(0.3f);
        signal[Lead.V2.index()][300] = 1.8f;
        signal[Lead.V6.index()][300] = 9f; // not shown: must not widen the range
        float[][] reference = flat(0.3f);
        reference[Lead.V2.index()][310] = -1.4f;
        ClassGalleryFigure fig = ClassGalleryFigure.of(List.of(
                new ClassGalleryFigure.Row("big", "", signal, reference, null, List.of(Lead.V2, Lead.I)),
                new ClassGalleryFigure.Row("flat", "", flat(0.3f), null, null, List.of(Lead.I))));
        // span -1.4..1.8 = 3.2, padded by 0.16 to [-1.56, 1.96], rounded out to half millivolts.
        assertArrayEquals(new double[] {-2.0, 2.0}, fig.layout().yRange(0), 1e-12);
        // flat 0.3 mV: widened to 1 mV around it, [-0.2, 0.8] -> [-0.5, 1.0]
        assertArrayEquals(new double[] {-0.5, 1.0}, fig.layout().yRange(1), 1e-12);
    }

    @Test
    void svgCarriesTitleRowLabelsLeadNamesLegendAndAxisUnits(@TempDir Path dir) throws Exception {
        ClassGalleryFigure fig = ClassGalleryFigure.of(List.of(
                new ClassGalleryFigure.Row("LBBB", "Left bundle branch block", TestBeats.beat(), flat(0f),
                        TestBeats.qrsMask(), List.of(Lead.I, Lead.AVL, Lead.V6))))
                .title("gallery title").legend("with disease", "without disease", "changed samples");
        Path svg = dir.resolve("gallery.svg");
        fig.saveSvg(svg);
        String text = Files.readString(svg);
        for (String s : List.of("gallery title", "LBBB", "Left bundle branch block", "aVL", "V6", "with disease",
                "without disease", "changed samples", "time (ms)", "amplitude (mV)", "1200")) {
            assertTrue(text.contains(s), "SVG text contains '" + s + "'");
        }
        Path png = dir.resolve("gallery.png");
        fig.save(png);
        assertEquals(fig.layout().height(), javax.imageio.ImageIO.read(png.toFile()).getHeight());
    }

    @Test
    void attributedRowsColourTheirTraceWithTheirOwnScale(@TempDir Path dir) throws Exception {
        // Row 0: +1 on samples 100..199 of V1, -1 on 300..399; row 1 the same times 1000 (its own scale, same colours).
        float[][] a = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int t = 100; t < 200; t++) {
            a[Lead.V1.index()][t] = 1f;
            a[Lead.V1.index()][t + 200] = -1f;
        }
        float[][] big = new float[EcgFormat.LEADS][];
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            big[l] = a[l].clone();
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                big[l][t] *= 1000;
            }
        }
        ClassGalleryFigure fig = ClassGalleryFigure.of(List.of(
                ClassGalleryFigure.Row.attributed("eps", "LRP-epsilon", flat(SIGNAL_MV), a, true, maskOn(Lead.V1),
                        List.of(Lead.V1, Lead.II)),
                ClassGalleryFigure.Row.attributed("big", "", flat(SIGNAL_MV), big, true, null, List.of(Lead.V1))))
                .grid(false);
        BufferedImage img = fig.render();
        ClassGalleryLayout layout = fig.layout();
        for (int r = 0; r < 2; r++) {
            Color red = Pixels.closestTo(img, layout.point(r, 0, 150, SIGNAL_MV), 2, ColorMap.DIVERGING.at(1));
            assertTrue(Pixels.distance(red, ColorMap.DIVERGING.at(1)) < 12, "row " + r + " positive " + red);
            Color blue = Pixels.closestTo(img, layout.point(r, 0, 350, SIGNAL_MV), 2, ColorMap.DIVERGING.at(-1));
            assertTrue(Pixels.distance(blue, ColorMap.DIVERGING.at(-1)) < 12, "row " + r + " negative " + blue);
        }
        Color grey = Pixels.closestTo(img, layout.point(0, 1, 150, SIGNAL_MV), 2, ColorMap.NEUTRAL);
        assertTrue(Pixels.distance(grey, ColorMap.NEUTRAL) < 12, "lead II has no attribution: " + grey);
        Path svg = dir.resolve("attributed.svg");
        fig.attributionLegend("colour: LRP relevance").saveSvg(svg);
        String text = Files.readString(svg);
        assertTrue(text.contains("colour: LRP relevance") && !text.contains("pathological beat"), "legend");
    }

    @Test
    void legendListsOnlyTheLayersPresent(@TempDir Path dir) throws Exception {
        ClassGalleryFigure fig = ClassGalleryFigure.of(List.of(new ClassGalleryFigure.Row("NORM", "", flat(0.1f),
                null, null, List.of(Lead.II))));
        Path svg = dir.resolve("plain.svg");
        fig.saveSvg(svg);
        String text = Files.readString(svg);
        assertTrue(text.contains("pathological beat"));
        assertTrue(!text.contains("ground-truth mask") && !text.contains("without pathology"), "no unused entries");
    }

    @Test
    void rejectsWrongShapesAndLeadListsWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClassGalleryFigure.Row("AVB1", "", new float[11][600], null, null, List.of(Lead.II)));
        assertTrue(e.getMessage().contains("AVB1") && e.getMessage().contains("signal")
                && e.getMessage().contains("12 leads"), e.getMessage());

        float[][] shortRef = flat(0f);
        shortRef[Lead.V3.index()] = new float[599];
        e = assertThrows(IllegalArgumentException.class,
                () -> new ClassGalleryFigure.Row("X", "", flat(0f), shortRef, null, List.of(Lead.II)));
        assertTrue(e.getMessage().contains("reference") && e.getMessage().contains("V3")
                && e.getMessage().contains("599"), e.getMessage());

        float[][] nanMask = flat(0f);
        nanMask[Lead.I.index()][5] = Float.NaN;
        e = assertThrows(IllegalArgumentException.class,
                () -> new ClassGalleryFigure.Row("X", "", flat(0f), null, nanMask, List.of(Lead.II)));
        assertTrue(e.getMessage().contains("mask"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> new ClassGalleryFigure.Row("X", "", flat(0f), null, null, List.of()));
        assertTrue(e.getMessage().contains("1 to 6 leads"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ClassGalleryFigure.Row("X", "", flat(0f), null, null, List.of(Lead.I, Lead.II, Lead.I)));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> ClassGalleryFigure.of(List.of()));
        assertTrue(e.getMessage().contains("at least one row"), e.getMessage());
        ClassGalleryFigure fig = ClassGalleryFigure.of(List.of(flatRow("A", List.of(Lead.I))));
        assertThrows(IllegalArgumentException.class, () -> fig.size(100, 100));
        // Nine rows do not fit in 300 px: the layout says so instead of drawing slivers.
        ClassGalleryFigure nine = ClassGalleryFigure.of(java.util.Collections.nCopies(9, flatRow("A", List.of(Lead.I))));
        e = assertThrows(IllegalArgumentException.class, () -> nine.size(800, 300).render());
        assertTrue(e.getMessage().contains("too small"), e.getMessage());
    }

    @Test
    void rowsCopyTheirArrays() {
        float[][] signal = flat(SIGNAL_MV);
        ClassGalleryFigure.Row row = new ClassGalleryFigure.Row("A", "", signal, null, null, List.of(Lead.I));
        signal[0][0] = 5f;
        assertEquals(SIGNAL_MV, row.signal()[0][0]);
    }

    @Test
    void wrapsSubtitlesAtTheColumnWidth() {
        java.awt.FontMetrics fm = Figures.blankImage(10, 10).createGraphics().getFontMetrics(Figures.font(12, false));
        double width = fm.stringWidth("Left bundle");
        assertEquals(List.of("Left bundle", "branch block"), ClassGalleryPainter.wrap("Left bundle branch block", fm,
                Math.max(width, fm.stringWidth("branch block"))));
        assertEquals(List.of("Supercalifragilistic", "x"), ClassGalleryPainter.wrap("Supercalifragilistic x", fm, 5));
    }
}
