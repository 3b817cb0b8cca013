package org.ecglab.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * A translucent horizontal band across an XChart plot between two values of the y axis, with a label in its top
 * left corner. XChart paints annotations after the series, so the band is translucent to keep the boxes visible.
 */
final class BandAnnotation extends Annotation {
    private final double low;
    private final double high;
    private final String label;
    private final Color fill;
    private final Font font;

    BandAnnotation(double low, double high, String label, Color fill, Font font) {
        super(false);
        this.low = low;
        this.high = high;
        this.label = label;
        this.fill = fill;
        this.font = font;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        int left = getXAxisScreenValueForMin();
        int right = getXAxisScreenValueForMax();
        int top = getYAxisScreenValue(high);
        int bottom = getYAxisScreenValue(low);
        bounds = new Rectangle2D.Double(left, top, right - left, bottom - top);
        g.setColor(fill);
        g.fill(bounds);
        g.setColor(new Color(fill.getRed(), fill.getGreen(), fill.getBlue()).darker());
        g.setFont(font);
        g.drawString(label, left + 6, top + g.getFontMetrics().getAscent() + 2);
    }
}
