package org.ecglab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * ROC curves of several classifiers in one square plot: false positive rate (x) against true positive rate (y),
 * both from 0 to 1, one line per classifier with its AUROC in the legend, and the dashed diagonal of a classifier
 * that ranks at random (AUROC 0.5). Points are joined by straight lines, as the trapezoidal AUROC assumes.
 * CurveFigure does not fit: it marks every point and scales its axes to the data.
 *
 * <pre>{@code
 * RocCurve roc = RocCurve.of(scores, labels);     // org.ecglab.stats
 * BufferedImage img = RocFigure.create()
 *         .curve("LBBB", roc.falsePositiveRates(), roc.truePositiveRates(), roc.auroc())
 *         .title("Test ROC, seed 1").render();
 * }</pre>
 *
 * Takes plain arrays so that this package keeps depending on {@code org.ecglab.data} only.
 */
public final class RocFigure extends XChartFigure {
    /** Legend entry of the diagonal. */
    static final String CHANCE = "chance (AUROC 0.500)";

    /**
     * An extra point of the diagonal, invisibly close to the origin. XChart 3.8.8 puts its ticks at the data values
     * themselves when all distinct values of an axis are equally spaced (within 1e-4), which ROC rates often are
     * (multiples of 1 / negatives): the ticks then sit at thinned-out data values such as 0.0333.. or, with a
     * decimal pattern, are labelled by rounding them (a tick at 0.906 read "1.0"). This point makes the first gap
     * tiny and so the values unequally spaced, unless an axis has more than about 10,000 distinct rates.
     */
    static final double TICK_GUARD = 1e-9;

    private record Curve(String name, double[] fpr, double[] tpr, double auroc) {
    }

    /** The figure's options; see {@link FigureSettings}. */
    static final class Settings extends FigureSettings<Settings> {
        List<Curve> curves = List.of();

        Settings() {
            super(760, 640);
        }
    }

    private final Settings settings;

    private RocFigure(Settings settings) {
        this.settings = settings;
    }

    /** An empty figure (760 x 640: a square plot with the legend to its right); add curves with {@link #curve}. */
    public static RocFigure create() {
        return new RocFigure(new Settings());
    }

    /**
     * Adds one classifier's curve; the legend shows {@code name (AUROC auroc)}.
     *
     * @param fpr   false positive rates, non-decreasing, in [0, 1]
     * @param tpr   true positive rates at the same thresholds, non-decreasing, in [0, 1]
     * @param auroc the area under the curve, shown in the legend
     * @throws IllegalArgumentException if the name is taken, the arrays are empty or differ in length, a rate is
     *                                  outside [0, 1] or decreases, or {@code auroc} is not in [0, 1]
     */
    public RocFigure curve(String name, double[] fpr, double[] tpr, double auroc) {
        Objects.requireNonNull(name, "name");
        if (settings.curves.stream().anyMatch(c -> c.name().equals(name))) {
            throw new IllegalArgumentException("ROC curve '" + name + "' already added");
        }
        checkRates(name, "false positive rate", fpr);
        checkRates(name, "true positive rate", tpr);
        if (fpr.length != tpr.length) {
            throw new IllegalArgumentException("ROC curve '" + name + "': " + fpr.length
                    + " false positive rates but " + tpr.length + " true positive rates");
        }
        if (!(auroc >= 0 && auroc <= 1)) {
            throw new IllegalArgumentException("ROC curve '" + name + "': AUROC " + auroc + " is not in [0, 1]");
        }
        List<Curve> more = new ArrayList<>(settings.curves);
        more.add(new Curve(name, fpr.clone(), tpr.clone(), auroc));
        return with(s -> s.curves = List.copyOf(more));
    }

    /** Chart title. */
    public RocFigure title(String title) {
        String t = Objects.requireNonNull(title, "title");
        return with(s -> s.title = t);
    }

    /** Figure size in pixels (default 760 x 640). */
    public RocFigure size(int width, int height) {
        Figures.checkSize(width, height, 300, 200);
        return with(s -> {
            s.width = width;
            s.height = height;
        });
    }

    /** Legend text of a curve: its name and AUROC to three decimals. */
    static String legend(String name, double auroc) {
        return String.format(Locale.ROOT, "%s (AUROC %.3f)", name, auroc);
    }

    @Override
    XYChart chart() {
        if (settings.curves.isEmpty()) {
            throw new IllegalStateException("ROC figure has no curves; add one with curve(...)");
        }
        XYChart chart = new XYChartBuilder().width(settings.width).height(settings.height).title(settings.title)
                .xAxisTitle("false positive rate").yAxisTitle("true positive rate").build();
        XYStyler styler = chart.getStyler();
        double scale = Math.max(0.8, Math.min(2.0, Math.min(settings.width / 760.0, settings.height / 640.0)));
        style(styler, scale);
        styler.setAxisTitleFont(Figures.font(13 * scale, false));
        styler.setAxisTickLabelsFont(Figures.font(11 * scale, false));
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setLegendPosition(XYStyler.LegendPosition.OutsideE);
        styler.setXAxisMin(0.0);
        styler.setXAxisMax(1.0);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(1.0);
        // Ticks every 0.1 or 0.2 (the default spacing dropped the x axis's "1" label). No decimal pattern, so a
        // label always shows its tick's true value; see also TICK_GUARD.
        styler.setXAxisTickMarkSpacingHint((int) Math.round(90 * scale));
        styler.setYAxisTickMarkSpacingHint((int) Math.round(90 * scale));
        for (int i = 0; i < settings.curves.size(); i++) {
            Curve c = settings.curves.get(i);
            XYSeries line = chart.addSeries(legend(c.name(), c.auroc()), c.fpr(), c.tpr());
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            Color colour = PALETTE[i % PALETTE.length];
            line.setLineColor(colour);
            line.setMarkerColor(colour);
            // Past the palette's eight colours, a dashed line keeps the settings.curves apart.
            line.setLineStyle(i < PALETTE.length ? new BasicStroke((float) (2 * scale))
                    : new BasicStroke((float) (2 * scale), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {(float) (8 * scale), (float) (4 * scale)}, 0f));
            line.setMarker(SeriesMarkers.NONE);
        }
        double[] diagonal = {0, TICK_GUARD, 1};
        XYSeries chance = chart.addSeries(CHANCE, diagonal, diagonal);
        chance.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chance.setLineColor(Color.GRAY);
        chance.setLineStyle(new BasicStroke((float) (1.2 * scale), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {(float) (5 * scale), (float) (5 * scale)}, 0f));
        chance.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    private static void checkRates(String name, String what, double[] v) {
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException("ROC curve '" + name + "': " + what + " is empty");
        }
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] <= 1)) {
                throw new IllegalArgumentException("ROC curve '" + name + "': " + what + " " + v[i] + " at point "
                        + i + " is not in [0, 1]");
            }
            if (i > 0 && v[i] < v[i - 1]) {
                throw new IllegalArgumentException("ROC curve '" + name + "': " + what + " decreases at point " + i
                        + " (" + v[i - 1] + " to " + v[i] + ")");
            }
        }
    }

    @Override
    public String toString() {
        return "RocFigure[" + settings.curves.stream().map(Curve::name).toList() + ", title=\"" + settings.title + "\"]";
    }

    private RocFigure with(Consumer<Settings> change) {
        return new RocFigure(settings.changed(change));
    }
}
