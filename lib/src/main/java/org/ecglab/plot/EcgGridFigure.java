package org.ecglab.plot;

import java.awt.Graphics2D;
import java.util.Objects;
import java.util.function.Consumer;
import org.ecglab.data.EcgFormat;

/**
 * The 12-lead ECG grid with an attribution overlay — the figure users look at most.
 *
 * <pre>{@code
 * BufferedImage img = EcgGridFigure.of(signal)              // float[12][600], mV
 *         .attribution(attr, true)                          // float[12][600], signed
 *         .mask(mask)                                       // optional ground truth, 1 inside
 *         .title("integrated_gradients — LBBB task, ECG syn-00012")
 *         .colorLabel("attribution (a.u.)")
 *         .size(1400, 1000)
 *         .render();
 * }</pre>
 *
 * <p>Each trace segment between samples {@code t} and {@code t+1} is coloured by the mean normalised attribution
 * {@code u = clip(a / s)} of its two samples on {@link ColorMap#DIVERGING} (signed maps, {@code u} in [-1, 1]) or
 * {@link ColorMap#SEQUENTIAL} (absolute maps, {@code u = clip(|a| / s)} in [0, 1]), and drawn slightly thicker as
 * {@code |u|} grows so the pattern also reads in greyscale. The scale {@code s} is by default the 99th percentile
 * of {@code |a|} over all leads ({@link RobustScale}), or a fixed value given with {@link #colorScale(double)} to
 * put several figures on one scale.
 *
 * <p>Drawn with Java2D rather than XChart: XChart cannot colour one line by value, and 12 x 599 one-segment series
 * would be slow and would fill the legend. Java2D gives exact control of the layout ({@link #layout()}), which the
 * tests use to find a sample's pixel. Immutable: every setter returns a new figure; input arrays are copied.
 */
public final class EcgGridFigure extends PaintedFigure {

    /** The figure's options; see {@link FigureSettings}. */
    static final class Settings extends FigureSettings<Settings> {
        float[][] signal;
        float[][] attribution;
        boolean signed = true;
        float[][] mask;
        String maskLabel = "ground-truth mask";
        String colorLabel = "attribution (a.u.)";
        EcgGridLayout.Arrangement arrangement = EcgGridLayout.Arrangement.SIX_BY_TWO;
        double[] yRange;
        double fixedScale = Double.NaN;
        double percentile = RobustScale.DEFAULT_PERCENTILE;
        boolean grid = true;

        Settings() {
            super(1400, 1000);
        }
    }

    private final Settings settings;

    private EcgGridFigure(Settings settings) {
        this.settings = settings;
    }

    /**
     * A grid of {@code signal}, without attribution (black traces).
     *
     * @param signal {@code float[12][600]} in mV, leads in standard order, finite
     * @throws IllegalArgumentException naming the wrong shape or the first non-finite sample
     */
    public static EcgGridFigure of(float[][] signal) {
        Settings s = new Settings();
        s.signal = checkedCopy(signal, "signal");
        return new EcgGridFigure(s);
    }

    /**
     * Colours the traces by {@code attribution}. A map without a lead axis ({@code float[1][600]}, e.g. Grad-CAM's:
     * one relevance per time point) colours every lead alike at each time point; say so in the title or caption,
     * since the figure cannot tell it from a map that happens to be equal on all leads.
     *
     * @param attribution {@code float[12][600]} or {@code float[1][600]}, finite, or null for plain traces
     * @param signed      true for a diverging map of signed values; false for a sequential map of {@code |a|}
     */
    public EcgGridFigure attribution(float[][] attribution, boolean signed) {
        float[][] copy = attribution == null ? null : checkedCopy(attribution.length == 1
                ? repeatedOnEveryLead(attribution[0]) : attribution, "attribution");
        return with(s -> {
            s.attribution = copy;
            s.signed = signed;
        });
    }

    /**
     * Shades the samples where {@code mask >= 0.5} with a translucent band behind the trace, with a legend entry.
     *
     * @param mask {@code float[12][600]}, 1 inside the ground-truth region, or null for none
     */
    public EcgGridFigure mask(float[][] mask) {
        return mask(mask, settings.maskLabel);
    }

    /** As {@link #mask(float[][])}, with the legend text {@code label}. */
    public EcgGridFigure mask(float[][] mask, String label) {
        float[][] copy = mask == null ? null : checkedCopy(mask, "mask");
        String l = Objects.requireNonNull(label, "label");
        return with(s -> {
            s.mask = copy;
            s.maskLabel = l;
        });
    }

