package org.ecglab.metrics;

import java.util.Locale;
import org.ecglab.stats.Correlation;

/**
 * A score of how alike two attribution maps are, as the experiments use it: inter-method similarity (experiment 1),
 * self-consistency across seeds (2) and similarity to the original map after randomisation (3).
 *
 * <p>Each map is {@link #prepare prepared} once (flattened lead-major, values taken as {@link #values()}, then
 * ranked, normalised or thresholded as the measure needs) and prepared maps are compared pairwise by
 * {@link #between}, so comparing M maps with each other prepares each map once, not M − 1 times.
 *
 * <p>Measures: {@link #correlation} (Spearman, the study's, or Pearson), {@link #topKOverlap} (shared share of the
 * most relevant points), {@link #ssim} (structural similarity, Adebayo et al. 2018), and for signed maps
 * {@link #signAgnostic()} (the better of comparing {@code b} and {@code −b}: a map whose sign flipped as a whole,
 * e.g. because a randomised output layer has a negative weight, counts as unchanged). A map without a lead axis
 * ({@code [1][600]}) and a 12-lead map are compared on the time axis, by {@link MapSimilarity}'s rule: the 12-lead
 * map is reduced to its time profile (per time point the sum over leads of the values after the value mode).
 */
public interface MapMeasure {
    /** Name of the measure without its value mode, e.g. {@code spearman}, {@code top10_overlap}, {@code ssim}. */
    String name();

    /** Which values are compared. */
    ValueMode values();

    /** Whether the measure ignores a global sign flip of the second map. */
    default boolean isSignAgnostic() {
        return false;
    }

    /** Label used in result tables, e.g. {@code spearman_absolute} or {@code ssim_signed_sign_agnostic}. */
    default String label() {
        return name() + "_" + values().label() + (isSignAgnostic() ? "_sign_agnostic" : "");
    }

    /**
     * The map as this measure compares it.
     *
     * @throws IllegalArgumentException if the map is ragged or holds a non-finite value
     */
    double[] prepare(float[][] map);

    /** The score of two prepared maps of equal length; NaN where undefined (e.g. a constant map). */
    double between(double[] a, double[] b);

    /**
     * The score of two maps; a map without a lead axis and a 12-lead map are compared on the time axis
     * ({@link MapSimilarity#timeAxisOnly}, {@link #onTimeAxis}).
     *
     * @throws IllegalArgumentException if the maps' shapes cannot be matched or a value is not finite
     */
    default double compare(float[][] a, float[][] b) {
        if (MapSimilarity.timeAxisOnly(a, b)) {
            return between(prepare(onTimeAxis(a, values())), prepare(onTimeAxis(b, values())));
        }
        return between(prepare(a), prepare(b));
    }

    /**
     * The map as a one-row map of its time profile ({@link MapSimilarity#timeProfile}: per time point the sum over
     * leads after {@code mode}); a one-row map is returned as it is.
     */
    static float[][] onTimeAxis(float[][] map, ValueMode mode) {
        if (map.length == 1) {
            return map;
        }
        double[] profile = MapSimilarity.timeProfile(map, mode);
        float[][] out = new float[1][profile.length];
        for (int t = 0; t < profile.length; t++) {
            out[0][t] = (float) profile[t];
        }
        return out;
    }

    /** This measure made indifferent to a global sign flip of the second map (signed values only). */
    default MapMeasure signAgnostic() {
        return new SignAgnosticMeasure(this);
    }

    /** Spearman (midranks) or Pearson correlation of the flattened maps. */
    static MapMeasure correlation(Correlation correlation, ValueMode values) {
        return new CorrelationMeasure(correlation, values);
    }

    /** Spearman rank correlation of the flattened maps, the measure of Arends et al. (2026). */
    static MapMeasure spearman(ValueMode values) {
        return correlation(Correlation.SPEARMAN, values);
    }

    /** Share of the top {@code fraction} points of one map that are also among the other's top points. */
    static MapMeasure topKOverlap(double fraction, ValueMode values) {
        return new TopKOverlap(fraction, values);
    }

    /** Structural similarity along time, lead by lead ({@link Ssim}). */
    static MapMeasure ssim(ValueMode values) {
        return new Ssim(values);
    }

    /**
     * The measure of a {@link #label()}: {@code spearman_absolute}, {@code pearson_signed},
     * {@code top10_overlap_absolute} (any whole percentage 1..99), {@code ssim_signed}, each signed one optionally
     * followed by {@code _sign_agnostic}.
     *
     * @throws IllegalArgumentException naming the label and the accepted forms
     */
    static MapMeasure parse(String label) {
        String s = label.trim().toLowerCase(Locale.ROOT);
        boolean agnostic = s.endsWith("_sign_agnostic");
        if (agnostic) {
            s = s.substring(0, s.length() - "_sign_agnostic".length());
        }
        int cut = s.lastIndexOf('_');
        MapMeasure m = null;
        if (cut > 0) {
            String name = s.substring(0, cut);
            ValueMode values;
            try {
                values = ValueMode.parse(s.substring(cut + 1));
            } catch (IllegalArgumentException e) {
                values = null;
            }
            if (values != null) {
                if (name.equals("spearman")) {
                    m = spearman(values);
                } else if (name.equals("pearson")) {
                    m = correlation(Correlation.PEARSON, values);
                } else if (name.equals("ssim")) {
                    m = ssim(values);
                } else if (name.matches("top[0-9]{1,2}_overlap") && !name.equals("top0_overlap")) {
                    m = topKOverlap(Integer.parseInt(name.substring(3, name.indexOf('_'))) / 100.0, values);
                }
            }
        }
        if (m == null) {
            throw new IllegalArgumentException("unknown map measure '" + label + "'; use spearman_, pearson_, ssim_ or"
                    + " topN_overlap_ (N = 1..99) followed by absolute or signed, e.g. spearman_absolute, and"
                    + " _sign_agnostic after a signed one");
        }
        return agnostic ? m.signAgnostic() : m;
    }

    /** The values of a map as one vector (lead-major) with {@code mode} applied. */
    static double[] flatten(float[][] map, ValueMode mode) {
        return MapSimilarity.flatten(map, mode);
    }
}
