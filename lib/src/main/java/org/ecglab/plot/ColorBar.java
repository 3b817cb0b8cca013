package org.ecglab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/** Draws a vertical colour bar with nice ticks and a rotated label, for the Java2D figures. */
final class ColorBar {
    private ColorBar() {
    }

    /**
     * Paints the bar into {@code bar} (low values at the bottom), tick labels to its right, and {@code label}
     * rotated along the right side.
     *
     * @param lo       value at the bottom of the bar
     * @param hi       value at the top of the bar
     * @param fontSize tick label size; the label is drawn slightly larger
     */
    static void paint(Graphics2D g, Rectangle2D bar, ColorMap map, double lo, double hi, String label,
            double fontSize) {
        int top = (int) Math.round(bar.getY());
        int bottom = (int) Math.round(bar.getMaxY());
        for (int y = top; y < bottom; y++) {
            double v = hi - (y + 0.5 - top) / (bottom - top) * (hi - lo);
            g.setColor(map.at(v, lo, hi));
            g.fill(new Rectangle2D.Double(bar.getX(), y, bar.getWidth(), 1));
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.draw(bar);

        g.setFont(Figures.font(fontSize, false));
        FontMetrics fm = g.getFontMetrics();
        double step = NiceTicks.step(lo, hi, 7);
        double maxLabel = 0;
        for (double t : NiceTicks.ticks(lo, hi, step)) {
            double y = bar.getMaxY() - (t - lo) / (hi - lo) * bar.getHeight();
            g.draw(new Line2D.Double(bar.getMaxX(), y, bar.getMaxX() + 4, y));
            String s = NiceTicks.format(t, step);
            maxLabel = Math.max(maxLabel, fm.stringWidth(s));
            g.drawString(s, (float) (bar.getMaxX() + 7), (float) (y + fm.getAscent() / 2.0 - 1));
        }
        if (label != null && !label.isEmpty()) {
            g.setFont(Figures.font(fontSize * 1.1, false));
            FontMetrics lm = g.getFontMetrics();
            AffineTransform saved = g.getTransform();
            double x = bar.getMaxX() + 12 + maxLabel + lm.getAscent();
            g.translate(x, bar.getCenterY() + lm.stringWidth(label) / 2.0);
            g.rotate(-Math.PI / 2);
            g.drawString(label, 0, 0);
            g.setTransform(saved);
        }
    }
}
