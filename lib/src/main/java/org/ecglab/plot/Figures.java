package org.ecglab.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.ecglab.data.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Shared figure plumbing: atomic PNG/SVG writing, XChart chart to image, rendering hints and fonts.
 *
 * <p>Only logical fonts ({@value #FONT_FAMILY}) are used, so figures look the same on headless CI machines.
 */
public final class Figures {
    /** The logical font family used by every figure. */
    public static final String FONT_FAMILY = Font.SANS_SERIF;

    private Figures() {
    }

    /**
     * Writes {@code image} as PNG to {@code path}: first to a temporary file in the same folder, then renamed, so a
     * reader never sees a half-written file and a failed write leaves nothing behind.
     *
     * @throws IOException if writing fails
     */
    public static void toPng(BufferedImage image, Path path) throws IOException {
        Objects.requireNonNull(image, "image");
        AtomicFiles.write(path, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available for image type " + image.getType());
            }
        });
    }

    /** Renders an XChart chart to an image of the chart's own size ({@link BitmapEncoder#getBufferedImage}). */
    public static BufferedImage toImage(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(Objects.requireNonNull(chart, "chart"));
    }

    /** Saves an XChart chart as SVG, atomically, with XChart's own {@link VectorGraphicsEncoder}. */
    public static void toSvg(Chart<?, ?> chart, Path path) throws IOException {
        Objects.requireNonNull(chart, "chart");
        AtomicFiles.write(path,
                out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
    }

    /**
     * The images one below the other, left-aligned on white, {@code gap} pixels apart: several figures (e.g. one
     * method's maps for ECGs of three classes) shown as one image, since a notebook cell displays one.
     *
     * @throws IllegalArgumentException if there is no image or the gap is negative
     */
    public static BufferedImage stack(java.util.List<BufferedImage> images, int gap) {
        if (images.isEmpty() || gap < 0) {
            throw new IllegalArgumentException("stack needs at least one image and a gap >= 0; got " + images.size()
                    + " images, gap " + gap);
        }
        int width = images.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int height = images.stream().mapToInt(BufferedImage::getHeight).sum() + gap * (images.size() - 1);
        BufferedImage out = blankImage(width, height);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            int y = 0;
            for (BufferedImage image : images) {
                g.drawImage(image, 0, y, null);
                y += image.getHeight() + gap;
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A new white RGB image of the given size with a graphics context ready for {@link #antialias}. */
    static BufferedImage blankImage(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** Turns on antialiasing for shapes and text and pure stroke geometry (so pixel positions match the layout). */
    static void antialias(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /** The figure font at {@code size} points, plain or bold. */
    static Font font(double size, boolean bold) {
        return new Font(FONT_FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    }

    /** Checks a requested figure size. */
    static void checkSize(int width, int height, int minWidth, int minHeight) {
        if (width < minWidth || height < minHeight || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("figure size " + width + "x" + height + " px is outside ["
                    + minWidth + ".." + 10_000 + "]x[" + minHeight + ".." + 10_000 + "]");
        }
    }
}
