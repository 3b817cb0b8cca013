package org.ecglab.plot;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;

/**
 * Pixel geometry of an {@link EcgGridFigure}: where each lead's panel is, and where a sample of a lead lands. The
 * figure draws with this object and tests (or users adding annotations) can use it to find a sample's pixel.
 *
 * <p>Leads are placed column by column in standard order: with {@link Arrangement#SIX_BY_TWO} the limb leads
 * I, II, III, aVR, aVL, aVF fill the left column and V1–V6 the right one; with {@link Arrangement#THREE_BY_FOUR}
 * the columns are (I, II, III), (aVR, aVL, aVF), (V1, V2, V3), (V4, V5, V6) as on a clinical printout. Every panel
 * spans 0–1200 ms horizontally and the same millivolt range vertically, so amplitudes compare across leads.
 * Margins and fonts scale with the figure ({@link #scale()} is 1 at 1400 x 1000 px).
 */
public final class EcgGridLayout {
    /** How the twelve panels are arranged. */
    public enum Arrangement {
        /** Six rows, two columns: limb leads left, chest leads right (default; widest panels, best time detail). */
        SIX_BY_TWO(6, 2),
        /** Three rows, four columns, as on a clinical 12-lead printout. */
        THREE_BY_FOUR(3, 4);

        final int rows;
        final int cols;

        Arrangement(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
        }
    }

    /** Duration of the beat window shown on every x axis, in milliseconds. */
    public static final double WINDOW_MS = EcgFormat.SAMPLES * EcgFormat.MS_PER_SAMPLE;

    private final int width;
    private final int height;
    private final Arrangement arrangement;
    private final double yMin;
    private final double yMax;
    private final double scale;
    private final Rectangle2D plotRegion;
    private final double colGap;
    private final double rowGap;
    private final boolean colorBar;

    /**
     * @param yMin     bottom of every panel in mV
     * @param yMax     top of every panel in mV
     * @param colorBar whether to reserve the right margin for a colour bar
     */
    public EcgGridLayout(int width, int height, Arrangement arrangement, double yMin, double yMax, boolean colorBar) {
        if (!(yMax > yMin) || !Double.isFinite(yMin) || !Double.isFinite(yMax)) {
            throw new IllegalArgumentException("y range must be finite with min < max, got [" + yMin + ", " + yMax + "] mV");
        }
        this.width = width;
        this.height = height;
        this.arrangement = arrangement;
        this.yMin = yMin;
        this.yMax = yMax;
        this.colorBar = colorBar;
        // Below 0.8 text would become unreadable; the panels shrink instead.
        this.scale = Math.max(0.8, Math.min(2.0, Math.min(width / 1400.0, height / 1000.0)));
        double left = 84 * scale;
        double top = 70 * scale;
        double right = (colorBar ? 150 : 24) * scale;
        double bottom = 64 * scale;
        this.plotRegion = new Rectangle2D.Double(left, top, width - left - right, height - top - bottom);
        this.colGap = 64 * scale;
        this.rowGap = (arrangement.rows > 3 ? 10 : 26) * scale;
        if (panelWidth() < 40 || panelHeight() < 20) {
            throw new IllegalArgumentException("figure " + width + "x" + height + " px is too small for a "
                    + arrangement + " grid");
        }
    }

    /**
     * A shared y range covering every lead: the overall min and max, padded by 5% of the span, widened to at
     * least 1 mV, and rounded outwards to multiples of 0.5 mV (the major grid spacing).
     */
    public static double[] sharedYRange(float[][] signal) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[] lead : signal) {
            for (float v : lead) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double pad = 0.05 * (hi - lo);
        lo -= pad;
        hi += pad;
        if (hi - lo < 1.0) {
            double mid = (hi + lo) / 2;
            lo = mid - 0.5;
            hi = mid + 0.5;
        }
        return new double[] {Math.floor(lo * 2) / 2, Math.ceil(hi * 2) / 2};
    }

    /** Figure width in pixels. */
    public int width() {
        return width;
    }

    /** Figure height in pixels. */
    public int height() {
        return height;
    }

    /** The panel arrangement. */
    public Arrangement arrangement() {
        return arrangement;
    }

    /** Bottom of every panel in mV. */
    public double yMin() {
        return yMin;
    }

    /** Top of every panel in mV. */
    public double yMax() {
        return yMax;
    }

    /** Size factor for fonts, strokes and margins (1 at 1400 x 1000 px). */
    public double scale() {
        return scale;
    }

    /** Row of {@code lead}'s panel (0 = top). */
    public int row(Lead lead) {
        return lead.index() % arrangement.rows;
    }

    /** Column of {@code lead}'s panel (0 = left). */
    public int column(Lead lead) {
        return lead.index() / arrangement.rows;
    }

    /** Whether {@code lead}'s panel is in the top row. */
    public boolean isTopRow(Lead lead) {
        return row(lead) == 0;
    }

    /** Whether {@code lead}'s panel is in the bottom row (and so carries the time tick labels). */
    public boolean isBottomRow(Lead lead) {
        return row(lead) == arrangement.rows - 1;
    }

    /** The plotting rectangle of {@code lead}'s panel (axes excluded). */
    public Rectangle2D panel(Lead lead) {
        double x = plotRegion.getX() + column(lead) * (panelWidth() + colGap);
        double y = plotRegion.getY() + row(lead) * (panelHeight() + rowGap);
        return new Rectangle2D.Double(x, y, panelWidth(), panelHeight());
    }

    /** Horizontal pixel of time {@code ms} in {@code lead}'s panel. */
    public double xOfMs(Lead lead, double ms) {
        Rectangle2D p = panel(lead);
        return p.getX() + ms / WINDOW_MS * p.getWidth();
    }

    /** Horizontal pixel of sample {@code sample} (time {@code sample * 2 ms}) in {@code lead}'s panel. */
    public double x(Lead lead, double sample) {
        return xOfMs(lead, sample * EcgFormat.MS_PER_SAMPLE);
    }

    /** Vertical pixel of amplitude {@code mv} in {@code lead}'s panel. */
    public double y(Lead lead, double mv) {
        Rectangle2D p = panel(lead);
        return p.getMaxY() - (mv - yMin) / (yMax - yMin) * p.getHeight();
    }

    /** Pixel of sample {@code sample} with amplitude {@code mv} in {@code lead}'s panel. */
    public Point2D point(Lead lead, int sample, double mv) {
        return new Point2D.Double(x(lead, sample), y(lead, mv));
    }

    /** Region of all panels together. */
    public Rectangle2D plotRegion() {
        return (Rectangle2D) plotRegion.clone();
    }

    /** Where the colour bar goes (right of the panels, middle 70% of their height), or null without one. */
    public Rectangle2D colorBar() {
        if (!colorBar) {
            return null;
        }
        double h = plotRegion.getHeight() * 0.7;
        return new Rectangle2D.Double(plotRegion.getMaxX() + 26 * scale,
                plotRegion.getCenterY() - h / 2, 18 * scale, h);
    }

    private double panelWidth() {
        return (plotRegion.getWidth() - (arrangement.cols - 1) * colGap) / arrangement.cols;
    }

    private double panelHeight() {
        return (plotRegion.getHeight() - (arrangement.rows - 1) * rowGap) / arrangement.rows;
    }

    @Override
    public String toString() {
        return "EcgGridLayout[" + width + "x" + height + ", " + arrangement + ", y " + yMin + ".." + yMax + " mV]";
    }
}
