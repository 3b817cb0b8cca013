/**
 * Figures as values: each renders to a {@link java.awt.image.BufferedImage} (shown inline by the Java Jupyter
 * kernels when it is a cell's last expression) and saves atomically as PNG or SVG.
 *
 * <ul>
 *   <li>{@link org.ecglab.plot.EcgGridFigure} — the 12-lead grid with attribution as trace colour and an optional
 *       ground-truth mask band; geometry in {@link org.ecglab.plot.EcgGridLayout}.</li>
 *   <li>{@link org.ecglab.plot.ClassGalleryFigure} — small multiples: one row per beat (e.g. per diagnostic class),
 *       chosen leads as columns, a grey reference beat and the mask band; geometry in
 *       {@link org.ecglab.plot.ClassGalleryLayout}.</li>
 *   <li>{@link org.ecglab.plot.HeatmapFigure} — labelled matrix with values, e.g. method x method correlations.</li>
 *   <li>{@link org.ecglab.plot.BoxPlotFigure}, {@link org.ecglab.plot.CurveFigure} — XChart-based distributions
 *       and curves with shaded intervals.</li>
 *   <li>{@link org.ecglab.plot.RocFigure} — ROC curves of several classifiers with the chance diagonal.</li>
 *   <li>{@link org.ecglab.plot.Figures} — atomic PNG/SVG writing and XChart chart to image.</li>
 * </ul>
 *
 * <p>The experiments' figures, built from their result tables, are in the sub-package
 * {@code org.ecglab.plot.experiment}, so that these figures stay free of the layers between data and plot.
 *
 * <p>The ECG grid, class gallery and heatmap are drawn with Java2D (one painter serves bitmap and SVG, via VectorGraphics2D, which
 * XChart already brings in); box plots and curves use XChart. Only logical fonts are used and nothing needs a
 * display: everything works with {@code -Djava.awt.headless=true}. Figures take plain arrays and lists, so they
 * need nothing from the layers between data and plot. Every figure is an immutable value built the same way: a
 * static factory with the data, then one {@code with...}-style setter per option, each returning a changed copy.
 *
 * <p>May import: {@code org.ecglab.data.*}.
 */
package org.ecglab.plot;
