package org.ecglab.plot;

import java.awt.Color;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.style.BoxStyler;

/**
 * Per-category distributions as box plots (XChart {@link BoxChart}), e.g. the self-consistency correlations of
 * each attribution method (experiment 2). Boxes span the quartiles with a median line; whiskers reach the most
 * extreme values within 1.5 IQR (Tukey) and points beyond are drawn as '+' outliers, as XChart draws them. Categories keep insertion order.
 *
 * <pre>{@code
 * BufferedImage img = BoxPlotFigure.of(Map.of("saliency", rhos1, "deeplift", rhos2))
 *         .title("Self-consistency across 5 seeds").yAxisTitle("Spearman ρ").render();
 * }</pre>
 */
public final class BoxPlotFigure extends XChartFigure {
    private final Map<String, double[]> groups;
    private final String title;
    private final String xAxisTitle;
    private final String yAxisTitle;
    private final int width;
    private final int height;

    private BoxPlotFigure(Map<String, double[]> groups, String title, String xAxisTitle, String yAxisTitle,
            int width, int height) {
        this.groups = groups;
        this.title = title;
        this.xAxisTitle = xAxisTitle;
        this.yAxisTitle = yAxisTitle;
        this.width = width;
        this.height = height;
    }

    /**
     * One box per entry, in the map's iteration order (use a {@link LinkedHashMap} to choose it).
     *
     * @throws IllegalArgumentException if there are no groups, a group is empty or holds a non-finite value
     */
    public static BoxPlotFigure of(Map<String, double[]> groups) {
        if (groups == null || groups.isEmpty()) {
            throw new IllegalArgumentException("box plot needs at least one group");
        }
        Map<String, double[]> copy = new LinkedHashMap<>();
        groups.forEach((name, values) -> {
            if (values == null || values.length == 0) {
                throw new IllegalArgumentException("box plot group '" + name + "' is empty");
            }
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("box plot group '" + name + "' value " + i + " is " + values[i]);
                }
            }
            copy.put(name, values.clone());
        });
        return new BoxPlotFigure(copy, "", "", "", 900, 600);
    }

    /** Chart title. */
    public BoxPlotFigure title(String title) {
        return new BoxPlotFigure(groups, Objects.requireNonNull(title), xAxisTitle, yAxisTitle, width, height);
    }

    /** Title of the category axis. */
    public BoxPlotFigure xAxisTitle(String title) {
        return new BoxPlotFigure(groups, this.title, Objects.requireNonNull(title), yAxisTitle, width, height);
    }

    /** Title of the value axis (with its unit). */
    public BoxPlotFigure yAxisTitle(String title) {
        return new BoxPlotFigure(groups, this.title, xAxisTitle, Objects.requireNonNull(title), width, height);
    }

    /** Figure size in pixels (default 900 x 600). */
    public BoxPlotFigure size(int width, int height) {
        Figures.checkSize(width, height, 300, 200);
        return new BoxPlotFigure(groups, title, xAxisTitle, yAxisTitle, width, height);
    }

    @Override
    BoxChart chart() {
        BoxChart chart = new BoxChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        BoxStyler styler = chart.getStyler();
        double scale = Math.max(0.8, Math.min(2.0, Math.min(width / 900.0, height / 600.0)));
        style(styler, scale);
        styler.setLegendVisible(false);
        styler.setAxisTitleFont(Figures.font(13 * scale, false));
        styler.setAxisTickLabelsFont(Figures.font(11 * scale, false));
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setBoxplotCalCulationMethod(BoxStyler.BoxplotCalCulationMethod.N_LESS_1_PLUS_1);
        // Rotated labels get clipped at the right edge by XChart; rotate only when they would not fit side by side.
        int labelChars = groups.keySet().stream().mapToInt(String::length).sum() + 2 * groups.size();
        styler.setXAxisLabelRotation(labelChars * 8 * scale > 0.8 * width ? 45 : 0);
        // XChart draws every box in its own box style (outline, red median, '+' outliers); series colours are ignored.
        groups.forEach(chart::addSeries);
        return chart;
    }

    @Override
    public String toString() {
        return "BoxPlotFigure[" + groups.size() + " groups " + groups.keySet() + ", sizes "
                + Arrays.toString(groups.values().stream().mapToInt(v -> v.length).toArray()) + "]";
    }
}
