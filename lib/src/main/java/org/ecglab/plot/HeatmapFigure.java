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

    private final double[][] values;
    private final List<String> rowLabels;
    private final List<String> colLabels;
    private final String title;
    private final String colorLabel;
    private final ColorMap colorMap;
    private final double lo;
    private final double hi;
    private final int decimals;
    private final int width;
    private final int height;

    private HeatmapFigure(double[][] values, List<String> rowLabels, List<String> colLabels, String title,
            String colorLabel, ColorMap colorMap, double lo, double hi, int decimals, int width, int height) {
        this.values = values;
        this.rowLabels = rowLabels;
        this.colLabels = colLabels;
        this.title = title;
        this.colorLabel = colorLabel;
        this.colorMap = colorMap;
        this.lo = lo;
        this.hi = hi;
        this.decimals = decimals;
        this.width = width;
        this.height = height;
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
        return new HeatmapFigure(copy, rows, cols, "", "value", ColorMap.DIVERGING, -1, 1, 2, 900, 800);
    }

    /** Title above the matrix. */
    public HeatmapFigure title(String title) {
        return new HeatmapFigure(values, rowLabels, colLabels, Objects.requireNonNull(title, "title"), colorLabel,
                colorMap, lo, hi, decimals, width, height);
    }

    /** Label of the colour bar (default "value"). */
    public HeatmapFigure colorLabel(String label) {
        return new HeatmapFigure(values, rowLabels, colLabels, title, Objects.requireNonNull(label, "label"),
                colorMap, lo, hi, decimals, width, height);
    }

    /**
     * Colour map of the cells and the colour bar (default {@link ColorMap#DIVERGING}). The map's own domain
     * ({@code [-1, 1]} or {@code [0, 1]}) is stretched over {@link #range(double, double)}, so with the diverging
     * map the midpoint of the range gets the neutral colour, with {@link ColorMap#SEQUENTIAL} the minimum does.
     */
    public HeatmapFigure colorMap(ColorMap map) {
        return new HeatmapFigure(values, rowLabels, colLabels, title, colorLabel, Objects.requireNonNull(map, "map"),
                lo, hi, decimals, width, height);
    }

    /** Value range of the colour map (default [-1, 1]); see {@link #colorMap(ColorMap)} for where it maps. */
    public HeatmapFigure range(double min, double max) {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("range must be finite with min < max, got [" + min + ", " + max + "]");
        }
        return new HeatmapFigure(values, rowLabels, colLabels, title, colorLabel, colorMap, min, max, decimals, width,
                height);
    }

    /** Decimals written in the cells (default 2). */
    public HeatmapFigure decimals(int decimals) {
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be in 0..6, got " + decimals);
        }
        return new HeatmapFigure(values, rowLabels, colLabels, title, colorLabel, colorMap, lo, hi, decimals, width,
                height);
    }

    /** Figure size in pixels (default 900 x 800). */
    public HeatmapFigure size(int width, int height) {
        Figures.checkSize(width, height, 300, 250);
        return new HeatmapFigure(values, rowLabels, colLabels, title, colorLabel, colorMap, lo, hi, decimals, width,
                height);
    }

    /** The pixel layout this figure renders with. */
    public HeatmapLayout layout() {
        return HeatmapLayout.compute(width, height, rowLabels, colLabels);
    }

    /** The colour of a cell value (the neutral grey for NaN). */
    public Color colorOf(double value) {
        return Double.isNaN(value) ? MISSING : colorMap.at(value, lo, hi);
    }

    @Override
    int width() {
        return width;
    }

    @Override
    int height() {
        return height;
    }

    @Override
    void paint(Graphics2D g) {
        HeatmapLayout layout = layout();
        double k = layout.scale();
        g.setColor(Color.BLACK);
        g.setFont(Figures.font(19 * k, true));
        g.drawString(title, (float) (16 * k), (float) (36 * k));

        double cell = layout.cellSize();
        g.setFont(Figures.font(Math.min(13 * k, cell * 0.3), false));
        FontMetrics vm = g.getFontMetrics();
        boolean writeValues = vm.stringWidth(format(-0.99)) < cell * 0.92;
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                Rectangle2D box = layout.cell(r, c);
                Color fill = colorOf(values[r][c]);
                g.setColor(fill);
                g.fill(box);
                if (writeValues) {
                    String text = Double.isNaN(values[r][c]) ? "n/a" : format(values[r][c]);
                    g.setColor(ColorMap.luminance(fill) < 0.5 ? Color.WHITE : Color.BLACK);
                    g.drawString(text, (float) (box.getCenterX() - vm.stringWidth(text) / 2.0),
                            (float) (box.getCenterY() + vm.getAscent() / 2.0 - 1));
                }
            }
        }
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) Math.max(1, k)));
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                g.draw(layout.cell(r, c));
            }
        }
        paintLabels(g, layout);
        ColorBar.paint(g, layout.colorBar(), colorMap, lo, hi, colorLabel, 12 * k);
    }

    private void paintLabels(Graphics2D g, HeatmapLayout layout) {
        double k = layout.scale();
        g.setFont(HeatmapLayout.labelFontFor(k));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        for (int r = 0; r < rowLabels.size(); r++) {
            Rectangle2D box = layout.rowLabel(r);
            String s = rowLabels.get(r);
            g.drawString(s, (float) (box.getMaxX() - fm.stringWidth(s)), (float) (box.getCenterY() + fm.getAscent() / 2.0 - 1));
        }
        double below = layout.matrix().getMaxY() + 8 * k;
        for (int c = 0; c < colLabels.size(); c++) {
            String s = colLabels.get(c);
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
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    @Override
    public String toString() {
        return "HeatmapFigure[" + rowLabels.size() + "x" + colLabels.size() + ", range [" + lo + ", " + hi
                + "], title=\"" + title + "\"]";
    }
}
