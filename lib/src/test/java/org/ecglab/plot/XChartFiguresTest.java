package org.ecglab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XChartFiguresTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void boxPlotRendersAndSaves(@TempDir Path dir) throws Exception {
        Map<String, double[]> groups = new LinkedHashMap<>();
        groups.put("saliency", new double[] {0.2, 0.4, 0.5, 0.6, 0.9});
        groups.put("deeplift", new double[] {0.5, 0.55, 0.6, 0.7});
        BoxPlotFigure fig = BoxPlotFigure.of(groups).title("self-consistency").yAxisTitle("Spearman rho").size(600, 400);
        BufferedImage img = fig.render();
        assertEquals(600, img.getWidth());
        assertEquals(400, img.getHeight());
        fig.saveSvg(dir.resolve("box.svg"));
        String svg = Files.readString(dir.resolve("box.svg"));
        // XChart writes text as outlines, so only the document and its size can be checked here.
        assertTrue(svg.contains("<svg") && svg.contains("viewBox=\"0 0 600 400\""), "SVG of the figure size");
        assertEquals(2, fig.chart().getSeriesMap().size());
    }

    @Test
    void boxPlotRejectsEmptyAndNonFiniteGroups() {
        assertThrows(IllegalArgumentException.class, () -> BoxPlotFigure.of(Map.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoxPlotFigure.of(Map.of("x", new double[] {1, Double.NaN})));
        assertTrue(e.getMessage().contains("'x' value 1 is NaN"), e.getMessage());
    }

    @Test
    void curveWithBandShadesBetweenTheBounds(@TempDir Path dir) throws Exception {
        double[] x = {0, 1, 2, 3};
        CurveFigure fig = CurveFigure.create().title("randomisation").xAxisTitle("layers").yAxisTitle("rho")
                .curve("saliency", x, new double[] {1, 0.6, 0.3, 0.1}, new double[] {0.9, 0.5, 0.2, 0.0},
                        new double[] {1.0, 0.7, 0.4, 0.2})
                .curve("random", x, new double[] {0, 0, 0, 0}).size(640, 480);
        BufferedImage img = fig.render();
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        fig.save(dir.resolve("c.png"));
        fig.saveSvg(dir.resolve("c.svg"));
        assertTrue(Files.readString(dir.resolve("c.svg")).contains("viewBox=\"0 0 640 480\""));
        var series = fig.chart().getSeriesMap();
        assertEquals(3, series.size(), "two lines and one band");
        var band = series.get("saliency (band)");
        assertEquals(false, band.isShowInLegend());
        assertEquals(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.PolygonArea, band.getXYSeriesRenderStyle());
        // closed polygon: upper bound left to right, then lower bound right to left
        assertArrayEquals(new double[] {1.0, 0.7, 0.4, 0.2, 0.0, 0.2, 0.5, 0.9}, band.getYData(), 1e-12);
        assertTrue(series.get("random").isShowInLegend());
    }

    @Test
    void curveRejectsBadInput() {
        CurveFigure fig = CurveFigure.create();
        double[] x = {0, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fig.curve("a", x, new double[] {1}));
        assertTrue(e.getMessage().contains("y has 1 points but x has 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fig.curve("a", x, x, x, null));
        e = assertThrows(IllegalArgumentException.class,
                () -> fig.curve("a", x, x, new double[] {0, 2}, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("above upper bound"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fig.curve("a", x, x).curve("a", x, x));
        assertThrows(IllegalStateException.class, fig::render);
    }
}
