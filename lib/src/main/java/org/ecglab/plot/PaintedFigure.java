package org.ecglab.plot;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.ecglab.data.io.AtomicFiles;

/**
 * A figure drawn directly with Java2D: one {@link #paint} method serves both the bitmap ({@link #render()}) and the
 * SVG export (through VectorGraphics2D, which XChart already depends on, so SVG needs no extra dependency).
 */
abstract class PaintedFigure implements Figure {

    /** Width in pixels. */
    abstract int width();

    /** Height in pixels. */
    abstract int height();

    /** Draws the whole figure onto a white canvas of {@link #width()} x {@link #height()}. */
    abstract void paint(Graphics2D g);

    @Override
    public final BufferedImage render() {
        BufferedImage image = Figures.blankImage(width(), height());
        Graphics2D g = image.createGraphics();
        try {
            paintOnWhite(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    @Override
    public final void saveSvg(Path svg) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        paintOnWhite(g);
        g.dispose();
        Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width(), height()));
        AtomicFiles.write(svg, doc::writeTo);
    }

    private void paintOnWhite(Graphics2D g) {
        Figures.antialias(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        paint(g);
    }
}
