package org.ecglab.plot.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.experiment.RandomizationMode;
import org.ecglab.experiment.Summaries;
import org.ecglab.metrics.MapMeasure;
import org.ecglab.metrics.PerturbationOrder;
import org.ecglab.metrics.ValueMode;
import org.ecglab.plot.BoxPlotFigure;
import org.ecglab.plot.HeatmapFigure;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The experiment figures render from hand-made result tables, with the study's band and clustered order. */
class ExperimentFiguresTest {
    private static final MapMeasure ABS = MapMeasure.spearman(ValueMode.ABSOLUTE);

    @Test
    void similarityHeatmapPutsAgreeingMethodsTogether() {
        // a and c agree (0.9), b disagrees with both (0.1).
        Table summary = similaritySummary(new String[][] {{"a", "b", "0.1"}, {"a", "c", "0.9"}, {"b", "c", "0.1"}});
        HeatmapFigure fig = SimilarityFigures.heatmap(summary, "pooled", ABS, List.of("a", "b", "c"));
        assertTrue(fig.toString().contains("pooled over tasks"), fig.toString());
        BufferedImage img = fig.render();
        assertTrue(img.getWidth() > 0);
        assertEquals(List.of("a", "c", "b"), org.ecglab.experiment.MethodSimilarityExperiment.clusteredOrder(summary,
                "pooled", ABS, List.of("a", "b", "c")));
    }

    @Test
    void aPairWhoseEveryScoreIsUndefinedIsAnUndefinedCell() {
        // c's map was constant on every ECG (e.g. guided Grad-CAM of a model whose CAM is all negative), so every
        // correlation with it is NaN and its summary mean is missing: the heatmap shows n/a, clustering puts it apart.
        Table summary = similaritySummary(new String[][] {{"a", "b", "0.8"}, {"a", "c", "NaN"}, {"b", "c", "NaN"}});
        double[][] m = org.ecglab.experiment.MethodSimilarityExperiment.matrix(summary, "pooled", ABS,
                List.of("a", "b", "c"));
        assertEquals(0.8, m[0][1], 1e-12);
        assertTrue(Double.isNaN(m[0][2]) && Double.isNaN(m[2][1]), java.util.Arrays.deepToString(m));
        HeatmapFigure fig = SimilarityFigures.heatmap(summary, "pooled", ABS, List.of("a", "b", "c"));
        assertTrue(fig.render().getWidth() > 0);
        List<String> order = org.ecglab.experiment.MethodSimilarityExperiment.clusteredOrder(summary, "pooled", ABS,
                List.of("a", "c", "b"));
        assertEquals(1, Math.abs(order.indexOf("a") - order.indexOf("b")), "a and b agree, so they sit together: "
                + order);
    }

    @Test
    void consistencyBoxPlotDrawsTheStudyBand() {
        Map<String, double[]> groups = new LinkedHashMap<>();
        groups.put("saliency", new double[] {0.2, 0.3, 0.35, 0.4});
        groups.put("integrated_gradients", new double[] {0.7, 0.8, 0.75, 0.9});
        BufferedImage with = ConsistencyFigures.boxPlot(groups, ABS, 5).render();
        BufferedImage without = BoxPlotFigure.of(groups).render();
        // The band is the Okabe–Ito green at alpha 45 over white: about (210, 238, 230).
        Color band = new Color(210, 238, 230);
        assertTrue(count(with, band) > 5_000, "band pixels: " + count(with, band));
        assertEquals(0, count(without, band));
    }

