package org.ecglab.plot;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;

/** Test helpers to look at rendered pixels near a point computed from a figure's layout. */
final class Pixels {
    private Pixels() {
    }

    static Color at(BufferedImage img, double x, double y) {
        return new Color(img.getRGB((int) Math.floor(x), (int) Math.floor(y)));
    }

    /**
     * The pixel closest in RGB distance to {@code target} within {@code radius} pixels vertically of {@code p}
     * (a stroke a couple of pixels wide is antialiased at its edges, so its exact colour sits near the centre line).
     */
    static Color closestTo(BufferedImage img, Point2D p, int radius, Color target) {
        Color best = null;
        double bestD = Double.POSITIVE_INFINITY;
        int x = (int) Math.floor(p.getX());
        for (int dy = -radius; dy <= radius; dy++) {
            Color c = new Color(img.getRGB(x, (int) Math.floor(p.getY()) + dy));
            double d = distance(c, target);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    static double distance(Color a, Color b) {
        int dr = a.getRed() - b.getRed();
        int dg = a.getGreen() - b.getGreen();
        int db = a.getBlue() - b.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
