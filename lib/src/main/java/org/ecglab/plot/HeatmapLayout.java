package org.ecglab.plot;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Pixel geometry of a {@link HeatmapFigure}: square cells sized to fit next to the row labels (left), the column
 * labels (below, rotated 45 degrees), the title (top) and the colour bar (right). Exposed so tests and callers can
 * locate a cell or a label.
 */
public final class HeatmapLayout {
    static final double LABEL_ANGLE = Math.PI / 4;

    private final double scale;
    private final double cell;
    private final int rows;
    private final int cols;
    private final Rectangle2D matrix;
    private final double rowLabelWidth;

    private HeatmapLayout(double scale, double cell, int rows, int cols, Rectangle2D matrix, double rowLabelWidth) {
        this.scale = scale;
        this.cell = cell;
        this.rows = rows;
        this.cols = cols;
        this.matrix = matrix;
        this.rowLabelWidth = rowLabelWidth;
    }

    /** Computes the layout of a {@code width x height} figure with these labels, measuring text with the figure font. */
    static HeatmapLayout compute(int width, int height, List<String> rowLabels, List<String> colLabels) {
        double s = Math.max(0.8, Math.min(2.0, Math.min(width / 900.0, height / 800.0)));
        int rows = rowLabels.size();
        int cols = colLabels.size();
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            Figures.antialias(g);
            FontMetrics fm = g.getFontMetrics(labelFontFor(s));
            double rowW = rowLabels.stream().mapToInt(fm::stringWidth).max().orElse(0) + 10 * s;
            double colW = colLabels.stream().mapToInt(fm::stringWidth).max().orElse(0);
            double colDrop = colW * Math.sin(LABEL_ANGLE) + fm.getAscent() + 12 * s;
            double top = 64 * s;
            double right = 130 * s;
            // Rotated labels hang down-left from their column; the first one must not leave the canvas.
            double left = Math.max(rowW, colW * Math.cos(LABEL_ANGLE)) + 16 * s;
            double cellW = (width - left - right) / cols;
            double cellH = (height - top - colDrop - 16 * s) / rows;
            double cell = Math.min(cellW, cellH);
            if (cell < 8) {
                throw new IllegalArgumentException("figure " + width + "x" + height + " px is too small for a "
                        + rows + "x" + cols + " heatmap with these labels");
            }
            double x = left + (width - left - right - cell * cols) / 2;
            Rectangle2D matrix = new Rectangle2D.Double(x, top, cell * cols, cell * rows);
            return new HeatmapLayout(s, cell, rows, cols, matrix, rowW);
        } finally {
            g.dispose();
        }
    }

    static Font labelFontFor(double scale) {
        return Figures.font(13 * scale, false);
    }

    /** Size factor for fonts and margins (1 at 900 x 800 px). */
    public double scale() {
        return scale;
    }

    /** Side of a square cell in pixels. */
    public double cellSize() {
        return cell;
    }

    /** The whole matrix of cells. */
    public Rectangle2D matrix() {
        return (Rectangle2D) matrix.clone();
    }

    /** The rectangle of cell ({@code row}, {@code col}). */
    public Rectangle2D cell(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("cell (" + row + ", " + col + ") outside " + rows + "x" + cols);
        }
        return new Rectangle2D.Double(matrix.getX() + col * cell, matrix.getY() + row * cell, cell, cell);
    }

    /** The box the label of {@code row} is written in (right-aligned against the matrix). */
    public Rectangle2D rowLabel(int row) {
        Rectangle2D c = cell(row, 0);
        return new Rectangle2D.Double(matrix.getX() - rowLabelWidth, c.getY(), rowLabelWidth - 6 * scale, cell);
    }

    /** Where the colour bar goes: right of the matrix, as tall as it. */
    public Rectangle2D colorBar() {
        return new Rectangle2D.Double(matrix.getMaxX() + 22 * scale, matrix.getY(), 18 * scale, matrix.getHeight());
    }
}
