package org.ecglab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapFigureTest {
    private static final List<String> LABELS = List.of("saliency", "integrated_gradients", "lrp_epsilon");
    private static final double[][] RHO = {{1, -1, 0.5}, {-1, 1, Double.NaN}, {0.5, Double.NaN, 1}};

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void cellsAreColouredByValueAndLabelsAreWritten() {
        HeatmapFigure fig = HeatmapFigure.of(RHO, LABELS).title("similarity").colorLabel("Spearman rho");
        BufferedImage img = fig.render();
        assertEquals(900, img.getWidth());
        assertEquals(800, img.getHeight());
        HeatmapLayout layout = fig.layout();
        // Sample near a cell's corner, away from the value text in its centre.
        assertNear(ColorMap.DIVERGING.at(1), corner(img, layout.cell(0, 0)));
        assertNear(ColorMap.DIVERGING.at(-1), corner(img, layout.cell(0, 1)));
        assertNear(ColorMap.DIVERGING.at(0.5), corner(img, layout.cell(2, 0)));
        assertNear(fig.colorOf(Double.NaN), corner(img, layout.cell(1, 2)));
        for (int r = 0; r < LABELS.size(); r++) {
            assertTrue(darkPixels(img, layout.rowLabel(r)) > 20, "row label " + LABELS.get(r) + " is written");
        }
        // The value text is written in the cell: dark (black on light) or white pixels near its centre.
        Rectangle2D cell = layout.cell(2, 0);
        Rectangle2D centre = new Rectangle2D.Double(cell.getCenterX() - cell.getWidth() / 4, cell.getCenterY() - 8,
                cell.getWidth() / 2, 16);
        assertTrue(darkPixels(img, centre) > 5, "value 0.50 written in its cell");
    }

    @Test
    void customRangeMovesTheNeutralPoint() {
        HeatmapFigure fig = HeatmapFigure.of(new double[][] {{0.5}}, List.of("a")).range(0, 1);
        assertEquals(ColorMap.NEUTRAL, fig.colorOf(0.5));
        assertEquals(ColorMap.DIVERGING.at(1), fig.colorOf(1));
    }

    @Test
    void sequentialMapColoursCellsAndColourBarFromTheRangeMinimum() {
        double[][] percent = {{0, 10}, {20, 40}};
        HeatmapFigure fig = HeatmapFigure.of(percent, List.of("a", "b"), List.of("I", "II"))
                .colorMap(ColorMap.SEQUENTIAL).range(0, 40);
        // 0 is the bottom of [0, 40], so the sequential map's first anchor; 20 is halfway, 0.5 on its [0, 1] domain.
        assertEquals(ColorMap.NEUTRAL, fig.colorOf(0));
        assertEquals(ColorMap.SEQUENTIAL.at(0.5), fig.colorOf(20));
        assertEquals(ColorMap.SEQUENTIAL.at(1), fig.colorOf(40));
        BufferedImage img = fig.render();
        HeatmapLayout layout = fig.layout();
        assertNear(ColorMap.SEQUENTIAL.at(0.25), corner(img, layout.cell(0, 1)));
        assertNear(ColorMap.SEQUENTIAL.at(1), corner(img, layout.cell(1, 1)));
        // The colour bar shows the same map: dark red at the top (40), the neutral grey at the bottom (0),
        // where the default diverging map would be red and blue.
        Rectangle2D bar = layout.colorBar();
        assertNear(ColorMap.SEQUENTIAL.at(1), Pixels.at(img, bar.getCenterX(), bar.getY() + 3));
        assertNear(ColorMap.NEUTRAL, Pixels.at(img, bar.getCenterX(), bar.getMaxY() - 3));
        Color defaultBottom = Pixels.at(HeatmapFigure.of(percent, List.of("a", "b"), List.of("I", "II")).range(0, 40)
                .render(), bar.getCenterX(), bar.getMaxY() - 3);
        assertNear(ColorMap.DIVERGING.at(-1), defaultBottom);
        assertThrows(NullPointerException.class, () -> fig.colorMap(null));
    }

    @Test
    void savesPngAndSvgWithLabels(@TempDir Path dir) throws Exception {
        HeatmapFigure fig = HeatmapFigure.of(RHO, LABELS).title("similarity").size(600, 500);
        fig.save(dir.resolve("h.png"));
        fig.saveSvg(dir.resolve("h.svg"));
        assertEquals(600, javax.imageio.ImageIO.read(dir.resolve("h.png").toFile()).getWidth());
        String svg = Files.readString(dir.resolve("h.svg"));
        assertTrue(svg.contains("integrated_gradients") && svg.contains("-1.00"), "labels and values in SVG");
    }

    @Test
    void rejectsShapeMismatchAndInfiniteValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeatmapFigure.of(new double[2][3], LABELS));
        assertTrue(e.getMessage().contains("2 rows but 3 row labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> HeatmapFigure.of(new double[][] {{1, 2}, {3}}, List.of("a", "b")));
        assertTrue(e.getMessage().contains("row 1 (b) has 1 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> HeatmapFigure.of(new double[][] {{Double.POSITIVE_INFINITY}}, List.of("a")));
        assertTrue(e.getMessage().contains("infinite"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HeatmapFigure.of(new double[][] {{1}}, List.of("a")).range(1, 1));
    }

    private static Color corner(BufferedImage img, Rectangle2D cell) {
        return Pixels.at(img, cell.getX() + 5, cell.getY() + 5);
    }

    private static void assertNear(Color expected, Color actual) {
        assertTrue(Pixels.distance(expected, actual) < 3, "expected " + expected + " got " + actual);
    }

    private static int darkPixels(BufferedImage img, Rectangle2D box) {
        int n = 0;
        for (int y = (int) box.getY(); y < box.getMaxY(); y++) {
            for (int x = (int) Math.max(0, box.getX()); x < box.getMaxX(); x++) {
                Color c = new Color(img.getRGB(x, y));
                if (c.getRed() + c.getGreen() + c.getBlue() < 200) {
                    n++;
                }
            }
        }
        return n;
    }
}