    /** Title above the grid. */
    public EcgGridFigure title(String title) {
        String t = Objects.requireNonNull(title, "title");
        return with(s -> s.title = t);
    }

    /** Label of the colour bar (default "attribution (a.u.)"). */
    public EcgGridFigure colorLabel(String label) {
        String l = Objects.requireNonNull(label, "label");
        return with(s -> s.colorLabel = l);
    }

    /** Figure size in pixels (default 1400 x 1000). */
    public EcgGridFigure size(int width, int height) {
        Figures.checkSize(width, height, 400, 300);
        return with(s -> {
            s.width = width;
            s.height = height;
        });
    }

    /** Panel arrangement (default {@link EcgGridLayout.Arrangement#SIX_BY_TWO}). */
    public EcgGridFigure arrangement(EcgGridLayout.Arrangement arrangement) {
        EcgGridLayout.Arrangement a = Objects.requireNonNull(arrangement, "arrangement");
        return with(s -> s.arrangement = a);
    }

    /** Fixes the shared y range in mV (default: {@link EcgGridLayout#sharedYRange} of the signal). */
    public EcgGridFigure yRange(double minMv, double maxMv) {
        if (!(maxMv > minMv) || !Double.isFinite(minMv) || !Double.isFinite(maxMv)) {
            throw new IllegalArgumentException("y range must be finite with min < max, got [" + minMv + ", " + maxMv + "]");
        }
        return with(s -> s.yRange = new double[] {minMv, maxMv});
    }

    /** Fixes the attribution value drawn at full colour (instead of the robust percentile), e.g. to compare methods. */
    public EcgGridFigure colorScale(double maxAbs) {
        if (!(maxAbs > 0) || !Double.isFinite(maxAbs)) {
            throw new IllegalArgumentException("colour scale must be finite and > 0, got " + maxAbs);
        }
        return with(s -> s.fixedScale = maxAbs);
    }

    /** Percentile of {@code |a|} used as the colour scale when none is fixed (default 99). */
    public EcgGridFigure robustPercentile(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        }
        return with(s -> s.percentile = percentile);
    }

    /** Whether to draw the light ECG-paper grid (40 ms / 0.1 mV minor, 200 ms / 0.5 mV major; default true). */
    public EcgGridFigure grid(boolean grid) {
        return with(s -> s.grid = grid);
    }

    /** The pixel layout this figure renders with (shared y range, panel positions). */
    public EcgGridLayout layout() {
        double[] y = settings.yRange != null ? settings.yRange : EcgGridLayout.sharedYRange(settings.signal);
        return new EcgGridLayout(settings.width, settings.height, settings.arrangement, y[0], y[1],
                settings.attribution != null);
    }

    /** The attribution value drawn at full colour: the fixed scale, or the robust percentile of |a|; NaN without attribution. */
    public double effectiveColorScale() {
        if (settings.attribution == null) {
            return Double.NaN;
        }
        return Double.isNaN(settings.fixedScale)
                ? RobustScale.ofAbsolute(settings.attribution, settings.percentile) : settings.fixedScale;
    }

    @Override
    int width() {
        return settings.width;
    }

    @Override
    int height() {
        return settings.height;
    }

    @Override
    void paint(Graphics2D g) {
        new EcgGridPainter(settings, layout(), effectiveColorScale()).paint(g);
    }

    @Override
    public String toString() {
        return "EcgGridFigure[" + settings.width + "x" + settings.height + ", " + settings.arrangement
                + (settings.attribution == null ? ", no attribution" : settings.signed ? ", signed attribution"
                        : ", absolute attribution")
                + (settings.mask == null ? "" : ", mask") + ", title=\"" + settings.title + "\"]";
    }

    private EcgGridFigure with(Consumer<Settings> change) {
        return new EcgGridFigure(settings.changed(change));
    }

    /** A deep copy of {@code a} after {@link EcgFormat#validate} (also used by {@link ClassGalleryFigure}). */
    private static float[][] repeatedOnEveryLead(float[] row) {
        float[][] out = new float[EcgFormat.LEADS][];
        java.util.Arrays.fill(out, row);
        return out;
    }

    static float[][] checkedCopy(float[][] a, String what) {
        EcgFormat.validate(a, what);
        float[][] copy = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }
}
