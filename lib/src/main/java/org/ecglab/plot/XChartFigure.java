package org.ecglab.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * A figure backed by an XChart chart, built afresh for every render so the figure itself stays an immutable value.
 * Shares the library's look: white background, logical sans-serif fonts, colour-blind-safe palette.
 */
abstract class XChartFigure implements Figure {
    /** Okabe &amp; Ito (2008) colour-blind-safe palette, in order of use. */
    static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0), new Color(240, 228, 66)};

    /** Builds the chart to draw. */
    abstract Chart<?, ?> chart();

    @Override
    public final BufferedImage render() {
        return Figures.toImage(chart());
    }

    @Override
    public final void saveSvg(Path svg) throws IOException {
        Figures.toSvg(chart(), svg);
    }

    /** Applies the shared look to a chart's styler. */
    static void style(Styler styler, double scale) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartTitleFont(Figures.font(18 * scale, true));
        styler.setLegendFont(Figures.font(12 * scale, false));
        styler.setChartTitleBoxVisible(false);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setAntiAlias(true);
        styler.setSeriesColors(PALETTE);
    }
}
