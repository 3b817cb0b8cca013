package org.ecglab.metrics;

import org.ecglab.stats.Correlation;

/**
 * Similarity of two attribution maps {@code [leads][samples]}: the maps are flattened (lead-major), optionally
 * made absolute ({@link ValueMode}), and correlated ({@link Correlation}). This is the inter-method similarity of
 * Arends et al. (2026): Spearman rank correlation of flattened maps, on absolute and on signed values.
 *
 * <p>Maps without a lead axis (one row, e.g. Grad-CAM's {@code [1][600]}: one relevance per time point) are compared
 * on the time axis, the only axis both maps have: a map with leads is reduced to its time profile, at each time point
 * the sum over leads of its values after the value mode ({@code Σ_l |a_l(t)|} for absolute values, the net
 * {@code Σ_l a_l(t)} for signed ones), and correlated with the one-row map (after the mode). So the question asked is
 * "do both methods find the same moments relevant", which a one-row map can answer, rather than "the same lead and
 * moment", which it cannot. Broadcasting the row to twelve identical leads instead would let the other map's
 * differences between leads, which the row cannot express, count against it, and would fill the ranks with
 * twelve-fold ties. Two maps with the same number of rows are compared flattened. The rule is
 * {@link #timeAxisOnly}; {@link #comparable} applies it.
 */
public final class MapSimilarity {
    private MapSimilarity() {
    }

    /**
     * @return the correlation, NaN if either map is constant after applying {@code mode}
     * @throws IllegalArgumentException if the maps differ in row count and neither has one row, differ in length, or
     *                                  a value is not finite
     */
    public static double similarity(float[][] a, float[][] b, ValueMode mode, Correlation correlation) {
        boolean timeOnly = timeAxisOnly(a, b);
        return Correlation.ofPrepared(correlation.prepare(comparable(a, mode, timeOnly)),
                correlation.prepare(comparable(b, mode, timeOnly)));
    }

    /**
     * Whether two maps are compared on the time axis only: when their row counts differ, i.e. one has no lead axis.
     *
     * @throws IllegalArgumentException if the row counts differ and neither map has one row
     */
    public static boolean timeAxisOnly(float[][] a, float[][] b) {
        if (a.length == b.length) {
            return false;
        }
        if (a.length != 1 && b.length != 1) {
            throw new IllegalArgumentException("maps differ in lead count: " + a.length + " vs " + b.length
                    + "; only a map without a lead axis (1 row) can be compared with one that has leads");
        }
        return true;
    }

    /** The vector a map is compared by: its {@link #timeProfile} when {@code timeOnly}, else {@link #flatten}. */
    public static double[] comparable(float[][] map, ValueMode mode, boolean timeOnly) {
        return timeOnly ? timeProfile(map, mode) : flatten(map, mode);
    }

    /** Per time point, the sum over rows of the values after {@code mode}; a one-row map after {@code mode}. */
    public static double[] timeProfile(float[][] map, ValueMode mode) {
        double[] out = new double[map[0].length];
        for (float[] lead : map) {
            if (lead.length != out.length) {
                throw new IllegalArgumentException("ragged map: leads of " + out.length + " and " + lead.length
                        + " samples");
            }
            for (int t = 0; t < out.length; t++) {
                out[t] += mode.apply(lead[t]);
            }
        }
        return out;
    }

    /** Spearman correlation of the maps' absolute values. */
    public static double spearmanAbsolute(float[][] a, float[][] b) {
        return similarity(a, b, ValueMode.ABSOLUTE, Correlation.SPEARMAN);
    }

    /** The map as one vector (lead-major), with {@code mode} applied. */
    public static double[] flatten(float[][] map, ValueMode mode) {
        int n = 0;
        for (float[] lead : map) {
            if (lead.length != map[0].length) {
                throw new IllegalArgumentException("ragged map: leads of " + map[0].length + " and " + lead.length
                        + " samples");
            }
            n += lead.length;
        }
        double[] out = new double[n];
        int p = 0;
        for (float[] lead : map) {
            for (float v : lead) {
                out[p++] = mode.apply(v);
            }
        }
        return out;
    }
}