    @Test
    void randomizationAndPerturbationCurvesRender() {
        Table summary = Table.create("s", StringColumn.create("task"), StringColumn.create("mode"),
                StringColumn.create("step"), StringColumn.create("layer"), StringColumn.create("method"),
                StringColumn.create("measure"), IntColumn.create("n"), DoubleColumn.create("mean"),
                DoubleColumn.create("ci_low"), DoubleColumn.create("ci_high"));
        for (int step = 1; step <= 3; step++) {
            summary.stringColumn("task").append("pooled");
            summary.stringColumn("mode").append("cascading");
            summary.stringColumn("step").append(Integer.toString(step));
            summary.stringColumn("layer").append("x");
            summary.stringColumn("method").append("saliency");
            summary.stringColumn("measure").append(ABS.label());
            summary.intColumn("n").append(5);
            summary.doubleColumn("mean").append(1.0 / step);
            summary.doubleColumn("ci_low").append(1.0 / step - 0.1);
            summary.doubleColumn("ci_high").append(1.0 / step + 0.1);
        }
        assertTrue(RandomizationFigures.curves(summary, RandomizationMode.CASCADING, ABS, List.of("saliency"))
                .render().getWidth() > 0);
        assertThrows(IllegalArgumentException.class, () -> RandomizationFigures.curves(summary,
                RandomizationMode.INDEPENDENT, ABS, List.of("saliency")));

        Table curves = Table.create("c", StringColumn.create("task"), StringColumn.create("method"),
                StringColumn.create("order"), DoubleColumn.create("percent"), DoubleColumn.create("auroc"),
                DoubleColumn.create("auroc_low"), DoubleColumn.create("auroc_high"));
        for (String[] m : new String[][] {{"saliency", "morf"}, {"random", "random"}}) {
            for (double p : new double[] {0, 25, 50}) {
                curves.stringColumn("task").append("pooled");
                curves.stringColumn("method").append(m[0]);
                curves.stringColumn("order").append(m[1]);
                curves.doubleColumn("percent").append(p);
                curves.doubleColumn("auroc").append(1 - p / 100);
                curves.doubleColumn("auroc_low").append(0.9 - p / 100);
                curves.doubleColumn("auroc_high").append(1.0);
            }
        }
        assertTrue(PerturbationFigures.curves(curves, "pooled", PerturbationOrder.MORF, "auroc", List.of("saliency"))
                .render().getWidth() > 0);
        assertThrows(IllegalArgumentException.class, () -> PerturbationFigures.curves(curves, "pooled",
                PerturbationOrder.MORF, "aopc", List.of("saliency")));
    }

    @Test
    void localizationHeatmapShowsMissingCellsAsUndefined() {
        Table summary = Table.create("s", StringColumn.create("task"), StringColumn.create("method"),
                StringColumn.create("score"), DoubleColumn.create("mean"));
        summary.stringColumn("task").append("LBBB");
        summary.stringColumn("method").append("saliency");
        summary.stringColumn("score").append("mask_auroc");
        summary.doubleColumn("mean").append(0.8);
        HeatmapFigure fig = LocalizationFigures.heatmap(summary, "mask_auroc", List.of("saliency"), List.of("LBBB"));
        assertTrue(fig.render().getWidth() > 0);
        assertThrows(IllegalArgumentException.class, () -> LocalizationFigures.heatmap(summary, "area",
                List.of("saliency"), List.of("LBBB")));
    }

    /** The summary of one LBBB row per pair {@code {method_a, method_b, score}} of absolute Spearman scores. */
    private static Table similaritySummary(String[][] pairs) {
        Table rows = Table.create("rows", StringColumn.create("task"), StringColumn.create("method_a"),
                StringColumn.create("method_b"), StringColumn.create("measure"), DoubleColumn.create("score"));
        for (String[] p : pairs) {
            rows.stringColumn("task").append("LBBB");
            rows.stringColumn("method_a").append(p[0]);
            rows.stringColumn("method_b").append(p[1]);
            rows.stringColumn("measure").append(ABS.label());
            rows.doubleColumn("score").append(Double.parseDouble(p[2]));
        }
        return Summaries.meanByGroup(rows, List.of("task", "method_a", "method_b", "measure"), "task", "score", 50, 1,
                "s");
    }

    private static int count(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color p = new Color(img.getRGB(x, y));
                if (Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen())
                        + Math.abs(p.getBlue() - c.getBlue()) < 12) {
                    n++;
                }
            }
        }
        return n;
    }
}
