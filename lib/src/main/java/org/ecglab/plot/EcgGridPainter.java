package org.ecglab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;
import org.ecglab.data.Lead;

/** Draws an {@link EcgGridFigure} from its settings and layout; one instance per paint. */
final class EcgGridPainter {
    /** Translucent green: distinct from both ends of the blue–red map and from the grey neutral. */
    static final Color MASK_COLOR = new Color(40, 170, 80, 60);
    private static final Color GRID_MINOR = new Color(250, 232, 232);
    /** ECG-paper colours and the axis grey, shared with {@link ClassGalleryPainter}. */
    static final Color GRID_MAJOR = new Color(238, 196, 196);
    static final Color ZERO_LINE = new Color(200, 160, 160);
    static final Color AXIS = new Color(90, 90, 90);
    static final Color PLAIN_TRACE = new Color(20, 20, 20);
    private static final double MINOR_MS = 40;
    private static final double MAJOR_MS = 200;
    private static final double MINOR_MV = 0.1;
    private static final double MAJOR_MV = 0.5;

    private final EcgGridFigure.Settings s;
    private final EcgGridLayout layout;
    private final double colorScale;
    private final double k;
    private final ColorMap map;

    EcgGridPainter(EcgGridFigure.Settings settings, EcgGridLayout layout, double colorScale) {
        this.s = settings;
        this.layout = layout;
        this.colorScale = colorScale;
        this.k = layout.scale();
        this.map = settings.signed ? ColorMap.DIVERGING : ColorMap.SEQUENTIAL;
    }

    void paint(Graphics2D g) {
        for (Lead lead : Lead.values()) {
            Rectangle2D panel = layout.panel(lead);
            Shape clip = g.getClip();
            g.clip(panel);
            if (s.grid) {
                paintGrid(g, lead, panel);
            }
            if (s.mask != null) {
                paintMask(g, lead, panel);
            }
            paintTrace(g, lead);
            g.setClip(clip);
            paintFrame(g, lead, panel);
        }
        paintAxisTitles(g);
        paintHeader(g);
        if (s.attribution != null) {
            paintColorBar(g);
        }
    }

    private void paintGrid(Graphics2D g, Lead lead, Rectangle2D p) {
        g.setStroke(new BasicStroke((float) (0.8 * k)));
        boolean minor = layout.xOfMs(lead, MINOR_MS) - layout.xOfMs(lead, 0) >= 4
                && layout.y(lead, 0) - layout.y(lead, MINOR_MV) >= 4;
        if (minor) {
            g.setColor(GRID_MINOR);
            gridLines(g, lead, p, MINOR_MS, MINOR_MV);
        }
        g.setColor(GRID_MAJOR);
        gridLines(g, lead, p, MAJOR_MS, MAJOR_MV);
        if (layout.yMin() < 0 && layout.yMax() > 0) {
            g.setColor(ZERO_LINE);
            g.setStroke(new BasicStroke((float) (1.1 * k)));
            double y0 = layout.y(lead, 0);
            g.draw(new Line2D.Double(p.getX(), y0, p.getMaxX(), y0));
        }
    }

    private void gridLines(Graphics2D g, Lead lead, Rectangle2D p, double stepMs, double stepMv) {
        for (double ms = 0; ms <= EcgGridLayout.WINDOW_MS + 1e-9; ms += stepMs) {
            double x = layout.xOfMs(lead, ms);
            g.draw(new Line2D.Double(x, p.getY(), x, p.getMaxY()));
        }
        for (double mv : NiceTicks.ticks(layout.yMin(), layout.yMax(), stepMv)) {
            double y = layout.y(lead, mv);
            g.draw(new Line2D.Double(p.getX(), y, p.getMaxX(), y));
        }
    }

    private void paintMask(Graphics2D g, Lead lead, Rectangle2D p) {
        paintMaskBands(g, s.mask[lead.index()], sample -> layout.x(lead, sample), p);
    }

