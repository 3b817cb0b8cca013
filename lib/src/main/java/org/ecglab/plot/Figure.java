package org.ecglab.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A figure as a value: it can be rendered any number of times and saved, and rendering has no side effects.
 *
 * <p>In a Java Jupyter notebook make {@link #render()} the last expression of a cell: both IJava and rapaio show a
 * {@link BufferedImage} inline.
 */
public interface Figure {

    /** Renders the figure to a new RGB image of the figure's size. */
    BufferedImage render();

    /**
     * Saves the rendered figure as PNG, atomically (temporary file in the same folder, then rename).
     *
     * @throws IOException if the file cannot be written
     */
    default void save(Path png) throws IOException {
        Figures.toPng(render(), png);
    }

    /**
     * Saves the figure as SVG (vector text and lines), atomically.
     *
     * @throws IOException if the file cannot be written
     */
    void saveSvg(Path svg) throws IOException;
}
