package org.ecglab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecglab.data.Lead;

/** Draws a {@link ClassGalleryFigure} from its settings and layout; one instance per paint. */
final class ClassGalleryPainter {
    /** The reference beat: a mid grey, lighter than the black trace drawn over it but visible on the mask band. */
    static final Color REFERENCE_COLOR = new Color(150, 150, 150);
    private static final double MAJOR_MS = 200;
    private static final double MAJOR_MV = 0.5;

    private final ClassGalleryFigure.Settings s;
    private final ClassGalleryLayout layout;
    private final double k;

    ClassGalleryPainter(ClassGalleryFigure.Settings settings, ClassGalleryLayout layout) {
        this.s = settings;
        this.layout = layout;
        this.k = layout.scale();
    }

    void paint(Graphics2D g) {
        for (int r = 0; r < s.rows.size(); r++) {
            ClassGalleryFigure.Row row = s.rows.get(r);
            for (int c = 0; c < row.leads().size(); c++) {
                paintPanel(g, r, c, row, row.leads().get(c));
            }
            paintYTicks(g, r);
            paintRowLabel(g, r, row);
        }
        paintXAxis(g);
        paintHeader(g);
    }

    private void paintPanel(Graphics2D g, int r, int c, ClassGalleryFigure.Row row, Lead lead) {
        Rectangle2D p = layout.panel(r, c);
        Shape clip = g.getClip();
        g.clip(p);
        if (s.grid) {
            paintGrid(g, r, c, p);
        }
        if (row.mask() != null) {
            EcgGridPainter.paintMaskBands(g, row.mask()[lead.index()], t -> layout.x(r, c, t), p);
        }
        if (row.reference() != null) {
            g.setColor(REFERENCE_COLOR);
            g.setStroke(new BasicStroke((float) (1.8 * k), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(trace(r, c, row.reference()[lead.index()]));
        }
        float[] v = row.signal()[lead.index()];
        if (row.attribution() != null) {
            double scale = RobustScale.ofAbsolute(row.attribution(), RobustScale.DEFAULT_PERCENTILE);
            EcgGridPainter.paintAttributedTrace(g, row.attribution()[lead.index()], row.signed(), scale, k,
                    t -> new Line2D.Double(layout.x(r, c, t), layout.y(r, c, v[t]), layout.x(r, c, t + 1),
                            layout.y(r, c, v[t + 1])));
        } else {
            g.setColor(EcgGridPainter.PLAIN_TRACE);
            g.setStroke(new BasicStroke((float) (1.6 * k), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(trace(r, c, v));
        }
        g.setClip(clip);

        g.setColor(EcgGridPainter.AXIS);
        g.setStroke(new BasicStroke((float) (1.0 * k)));
        g.draw(p);
        EcgGridPainter.paintPanelLabel(g, lead.label(), p, 13 * k);
    }

    private void paintGrid(Graphics2D g, int r, int c, Rectangle2D p) {
        double[] y = layout.yRange(r);
        g.setColor(EcgGridPainter.GRID_MAJOR);
        g.setStroke(new BasicStroke((float) (0.8 * k)));
        for (double ms = MAJOR_MS; ms < EcgGridLayout.WINDOW_MS; ms += MAJOR_MS) {
            double x = layout.xOfMs(r, c, ms);
            g.draw(new Line2D.Double(x, p.getY(), x, p.getMaxY()));
        }
        for (double mv : NiceTicks.ticks(y[0], y[1], MAJOR_MV)) {
            double py = layout.y(r, c, mv);
            g.draw(new Line2D.Double(p.getX(), py, p.getMaxX(), py));
        }
        if (y[0] < 0 && y[1] > 0) {
            g.setColor(EcgGridPainter.ZERO_LINE);
            g.setStroke(new BasicStroke((float) (1.1 * k)));
            double y0 = layout.y(r, c, 0);
            g.draw(new Line2D.Double(p.getX(), y0, p.getMaxX(), y0));
        }
    }

    private Path2D trace(int r, int c, float[] v) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(layout.x(r, c, 0), layout.y(r, c, v[0]));
        for (int t = 1; t < v.length; t++) {
            path.lineTo(layout.x(r, c, t), layout.y(r, c, v[t]));
        }
        return path;
    }

    /** Millivolt ticks left of the row's first panel (all panels of a row share the range). */
    private void paintYTicks(Graphics2D g, int r) {
        Rectangle2D p = layout.panel(r, 0);
        double[] y = layout.yRange(r);
        g.setFont(Figures.font(11 * k, false));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(EcgGridPainter.AXIS);
        g.setStroke(new BasicStroke((float) (1.0 * k)));
        double step = NiceTicks.step(y[0], y[1], Math.max(2, Math.min(6, (int) (p.getHeight() / (22 * k)))));
        for (double mv : NiceTicks.ticks(y[0], y[1], step)) {
            double py = layout.y(r, 0, mv);
            g.draw(new Line2D.Double(p.getX() - 4 * k, py, p.getX(), py));
            String label = NiceTicks.format(mv, step);
            g.drawString(label, (float) (p.getX() - 6 * k - fm.stringWidth(label)), (float) (py + fm.getAscent() / 2.0 - 1));
        }
    }

    /** Bold label, then the subtitle wrapped to the label column, vertically centred on the row. */
    private void paintRowLabel(Graphics2D g, int r, ClassGalleryFigure.Row row) {
        Rectangle2D p = layout.panel(r, 0);
        double x = 34 * k;
        double maxWidth = p.getX() - 44 * k - x;
        g.setFont(Figures.font(15 * k, true));
        FontMetrics bold = g.getFontMetrics();
        g.setFont(Figures.font(12 * k, false));
        FontMetrics plain = g.getFontMetrics();
        List<String> lines = row.subtitle().isEmpty() ? List.of() : wrap(row.subtitle(), plain, maxWidth);
        double total = bold.getHeight() + lines.size() * plain.getHeight();
        double baseline = p.getCenterY() - total / 2 + bold.getAscent();
        g.setColor(Color.BLACK);
        g.setFont(bold.getFont());
        g.drawString(row.label(), (float) x, (float) baseline);
        g.setColor(EcgGridPainter.AXIS);
        g.setFont(plain.getFont());
        for (String line : lines) {
            baseline += plain.getHeight();
            g.drawString(line, (float) x, (float) baseline);
        }
    }

    /** Greedy word wrap; a single word wider than the column stays on its own line. */
    static List<String> wrap(String text, FontMetrics fm, double maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && fm.stringWidth(candidate) > maxWidth) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Time ticks and titles under the bottom row, and the rotated amplitude title on the far left. */
    private void paintXAxis(Graphics2D g) {
        int bottom = layout.rows() - 1;
        int columns = s.rows.get(bottom).leads().size();
        g.setColor(EcgGridPainter.AXIS);
        g.setStroke(new BasicStroke((float) (1.0 * k)));
        for (int c = 0; c < columns; c++) {
            Rectangle2D p = layout.panel(bottom, c);
            g.setFont(Figures.font(11 * k, false));
            FontMetrics fm = g.getFontMetrics();
            // Labels "800 1000 1200" need about 50 px per 200 ms; narrower panels get every other one.
            double step = p.getWidth() >= 300 * k ? MAJOR_MS : 2 * MAJOR_MS;
            for (double ms = 0; ms <= EcgGridLayout.WINDOW_MS + 1e-9; ms += step) {
                double x = layout.xOfMs(bottom, c, ms);
                g.draw(new Line2D.Double(x, p.getMaxY(), x, p.getMaxY() + 4 * k));
                String label = String.format(Locale.ROOT, "%.0f", ms);
                g.drawString(label, (float) (x - fm.stringWidth(label) / 2.0), (float) (p.getMaxY() + 6 * k + fm.getAscent()));
            }
            g.setFont(Figures.font(13 * k, false));
            fm = g.getFontMetrics();
            String t = "time (ms)";
            g.drawString(t, (float) (p.getCenterX() - fm.stringWidth(t) / 2.0), (float) (p.getMaxY() + 26 * k + fm.getAscent()));
        }
        g.setFont(Figures.font(13 * k, false));
        FontMetrics fm = g.getFontMetrics();
        Rectangle2D region = layout.plotRegion();
        String yTitle = "amplitude (mV)";
        AffineTransform saved = g.getTransform();
        g.translate(12 * k + fm.getAscent(), region.getCenterY() + fm.stringWidth(yTitle) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(yTitle, 0, 0);
        g.setTransform(saved);
    }

    /** Title, and below it one legend entry per layer that some row has. */
    private void paintHeader(Graphics2D g) {
        Rectangle2D region = layout.plotRegion();
        g.setColor(Color.BLACK);
        g.setFont(Figures.font(20 * k, true));
        g.drawString(s.title, (float) (34 * k), (float) (region.getY() - 52 * k));

        g.setFont(Figures.font(13 * k, false));
        FontMetrics fm = g.getFontMetrics();
        double baseline = region.getY() - 18 * k;
        double mid = baseline - fm.getAscent() / 2.0 + 1;
        double x = 34 * k;
        double sw = 28 * k;
        if (s.rows.stream().anyMatch(row -> row.attribution() == null)) {
            x = legendLine(g, x, mid, sw, EcgGridPainter.PLAIN_TRACE, 1.6, s.signalLabel, baseline, fm);
        }
        if (s.rows.stream().anyMatch(row -> row.reference() != null)) {
            x = legendLine(g, x, mid, sw, REFERENCE_COLOR, 1.8, s.referenceLabel, baseline, fm);
        }
        if (s.rows.stream().anyMatch(row -> row.mask() != null)) {
            Rectangle2D swatch = new Rectangle2D.Double(x, mid - 7 * k, sw, 14 * k);
            g.setColor(EcgGridPainter.MASK_COLOR);
            g.fill(swatch);
            g.setColor(EcgGridPainter.AXIS);
            g.setStroke(new BasicStroke((float) (0.8 * k)));
            g.draw(swatch);
            g.setColor(Color.BLACK);
            g.drawString(s.maskLabel, (float) (x + sw + 8 * k), (float) baseline);
            x += sw + 8 * k + fm.stringWidth(s.maskLabel) + 28 * k;
        }
        if (s.rows.stream().anyMatch(row -> row.attribution() != null)) {
            g.setColor(Color.BLACK);
            g.drawString(s.attributionLabel, (float) x, (float) baseline);
        }
    }

    private double legendLine(Graphics2D g, double x, double mid, double sw, Color color, double stroke, String label,
            double baseline, FontMetrics fm) {
        g.setColor(color);
        g.setStroke(new BasicStroke((float) (stroke * 1.4 * k), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x, mid, x + sw, mid));
        g.setColor(Color.BLACK);
        g.drawString(label, (float) (x + sw + 8 * k), (float) baseline);
        return x + sw + 8 * k + fm.stringWidth(label) + 28 * k;
    }
}
