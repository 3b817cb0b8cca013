package org.ecglab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Lines with optional shaded bands (e.g. bootstrap 95% intervals) on an XChart {@link XYChart}: randomisation
 * curves (experiment 3), perturbation curves (experiment 4). A band is drawn as a closed translucent polygon
 * (upper bound left to right, lower bound back) in its curve's colour and kept out of the legend.
 *
 * <pre>{@code
 * BufferedImage img = CurveFigure.create()
 *         .curve("saliency", steps, meanRho, lo95, hi95)
 *         .curve("random", steps, baseline)
 *         .title("Cascading randomisation").xAxisTitle("layers randomised").yAxisTitle("Spearman ρ")
 *         .render();
 * }</pre>
 */
public final class CurveFigure extends XChartFigure {
    private record Curve(String name, double[] x, double[] y, double[] lo, double[] hi) {
    }

    /** The figure's options; see {@link FigureSettings}. */
    static final class Settings extends FigureSettings<Settings> {
        List<Curve> curves = List.of();
        String xAxisTitle = "";
        String yAxisTitle = "";

        Settings() {
            super(900, 600);
        }
    }

    private final Settings settings;

    private CurveFigure(Settings settings) {
        this.settings = settings;
    }

    /** An empty figure (900 x 600); add curves with {@link #curve}. */
    public static CurveFigure create() {
        return new CurveFigure(new Settings());
    }

    /** Adds a line without a band. */
    public CurveFigure curve(String name, double[] x, double[] y) {
        return curve(name, x, y, null, null);
    }

    /**
     * Adds a line with a shaded band between {@code lo} and {@code hi} (both null for none).
     *
     * @throws IllegalArgumentException if lengths differ, a value is not finite, only one bound is given, the name
     *                                  is taken, or {@code lo > hi} somewhere
     */
    public CurveFigure curve(String name, double[] x, double[] y, double[] lo, double[] hi) {
        Objects.requireNonNull(name, "name");
        if (settings.curves.stream().anyMatch(c -> c.name().equals(name))) {
            throw new IllegalArgumentException("curve '" + name + "' already added");
        }
        if ((lo == null) != (hi == null)) {
            throw new IllegalArgumentException("curve '" + name + "': give both band bounds or neither");
        }
        checkSeries(name, "x", x, x);
        checkSeries(name, "y", y, x);
        if (lo != null) {
            checkSeries(name, "lower bound", lo, x);
            checkSeries(name, "upper bound", hi, x);
            for (int i = 0; i < lo.length; i++) {
                if (lo[i] > hi[i]) {
                    throw new IllegalArgumentException("curve '" + name + "': lower bound " + lo[i]
                            + " above upper bound " + hi[i] + " at point " + i);
                }
            }
        }
        List<Curve> more = new ArrayList<>(settings.curves);
        more.add(new Curve(name, x.clone(), y.clone(), lo == null ? null : lo.clone(), hi == null ? null : hi.clone()));
        return with(s -> s.curves = List.copyOf(more));
    }

    /** Chart title. */
    public CurveFigure title(String title) {
        String t = Objects.requireNonNull(title, "title");
        return with(s -> s.title = t);
    }

    /** Title of the x axis (with its unit). */
    public CurveFigure xAxisTitle(String title) {
        String t = Objects.requireNonNull(title, "title");
        return with(s -> s.xAxisTitle = t);
    }

    /** Title of the y axis (with its unit). */
    public CurveFigure yAxisTitle(String title) {
        String t = Objects.requireNonNull(title, "title");
        return with(s -> s.yAxisTitle = t);
    }

    /** Figure size in pixels (default 900 x 600). */
    public CurveFigure size(int width, int height) {
        Figures.checkSize(width, height, 300, 200);
        return with(s -> {
            s.width = width;
            s.height = height;
        });
    }

    @Override
    XYChart chart() {
        if (settings.curves.isEmpty()) {
            throw new IllegalStateException("curve figure has no curves; add one with curve(...)");
        }
        XYChart chart = new XYChartBuilder().width(settings.width).height(settings.height)
                .title(settings.title).xAxisTitle(settings.xAxisTitle).yAxisTitle(settings.yAxisTitle).build();
        XYStyler styler = chart.getStyler();
        double scale = Math.max(0.8, Math.min(2.0, Math.min(settings.width / 900.0, settings.height / 600.0)));
        style(styler, scale);
        styler.setAxisTitleFont(Figures.font(13 * scale, false));
        styler.setAxisTickLabelsFont(Figures.font(11 * scale, false));
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setLegendPosition(XYStyler.LegendPosition.OutsideE);
        styler.setLegendVisible(settings.curves.size() > 1 || !settings.curves.get(0).name().isEmpty());
        // Bands first, so every line is drawn over every band.
        for (int i = 0; i < settings.curves.size(); i++) {
            Curve c = settings.curves.get(i);
            if (c.lo() != null) {
                Color colour = PALETTE[i % PALETTE.length];
                int n = c.x().length;
                double[] bx = new double[2 * n];
                double[] by = new double[2 * n];
                for (int j = 0; j < n; j++) {
                    bx[j] = c.x()[j];
                    by[j] = c.hi()[j];
                    bx[2 * n - 1 - j] = c.x()[j];
                    by[2 * n - 1 - j] = c.lo()[j];
                }
                XYSeries band = chart.addSeries(c.name() + " (band)", bx, by);
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60));
                band.setLineColor(new Color(0, 0, 0, 0));
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(false);
            }
        }
        for (int i = 0; i < settings.curves.size(); i++) {
            Curve c = settings.curves.get(i);
            XYSeries line = chart.addSeries(c.name(), c.x(), c.y());
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(PALETTE[i % PALETTE.length]);
            line.setLineStyle(new BasicStroke((float) (2 * scale)));
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setMarkerColor(PALETTE[i % PALETTE.length]);
        }
        return chart;
    }

    private static void checkSeries(String name, String what, double[] v, double[] x) {
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException("curve '" + name + "': " + what + " is empty");
        }
        if (v.length != x.length) {
            throw new IllegalArgumentException("curve '" + name + "': " + what + " has " + v.length
                    + " points but x has " + x.length);
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("curve '" + name + "': " + what + " point " + i + " is " + v[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "CurveFigure[" + settings.curves.stream().map(Curve::name).toList() + ", title=\"" + settings.title + "\"]";
    }

    private CurveFigure with(Consumer<Settings> change) {
        return new CurveFigure(settings.changed(change));
    }
}
