package org.ecglab.plot;

import java.awt.Color;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
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
    /** The figure's options; see {@link FigureSettings}. */
    static final class Settings extends FigureSettings<Settings> {
        Map<String, double[]> groups;
        String xAxisTitle = "";
        String yAxisTitle = "";
        double bandLow = Double.NaN;
        double bandHigh = Double.NaN;
        String bandLabel = "";

        Settings() {
            super(900, 600);
        }
    }

    private final Settings settings;

    private BoxPlotFigure(Settings settings) {
        this.settings = settings;
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
        Settings s = new Settings();
        s.groups = copy;
        return new BoxPlotFigure(s);
    }

    /** Chart title. */
    public BoxPlotFigure title(String title) {
        String t = Objects.requireNonNull(title, "title");
        return with(s -> s.title = t);
    }

    /** Title of the category axis. */
    public BoxPlotFigure xAxisTitle(String title) {
        String t = Objects.requireNonNull(title, "title");
        return with(s -> s.xAxisTitle = t);
    }

    /** Title of the value axis (with its unit). */
    public BoxPlotFigure yAxisTitle(String title) {
        String t = Objects.requireNonNull(title, "title");
        return with(s -> s.yAxisTitle = t);
    }

    /**
     * A shaded horizontal band from {@code low} to {@code high} behind the boxes, labelled in its top left corner,
     * e.g. a range reported in a paper to compare with. The value axis is widened to show it whole.
     *
     * @throws IllegalArgumentException if the bounds are not finite or {@code low >= high}
     */
    public BoxPlotFigure band(double low, double high, String label) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
            throw new IllegalArgumentException("band needs finite bounds with low < high, got [" + low + ", " + high
                    + "]");
        }
        String l = Objects.requireNonNull(label, "label");
        return with(s -> {
            s.bandLow = low;
            s.bandHigh = high;
            s.bandLabel = l;
        });
    }

    /** Figure size in pixels (default 900 x 600). */
    public BoxPlotFigure size(int width, int height) {
        Figures.checkSize(width, height, 300, 200);
        return with(s -> {
            s.width = width;
            s.height = height;
        });
    }

    @Override
    BoxChart chart() {
        BoxChart chart = new BoxChartBuilder().width(settings.width).height(settings.height)
                .title(settings.title).xAxisTitle(settings.xAxisTitle).yAxisTitle(settings.yAxisTitle).build();
        BoxStyler styler = chart.getStyler();
        double scale = Math.max(0.8, Math.min(2.0, Math.min(settings.width / 900.0, settings.height / 600.0)));
        style(styler, scale);
        styler.setLegendVisible(false);
        styler.setAxisTitleFont(Figures.font(13 * scale, false));
        styler.setAxisTickLabelsFont(Figures.font(11 * scale, false));
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setBoxplotCalCulationMethod(BoxStyler.BoxplotCalCulationMethod.N_LESS_1_PLUS_1);
        // Rotated labels get clipped at the right edge by XChart; rotate only when they would not fit side by side.
        int labelChars = settings.groups.keySet().stream().mapToInt(String::length).sum() + 2 * settings.groups.size();
        styler.setXAxisLabelRotation(labelChars * 8 * scale > 0.8 * settings.width ? 45 : 0);
        // XChart draws every box in its own box style (outline, red median, '+' outliers); series colours are ignored.
        settings.groups.forEach(chart::addSeries);
        if (!Double.isNaN(settings.bandLow)) {
            double min = Math.min(settings.bandLow, settings.groups.values().stream().flatMapToDouble(Arrays::stream)
                    .min().orElse(settings.bandLow));
            double max = Math.max(settings.bandHigh, settings.groups.values().stream().flatMapToDouble(Arrays::stream)
                    .max().orElse(settings.bandHigh));
            double pad = 0.05 * (max - min);
            styler.setYAxisMin(min - pad);
            styler.setYAxisMax(max + pad);
            chart.addAnnotation(new BandAnnotation(settings.bandLow, settings.bandHigh, settings.bandLabel,
                    new Color(0, 158, 115, 45), Figures.font(12 * scale, false)));
        }
        return chart;
    }

    @Override
    public String toString() {
        return "BoxPlotFigure[" + settings.groups.size() + " settings.groups " + settings.groups.keySet() + ", sizes "
                + Arrays.toString(settings.groups.values().stream().mapToInt(v -> v.length).toArray()) + "]";
    }

    private BoxPlotFigure with(Consumer<Settings> change) {
        return new BoxPlotFigure(settings.changed(change));
    }
}
