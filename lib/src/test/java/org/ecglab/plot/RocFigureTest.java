package org.ecglab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.None;

class RocFigureTest {
    private static final double[] FPR = {0, 0, 0.25, 0.75, 1};
    private static final double[] TPR = {0, 1.0 / 3, 2.0 / 3, 1, 1};

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void oneLinePerCurvePlusTheChanceDiagonalOnFixedUnitAxes(@TempDir Path dir) throws Exception {
        RocFigure fig = RocFigure.create().title("test ROC").curve("LBBB", FPR, TPR, 19.0 / 24)
                .curve("NORM", new double[] {0, 1}, new double[] {0, 1}, 0.5).size(600, 480);
        var chart = fig.chart();
        var series = chart.getSeriesMap();
        assertEquals(List.of("LBBB (AUROC 0.792)", "NORM (AUROC 0.500)", RocFigure.CHANCE),
                List.copyOf(series.keySet()));
        XYSeries lbbb = series.get("LBBB (AUROC 0.792)");
        assertArrayEquals(FPR, lbbb.getXData(), 1e-12);
        assertArrayEquals(TPR, lbbb.getYData(), 1e-12);
        XYSeries chance = series.get(RocFigure.CHANCE);
        assertArrayEquals(new double[] {0, RocFigure.TICK_GUARD, 1}, chance.getXData(), 0);
        assertArrayEquals(new double[] {0, RocFigure.TICK_GUARD, 1}, chance.getYData(), 0);
        assertNotNull(chance.getLineStyle().getDashArray(), "the diagonal is dashed");
        assertEquals(0.0, chart.getStyler().getXAxisMin());
        assertEquals(1.0, chart.getStyler().getXAxisMax());
        assertEquals(0.0, chart.getStyler().getYAxisMin());
        assertEquals(1.0, chart.getStyler().getYAxisMax());
        assertEquals("false positive rate", chart.getXAxisTitle());
        assertEquals("true positive rate", chart.getYAxisTitle());

        BufferedImage img = fig.render();
        assertEquals(600, img.getWidth());
        assertEquals(480, img.getHeight());
        int blue = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (Pixels.distance(new java.awt.Color(img.getRGB(x, y)), XChartFigure.PALETTE[0]) < 10) {
                    blue++;
                }
            }
        }
        assertTrue(blue > 200, "the first curve is drawn in the first palette colour, " + blue + " pixels");
        fig.save(dir.resolve("roc.png"));
        fig.saveSvg(dir.resolve("roc.svg"));
        assertTrue(Files.size(dir.resolve("roc.png")) > 0);
        assertTrue(Files.readString(dir.resolve("roc.svg")).contains("viewBox=\"0 0 600 480\""));
    }

    @Test
    void curvesBeyondThePaletteAreDashed() {
        RocFigure fig = RocFigure.create();
        for (int i = 0; i < 9; i++) {
            fig = fig.curve("task" + i, FPR, TPR, 0.8);
        }
        var series = fig.chart().getSeriesMap();
        BasicStroke first = series.get("task0 (AUROC 0.800)").getLineStyle();
        BasicStroke ninth = series.get("task8 (AUROC 0.800)").getLineStyle();
        assertNull(first.getDashArray());
        assertNotNull(ninth.getDashArray());
        assertEquals(series.get("task0 (AUROC 0.800)").getLineColor(),
                series.get("task8 (AUROC 0.800)").getLineColor());
        assertTrue(series.get("task0 (AUROC 0.800)").getMarker() instanceof None, "no point markers");
    }

    /**
     * Rates on a regular grid (k / 480 negatives, k / 60 positives, as on a 540-ECG test split) once made XChart put
     * its ticks at thinned-out data values; the ticks must be round numbers on both axes, ending at 1.
     */
    @Test
    void ticksAreRoundEvenWhenTheRatesFormARegularGrid() throws Exception {
        double[] fpr = new double[481];
        double[] tpr = new double[481];
        for (int k = 0; k <= 480; k++) {
            fpr[k] = k / 480.0;
            tpr[k] = Math.min(1.0, Math.round(k / 8.0) / 60.0);
        }
        RocFigure fig = RocFigure.create().curve("grid", fpr, tpr, 0.5);
        var chart = fig.chart();
        Figures.toImage(chart); // ticks are computed while painting
        for (String axis : List.of("getXAxis", "getYAxis")) {
            // The calculator also lists ticks just outside the axis range, which are not drawn.
            List<Double> ticks = tickLabels(chart, axis).stream().map(Double::parseDouble)
                    .filter(v -> v >= 0 && v <= 1).toList();
            assertTrue(ticks.size() >= 3, axis + " " + ticks);
            for (double v : ticks) {
                assertEquals(Math.round(v * 10) / 10.0, v, 1e-12, axis + " tick " + v + " of " + ticks);
            }
            assertEquals(0.0, ticks.get(0), 1e-12, axis + " " + ticks);
            assertEquals(1.0, ticks.get(ticks.size() - 1), 1e-12, axis + " " + ticks);
        }
    }

    /** The tick labels XChart computed for an axis (internal API, hence reflection). */
    private static List<String> tickLabels(org.knowm.xchart.XYChart chart, String axis) throws Exception {
        Method getAxisPair = org.knowm.xchart.internal.chartpart.Chart.class.getDeclaredMethod("getAxisPair");
        getAxisPair.setAccessible(true);
        Object pair = getAxisPair.invoke(chart);
        Method getAxis = pair.getClass().getDeclaredMethod(axis);
        getAxis.setAccessible(true);
        Object a = getAxis.invoke(pair);
        Object calculator = a.getClass().getMethod("getAxisTickCalculator").invoke(a);
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) calculator.getClass().getMethod("getTickLabels").invoke(calculator);
        return labels;
    }

    @Test
    void rejectsBadCurvesNamingTheProblem() {
        RocFigure fig = RocFigure.create();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fig.curve("a", new double[] {0, 0.5, 0.4}, new double[] {0, 1, 1}, 0.9));
        assertTrue(e.getMessage().contains("false positive rate decreases at point 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> fig.curve("a", new double[] {0, 1}, new double[] {0, 1.2}, 0.9));
        assertTrue(e.getMessage().contains("1.2 at point 1 is not in [0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> fig.curve("a", new double[] {0, 1}, new double[] {0, 0.5, 1}, 0.9));
        assertTrue(e.getMessage().contains("2 false positive rates but 3 true positive rates"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fig.curve("a", FPR, TPR, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> fig.curve("a", new double[0], new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> fig.curve("a", FPR, TPR, 0.8).curve("a", FPR, TPR, 0.8));
        assertThrows(IllegalStateException.class, fig::render);
    }
}
