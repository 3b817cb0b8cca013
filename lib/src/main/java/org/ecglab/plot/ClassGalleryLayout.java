package org.ecglab.plot;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.ecglab.data.EcgFormat;

/**
 * Pixel geometry of a {@link ClassGalleryFigure}: a grid of {@code rows x columns} panels below a header (title and
 * legend), with the row labels and y tick labels to the left. Every panel spans 0–1200 ms; the panels of row
 * {@code r} share the y range {@link #yRange(int)}. Margins and fonts scale with the width ({@link #scale()} is 1
 * at 1400 px), since the height grows with the number of rows.
 */
public final class ClassGalleryLayout {
    /** Preferred panel height at scale 1, used by {@link #defaultHeight}. */
    static final double PANEL_HEIGHT = 140;
    private static final double TOP = 92;
    private static final double BOTTOM = 62;
    private static final double LEFT = 262;
    private static final double RIGHT = 20;
    private static final double COL_GAP = 34;
    private static final double ROW_GAP = 16;

    private final int width;
    private final int height;
    private final int columns;
    private final double[][] yRanges;
    private final double scale;
    private final Rectangle2D plotRegion;

    /**
     * @param columns panels per row
     * @param yRanges per row, {@code {min, max}} in mV with min &lt; max
     * @throws IllegalArgumentException if a range is invalid or the panels would be too small to draw
     */
    public ClassGalleryLayout(int width, int height, int columns, double[][] yRanges) {
        if (columns < 1 || yRanges.length < 1) {
            throw new IllegalArgumentException("need at least one row and one column, got " + yRanges.length
                    + " x " + columns);
        }
        this.yRanges = new double[yRanges.length][];
        for (int r = 0; r < yRanges.length; r++) {
            double[] y = yRanges[r];
            if (y.length != 2 || !(y[1] > y[0]) || !Double.isFinite(y[0]) || !Double.isFinite(y[1])) {
                throw new IllegalArgumentException("y range of row " + r + " must be finite {min, max} with min < max, got "
                        + java.util.Arrays.toString(y));
            }
            this.yRanges[r] = y.clone();
        }
        this.width = width;
        this.height = height;
        this.columns = columns;
        this.scale = scaleFor(width);
        double k = scale;
        this.plotRegion = new Rectangle2D.Double(LEFT * k, TOP * k, width - (LEFT + RIGHT) * k,
                height - (TOP + BOTTOM) * k);
        if (panelWidth() < 60 || panelHeight() < 30) {
            throw new IllegalArgumentException("figure " + width + "x" + height + " px is too small for "
                    + rows() + " rows x " + columns + " panels");
        }
    }

    /** The height that gives {@code rows} rows panels of about 140 px (scaled with the width). */
    public static int defaultHeight(int width, int rows) {
        double k = scaleFor(width);
        return (int) Math.round((TOP + BOTTOM + rows * PANEL_HEIGHT + (rows - 1) * ROW_GAP) * k);
    }

    private static double scaleFor(int width) {
        // Below 0.8 text would become unreadable; the panels shrink instead.
        return Math.max(0.8, Math.min(2.0, width / 1400.0));
    }

    /** Figure width in pixels. */
    public int width() {
        return width;
    }

    /** Figure height in pixels. */
    public int height() {
        return height;
    }

    /** Number of rows. */
    public int rows() {
        return yRanges.length;
    }

    /** Panels per row. */
    public int columns() {
        return columns;
    }

    /** Size factor for fonts, strokes and margins (1 at 1400 px wide). */
    public double scale() {
        return scale;
    }

    /** The shared {@code {min, max}} in mV of row {@code row}'s panels. */
    public double[] yRange(int row) {
        return yRanges[checkRow(row)].clone();
    }

    /** Region of all panels together. */
    public Rectangle2D plotRegion() {
        return (Rectangle2D) plotRegion.clone();
    }

    /** The plotting rectangle of panel ({@code row}, {@code column}), axes excluded. */
    public Rectangle2D panel(int row, int column) {
        checkRow(row);
        if (column < 0 || column >= columns) {
            throw new IllegalArgumentException("column " + column + " outside 0.." + (columns - 1));
        }
        double x = plotRegion.getX() + column * (panelWidth() + COL_GAP * scale);
        double y = plotRegion.getY() + row * (panelHeight() + ROW_GAP * scale);
        return new Rectangle2D.Double(x, y, panelWidth(), panelHeight());
    }

    /** Horizontal pixel of time {@code ms} in panel ({@code row}, {@code column}). */
    public double xOfMs(int row, int column, double ms) {
        Rectangle2D p = panel(row, column);
        return p.getX() + ms / EcgGridLayout.WINDOW_MS * p.getWidth();
    }

    /** Horizontal pixel of (fractional) sample {@code sample} in panel ({@code row}, {@code column}). */
    public double x(int row, int column, double sample) {
        return xOfMs(row, column, sample * EcgFormat.MS_PER_SAMPLE);
    }

    /** Vertical pixel of amplitude {@code mv} in panel ({@code row}, {@code column}). */
    public double y(int row, int column, double mv) {
        Rectangle2D p = panel(row, column);
        double[] r = yRanges[row];
        return p.getMaxY() - (mv - r[0]) / (r[1] - r[0]) * p.getHeight();
    }

    /** Pixel of sample {@code sample} with amplitude {@code mv} in panel ({@code row}, {@code column}). */
    public Point2D point(int row, int column, int sample, double mv) {
        return new Point2D.Double(x(row, column, sample), y(row, column, mv));
    }

    private int checkRow(int row) {
        if (row < 0 || row >= rows()) {
            throw new IllegalArgumentException("row " + row + " outside 0.." + (rows() - 1));
        }
        return row;
    }

    private double panelWidth() {
        return (plotRegion.getWidth() - (columns - 1) * COL_GAP * scale) / columns;
    }

    private double panelHeight() {
        return (plotRegion.getHeight() - (rows() - 1) * ROW_GAP * scale) / rows();
    }

    @Override
    public String toString() {
        return "ClassGalleryLayout[" + width + "x" + height + ", " + rows() + " rows x " + columns + " columns]";
    }
}
