package org.ecglab.plot;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.ecglab.data.Lead;

/**
 * Small multiples for comparing beats, e.g. the nine diagnostic classes of one synthetic patient: one row per beat,
 * one column per chosen lead, each panel showing the beat (black), optionally a reference beat behind it (grey, e.g.
 * the same patient without the pathology) and a ground-truth mask band (green, as in {@link EcgGridFigure}).
 *
 * <pre>{@code
 * ClassGalleryFigure.of(List.of(
 *         new ClassGalleryFigure.Row("LBBB", "Left bundle branch block", beat.cleanSignal(),
 *                 beat.cleanWithoutPathology(), beat.mask(), List.of(Lead.I, Lead.V1, Lead.V6)),
 *         ...))
 *     .title("Nine classes, one patient")
 *     .render();
 * }</pre>
 *
 * <p>Every panel spans the 0–1200 ms beat window; the panels of one row share a millivolt range
 * ({@link EcgGridLayout#sharedYRange} of the row's shown leads, signal and reference), so amplitudes compare across
 * the leads of a row but each row uses its own scale (a hypertrophy beat would otherwise flatten all others).
 * Rows may show different leads (the leads named in each class's criterion); panel {@code (r, c)} shows
 * {@code rows.get(r).leads().get(c)}. Immutable: every setter returns a new figure; a row copies
 * its arrays when created (its accessors return those copies, which callers should not modify).
 */
public final class ClassGalleryFigure extends PaintedFigure {
    /** At most this many leads per row; more would make the panels too narrow to read. */
    public static final int MAX_LEADS_PER_ROW = 6;

    /**
     * One row of the gallery.
     *
     * @param label     short bold row label, e.g. a class id "LBBB"
     * @param subtitle  smaller text under the label, e.g. "Left bundle branch block" (may be empty)
     * @param signal    the beat drawn in black, {@code float[12][600]} mV
     * @param reference the beat drawn in grey behind it ({@code float[12][600]} mV), or null for none
     * @param mask        1 where the ground-truth band is shaded ({@code float[12][600]}), or null for none
     * @param leads       the leads shown, left to right: 1 to {@value #MAX_LEADS_PER_ROW}, no repeats
     * @param attribution a map {@code float[12][600]} colouring the beat's trace (as {@link EcgGridFigure} does,
     *                    scaled per row by the {@link RobustScale} of the whole map), or null for a black trace
     * @param signed      whether the attribution is drawn signed (blue–red) or as magnitude
     */
    public record Row(String label, String subtitle, float[][] signal, float[][] reference, float[][] mask,
            List<Lead> leads, float[][] attribution, boolean signed) {

        /** @throws IllegalArgumentException naming the row and what is wrong (shape, NaN, leads) */
        public Row {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(subtitle, "subtitle");
            Objects.requireNonNull(leads, "leads");
            signal = EcgGridFigure.checkedCopy(signal, "row '" + label + "' signal");
            reference = reference == null ? null : EcgGridFigure.checkedCopy(reference, "row '" + label + "' reference");
            mask = mask == null ? null : EcgGridFigure.checkedCopy(mask, "row '" + label + "' mask");
            attribution = attribution == null ? null
                    : EcgGridFigure.checkedCopy(attribution, "row '" + label + "' attribution");
            if (leads.isEmpty() || leads.size() > MAX_LEADS_PER_ROW) {
                throw new IllegalArgumentException("row '" + label + "' must show 1 to " + MAX_LEADS_PER_ROW
                        + " leads, got " + leads.size());
            }
            Set<Lead> seen = EnumSet.noneOf(Lead.class);
            for (Lead lead : leads) {
                if (!seen.add(Objects.requireNonNull(lead, "lead"))) {
                    throw new IllegalArgumentException("row '" + label + "' shows lead " + lead + " twice: " + leads);
                }
            }
            leads = List.copyOf(leads);
        }

        /** A row without attribution: the beat drawn in black. */
        public Row(String label, String subtitle, float[][] signal, float[][] reference, float[][] mask,
                List<Lead> leads) {
            this(label, subtitle, signal, reference, mask, leads, null, false);
        }

        /** A row whose beat is coloured by an attribution map, e.g. one method's explanation of it. */
        public static Row attributed(String label, String subtitle, float[][] signal, float[][] attribution,
                boolean signed, float[][] mask, List<Lead> leads) {
            return new Row(label, subtitle, signal, null, mask, leads, Objects.requireNonNull(attribution,
                    "attribution"), signed);
        }

        /** The row's shared y range in mV over its shown leads, signal and reference. */
        double[] yRange() {
            List<float[]> shown = new ArrayList<>();
            for (Lead lead : leads) {
                shown.add(signal[lead.index()]);
                if (reference != null) {
                    shown.add(reference[lead.index()]);
                }
            }
            return EcgGridLayout.sharedYRange(shown.toArray(new float[0][]));
        }
    }

