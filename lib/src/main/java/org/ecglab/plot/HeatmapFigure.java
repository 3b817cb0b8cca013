package org.ecglab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A labelled matrix with each value written in its cell, e.g. the method x method Spearman correlation of
 * experiment 1 (inter-method similarity).
 *
 * <pre>{@code
 * BufferedImage img = HeatmapFigure.of(rho, methodIds)      // square, labels for rows and columns
 *         .title("Inter-method similarity (Spearman, |a|) — LBBB")
 *         .colorLabel("Spearman ρ")
 *         .render();
 * }</pre>
 *
 * <p>Colours come from {@link #colorMap(ColorMap)} (default {@link ColorMap#DIVERGING}, for signed values such as
 * correlations; {@link ColorMap#SEQUENTIAL} suits non-negative values such as percentages) over
 * {@link #range(double, double)} (default [-1, 1]); values outside are clipped. The colour bar uses the same map. NaN (e.g. the correlation with a constant map) is allowed and shown as a grey "n/a" cell.
 * Drawn with Java2D so that values, label rotation and text contrast (white on dark cells) are under control.
 * Immutable: every setter returns a new figure.
 */
public final class HeatmapFigure extends PaintedFigure {
    private static final Color MISSING = new Color(232, 232, 232);

    /** The figure's options; see {@link FigureSettings}. */
    static final class Settings extends FigureSettings<Settings> {
        double[][] values;
        List<String> rowLabels;
        List<String> colLabels;
        String colorLabel = "value";
        ColorMap colorMap = ColorMap.DIVERGING;
        double lo = -1;
        double hi = 1;
        int decimals = 2;

        Settings() {
            super(900, 800);
        }
    }

    private final Settings settings;

    private HeatmapFigure(Settings settings) {
        this.settings = settings;
    }

    /** A square matrix with the same labels on rows and columns. */
    public static HeatmapFigure of(double[][] values, List<String> labels) {
        return of(values, labels, labels);
    }

    /**
     * A matrix of {@code rowLabels.size()} rows and {@code colLabels.size()} columns.
     *
     * @throws IllegalArgumentException if the shape does not match the labels or a value is infinite
     */
    public static HeatmapFigure of(double[][] values, List<String> rowLabels, List<String> colLabels) {
        Objects.requireNonNull(values, "values");
        List<String> rows = List.copyOf(rowLabels);
        List<String> cols = List.copyOf(colLabels);
        if (rows.isEmpty() || cols.isEmpty()) {
            throw new IllegalArgumentException("heatmap needs at least one row and one column label");
        }
        if (values.length != rows.size()) {
            throw new IllegalArgumentException("heatmap has " + values.length + " rows but " + rows.size() + " row labels");
        }
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            if (values[r] == null || values[r].length != cols.size()) {
                throw new IllegalArgumentException("heatmap row " + r + " (" + rows.get(r) + ") has "
                        + (values[r] == null ? 0 : values[r].length) + " values but there are " + cols.size()
                        + " column labels");
            }
            for (int c = 0; c < cols.size(); c++) {
                if (Double.isInfinite(values[r][c])) {
                    throw new IllegalArgumentException("heatmap value (" + rows.get(r) + ", " + cols.get(c)
                            + ") is infinite");
                }
            }
            copy[r] = values[r].clone();
        }
        Settings s = new Settings();
        s.values = copy;
        s.rowLabels = rows;
        s.colLabels = cols;
        return new HeatmapFigure(s);
    }

    /** Title above the matrix. */
    public HeatmapFigure title(String title) {
        String t = Objects.requireNonNull(title, "title");
        return with(s -> s.title = t);
    }

    /** Label of the colour bar (default "value"). */
    public HeatmapFigure colorLabel(String label) {
        String l = Objects.requireNonNull(label, "label");
        return with(s -> s.colorLabel = l);
    }

    /**
     * Colour map of the cells and the colour bar (default {@link ColorMap#DIVERGING}). The map's own domain
     * ({@code [-1, 1]} or {@code [0, 1]}) is stretched over {@link #range(double, double)}, so with the diverging
     * map the midpoint of the range gets the neutral colour, with {@link ColorMap#SEQUENTIAL} the minimum does.
     */
    public HeatmapFigure colorMap(ColorMap map) {
        ColorMap m = Objects.requireNonNull(map, "map");
        return with(s -> s.colorMap = m);
    }

    /** Value range of the colour map (default [-1, 1]); see {@link #colorMap(ColorMap)} for where it maps. */
    public HeatmapFigure range(double min, double max) {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("range must be finite with min < max, got [" + min + ", " + max + "]");
        }
        return with(s -> {
            s.lo = min;
            s.hi = max;
        });
    }

    /** Decimals written in the cells (default 2). */
    public HeatmapFigure decimals(int decimals) {
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be in 0..6, got " + decimals);
        }
        return with(s -> s.decimals = decimals);
    }

    /** Figure size in pixels (default 900 x 800). */
    public HeatmapFigure size(int width, int height) {
        Figures.checkSize(width, height, 300, 250);
        return with(s -> {
            s.width = width;
            s.height = height;
        });
    }

    /** The pixel layout this figure renders with. */
    public HeatmapLayout layout() {
        return HeatmapLayout.compute(settings.width, settings.height, settings.rowLabels, settings.colLabels);
    }

    /** The colour of a cell value (the neutral grey for NaN). */
    public Color colorOf(double value) {
        return Double.isNaN(value) ? MISSING : settings.colorMap.at(value, settings.lo, settings.hi);
    }

    @Override
    int width() {
        return settings.width;
    }

    @Override
    int height() {
        return settings.height;
    }

    @Override
    void paint(Graphics2D g) {
        HeatmapLayout layout = layout();
        double k = layout.scale();
        g.setColor(Color.BLACK);
        g.setFont(Figures.font(19 * k, true));
        g.drawString(settings.title, (float) (16 * k), (float) (36 * k));

        double cell = layout.cellSize();
        g.setFont(Figures.font(Math.min(13 * k, cell * 0.3), false));
        FontMetrics vm = g.getFontMetrics();
        boolean writeValues = vm.stringWidth(format(-0.99)) < cell * 0.92;
        for (int r = 0; r < settings.values.length; r++) {
            for (int c = 0; c < settings.values[r].length; c++) {
                Rectangle2D box = layout.cell(r, c);
                Color fill = colorOf(settings.values[r][c]);
                g.setColor(fill);
                g.fill(box);
                if (writeValues) {
                    String text = Double.isNaN(settings.values[r][c]) ? "n/a" : format(settings.values[r][c]);
                    g.setColor(ColorMap.luminance(fill) < 0.5 ? Color.WHITE : Color.BLACK);
                    g.drawString(text, (float) (box.getCenterX() - vm.stringWidth(text) / 2.0),
                            (float) (box.getCenterY() + vm.getAscent() / 2.0 - 1));
                }
            }
        }
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) Math.max(1, k)));
        for (int r = 0; r < settings.values.length; r++) {
            for (int c = 0; c < settings.values[r].length; c++) {
                g.draw(layout.cell(r, c));
            }
        }
        paintLabels(g, layout);
        ColorBar.paint(g, layout.colorBar(), settings.colorMap, settings.lo, settings.hi, settings.colorLabel, 12 * k);
    }

    private void paintLabels(Graphics2D g, HeatmapLayout layout) {
        double k = layout.scale();
        g.setFont(HeatmapLayout.labelFontFor(k));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        for (int r = 0; r < settings.rowLabels.size(); r++) {
            Rectangle2D box = layout.rowLabel(r);
            String s = settings.rowLabels.get(r);
            g.drawString(s, (float) (box.getMaxX() - fm.stringWidth(s)), (float) (box.getCenterY() + fm.getAscent() / 2.0 - 1));
        }
        double below = layout.matrix().getMaxY() + 8 * k;
        for (int c = 0; c < settings.colLabels.size(); c++) {
            String s = settings.colLabels.get(c);
            Rectangle2D cell = layout.cell(0, c);
            AffineTransform saved = g.getTransform();
            // Text ends under the column centre and runs down-left at 45 degrees.
            g.translate(cell.getCenterX() + fm.getAscent() / 2.0, below);
            g.rotate(-HeatmapLayout.LABEL_ANGLE);
            g.drawString(s, -fm.stringWidth(s), 0);
            g.setTransform(saved);
        }
    }

    private String format(double v) {
        return String.format(Locale.ROOT, "%." + settings.decimals + "f", v);
    }

    @Override
    public String toString() {
        return "HeatmapFigure[" + settings.rowLabels.size() + "x" + settings.colLabels.size() + ", range ["
                + settings.lo + ", " + settings.hi + "], title=\"" + settings.title + "\"]";
    }

    private HeatmapFigure with(Consumer<Settings> change) {
        return new HeatmapFigure(settings.changed(change));
    }
}