    /**
     * Fills one {@link #MASK_COLOR} rectangle of {@code panel}'s height per run of samples with {@code m >= 0.5},
     * each sample owning the half-sample on either side.
     *
     * @param xOfSample horizontal pixel of a (fractional) sample index
     */
    static void paintMaskBands(Graphics2D g, float[] m, DoubleUnaryOperator xOfSample, Rectangle2D panel) {
        g.setColor(MASK_COLOR);
        int t = 0;
        while (t < m.length) {
            if (m[t] >= 0.5f) {
                int end = t;
                while (end + 1 < m.length && m[end + 1] >= 0.5f) {
                    end++;
                }
                double x0 = xOfSample.applyAsDouble(t - 0.5);
                double x1 = xOfSample.applyAsDouble(end + 0.5);
                g.fill(new Rectangle2D.Double(x0, panel.getY(), x1 - x0, panel.getHeight()));
                t = end + 1;
            } else {
                t++;
            }
        }
    }

    private void paintTrace(Graphics2D g, Lead lead) {
        float[] v = s.signal[lead.index()];
        if (s.attribution == null) {
            g.setColor(PLAIN_TRACE);
            g.setStroke(new BasicStroke((float) (1.4 * k), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int t = 0; t + 1 < v.length; t++) {
                g.draw(segment(lead, v, t));
            }
            return;
        }
        paintAttributedTrace(g, s.attribution[lead.index()], s.signed, colorScale, k, t -> segment(lead, v, t));
    }

    /**
     * A trace whose segment {@code t} (sample {@code t} to {@code t + 1}) is coloured by the mean attribution of its
     * two samples over {@code colorScale} (clipped; the diverging map for signed values, the sequential map of
     * {@code |a|} otherwise) and drawn thicker the stronger it is. Also used by {@link ClassGalleryPainter}.
     *
     * @param k       the figure's pixel scale
     * @param segment the line of segment {@code t}
     */
    static void paintAttributedTrace(Graphics2D g, float[] a, boolean signed, double colorScale, double k,
            IntFunction<Line2D> segment) {
        ColorMap map = signed ? ColorMap.DIVERGING : ColorMap.SEQUENTIAL;
        DoubleUnaryOperator normalised = value -> Math.max(map.min(), Math.min(map.max(),
                (signed ? value : Math.abs(value)) / colorScale));
        double[] u = new double[a.length - 1];
        for (int t = 0; t + 1 < a.length; t++) {
            u[t] = (normalised.applyAsDouble(a[t]) + normalised.applyAsDouble(a[t + 1])) / 2;
        }
        // Strong segments last, so their colour wins where neighbouring round caps overlap.
        Integer[] order = new Integer[u.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> Math.abs(u[i])));
        for (int t : order) {
            g.setColor(map.at(u[t]));
            g.setStroke(new BasicStroke((float) (k * (1.6 + 1.6 * Math.abs(u[t]))),
                    BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(segment.apply(t));
        }
    }

    private Line2D segment(Lead lead, float[] v, int t) {
        return new Line2D.Double(layout.x(lead, t), layout.y(lead, v[t]), layout.x(lead, t + 1), layout.y(lead, v[t + 1]));
    }

    private void paintFrame(Graphics2D g, Lead lead, Rectangle2D p) {
        g.setColor(AXIS);
        g.setStroke(new BasicStroke((float) (1.0 * k)));
        g.draw(p);

        paintPanelLabel(g, lead.label(), p, 15 * k);

        g.setFont(Figures.font(11 * k, false));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(AXIS);
        double yStep = NiceTicks.step(layout.yMin(), layout.yMax(), Math.max(2, (int) (p.getHeight() / (16 * k))));
        for (double mv : NiceTicks.ticks(layout.yMin(), layout.yMax(), yStep)) {
            double y = layout.y(lead, mv);
            g.draw(new Line2D.Double(p.getX() - 4 * k, y, p.getX(), y));
            // Panels are stacked closely: the label at a shared edge is written once, by the outer panel.
            boolean atTop = Math.abs(y - p.getY()) < 1;
            boolean atBottom = Math.abs(y - p.getMaxY()) < 1;
            if ((atTop && !layout.isTopRow(lead)) || (atBottom && !layout.isBottomRow(lead))) {
                continue;
            }
            String label = NiceTicks.format(mv, yStep);
            g.drawString(label, (float) (p.getX() - 6 * k - fm.stringWidth(label)), (float) (y + fm.getAscent() / 2.0 - 1));
        }
        if (layout.isBottomRow(lead)) {
            double xStep = p.getWidth() > 420 * k ? 100 : 200;
            for (double ms = 0; ms <= EcgGridLayout.WINDOW_MS + 1e-9; ms += xStep) {
                double x = layout.xOfMs(lead, ms);
                g.draw(new Line2D.Double(x, p.getMaxY(), x, p.getMaxY() + 4 * k));
                String label = String.format(Locale.ROOT, "%.0f", ms);
                g.drawString(label, (float) (x - fm.stringWidth(label) / 2.0), (float) (p.getMaxY() + 6 * k + fm.getAscent()));
            }
        }
    }

    /** A lead name in the panel's top-left corner, on a white backdrop so the grid and trace do not cross it. */
    static void paintPanelLabel(Graphics2D g, String name, Rectangle2D p, double fontSize) {
        g.setFont(Figures.font(fontSize, true));
        FontMetrics fm = g.getFontMetrics();
        double pad = fontSize * 4 / 15;
        Rectangle2D box = new Rectangle2D.Double(p.getX() + 1, p.getY() + 1,
                fm.stringWidth(name) + 2 * pad, fm.getAscent() + pad);
        g.setColor(new Color(255, 255, 255, 220));
        g.fill(box);
        g.setColor(Color.BLACK);
        g.drawString(name, (float) (box.getX() + pad), (float) (box.getY() + fm.getAscent()));
    }

    private void paintAxisTitles(Graphics2D g) {
        g.setFont(Figures.font(13 * k, false));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        for (Lead lead : Lead.values()) {
            if (layout.isBottomRow(lead)) {
                Rectangle2D p = layout.panel(lead);
                String t = "time (ms)";
                g.drawString(t, (float) (p.getCenterX() - fm.stringWidth(t) / 2.0),
                        (float) (p.getMaxY() + 26 * k + fm.getAscent()));
            }
        }
        Rectangle2D region = layout.plotRegion();
        String yTitle = "amplitude (mV)";
        AffineTransform saved = g.getTransform();
        g.translate(20 * k + fm.getAscent() / 2.0, region.getCenterY() + fm.stringWidth(yTitle) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(yTitle, 0, 0);
        g.setTransform(saved);
    }

    /** Title on the left of the header row, mask legend on its right. */
    private void paintHeader(Graphics2D g) {
        Rectangle2D region = layout.plotRegion();
        double baseline = region.getY() - 24 * k;
        g.setColor(Color.BLACK);
        g.setFont(Figures.font(20 * k, true));
        g.drawString(s.title, (float) region.getX(), (float) baseline);
        if (s.mask == null) {
            return;
        }
        g.setFont(Figures.font(13 * k, false));
        FontMetrics fm = g.getFontMetrics();
        double sw = 26 * k;
        double sh = 14 * k;
        double textX = region.getMaxX() - fm.stringWidth(s.maskLabel);
        Rectangle2D swatch = new Rectangle2D.Double(textX - sw - 6 * k, baseline - sh + 1, sw, sh);
        g.setColor(MASK_COLOR);
        g.fill(swatch);
        g.setColor(AXIS);
        g.setStroke(new BasicStroke((float) (0.8 * k)));
        g.draw(swatch);
        g.setColor(Color.BLACK);
        g.drawString(s.maskLabel, (float) textX, (float) baseline);
    }

    private void paintColorBar(Graphics2D g) {
        Rectangle2D bar = layout.colorBar();
        double lo = s.signed ? -colorScale : 0;
        ColorBar.paint(g, bar, map, lo, colorScale, s.colorLabel, 11 * k);
        g.setFont(Figures.font(10.5 * k, false));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(AXIS);
        String[] note = Double.isNaN(s.fixedScale)
                ? new String[] {"full colour at", "|a| \u2265 p" + NiceTicks.format(s.percentile, 0.1).replaceAll("\\.0$", "")}
                : new String[] {"fixed scale"};
        for (int i = 0; i < note.length; i++) {
            g.drawString(note[i], (float) bar.getX(), (float) (bar.getMaxY() + 18 * k + i * (fm.getHeight())));
        }
    }
}