    /** The figure's options; see {@link FigureSettings}. A height of -1 means the layout's default. */
    static final class Settings extends FigureSettings<Settings> {
        List<Row> rows;
        String signalLabel = "pathological beat";
        String referenceLabel = "same patient without pathology";
        String maskLabel = "ground-truth mask";
        String attributionLabel = "trace colour: attribution (red raises the logit, blue lowers it), scaled per row";
        boolean grid = true;

        Settings() {
            super(1400, -1);
        }
    }

    private final Settings settings;

    private ClassGalleryFigure(Settings settings) {
        this.settings = settings;
    }

    /**
     * A gallery of {@code rows}, top to bottom.
     *
     * @throws IllegalArgumentException if there are no rows
     */
    public static ClassGalleryFigure of(List<Row> rows) {
        Objects.requireNonNull(rows, "rows");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a gallery needs at least one row");
        }
        Settings s = new Settings();
        s.rows = List.copyOf(rows);
        return new ClassGalleryFigure(s);
    }

    /** Title above the panels. */
    public ClassGalleryFigure title(String title) {
        String t = Objects.requireNonNull(title, "title");
        return with(s -> s.title = t);
    }

    /**
     * Legend texts of the black trace, the grey reference and the mask band (defaults: "pathological beat", "same
     * patient without pathology", "ground-truth mask"). An entry is shown only if some row has that layer.
     */
    public ClassGalleryFigure legend(String signalLabel, String referenceLabel, String maskLabel) {
        String a = Objects.requireNonNull(signalLabel, "signalLabel");
        String b = Objects.requireNonNull(referenceLabel, "referenceLabel");
        String c = Objects.requireNonNull(maskLabel, "maskLabel");
        return with(s -> {
            s.signalLabel = a;
            s.referenceLabel = b;
            s.maskLabel = c;
        });
    }

    /** Legend text for rows coloured by an attribution (shown only if some row has one). */
    public ClassGalleryFigure attributionLegend(String label) {
        String a = Objects.requireNonNull(label, "label");
        return with(s -> s.attributionLabel = a);
    }

    /** Figure size in pixels (default 1400 wide and {@link ClassGalleryLayout#defaultHeight} high). */
    public ClassGalleryFigure size(int width, int height) {
        Figures.checkSize(width, height, 500, 200);
        return with(s -> {
            s.width = width;
            s.height = height;
        });
    }

    /** Whether to draw the light 200 ms / 0.5 mV grid and the zero line (default true). */
    public ClassGalleryFigure grid(boolean grid) {
        return with(s -> s.grid = grid);
    }

    /** The rows, top to bottom. */
    public List<Row> rows() {
        return settings.rows;
    }

    /** The pixel layout this figure renders with. */
    public ClassGalleryLayout layout() {
        int columns = settings.rows.stream().mapToInt(r -> r.leads().size()).max().orElseThrow();
        double[][] yRanges = settings.rows.stream().map(Row::yRange).toArray(double[][]::new);
        int height = settings.height > 0 ? settings.height
                : ClassGalleryLayout.defaultHeight(settings.width, settings.rows.size());
        return new ClassGalleryLayout(settings.width, height, columns, yRanges);
    }

    @Override
    int width() {
        return settings.width;
    }

    @Override
    int height() {
        return layout().height();
    }

    @Override
    void paint(Graphics2D g) {
        new ClassGalleryPainter(settings, layout()).paint(g);
    }

    @Override
    public String toString() {
        ClassGalleryLayout layout = layout();
        return "ClassGalleryFigure[" + layout.width() + "x" + layout.height() + ", " + settings.rows.size()
                + " rows x " + layout.columns() + " leads, title=\"" + settings.title + "\"]";
    }

    private ClassGalleryFigure with(Consumer<Settings> change) {
        return new ClassGalleryFigure(settings.changed(change));
    }
}
