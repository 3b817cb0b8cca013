package org.ecglab.metrics;

import org.ecglab.stats.Correlation;

/**
 * Similarity of two attribution maps {@code [leads][samples]}: the maps are flattened (lead-major), optionally
 * made absolute ({@link ValueMode}), and correlated ({@link Correlation}). This is the inter-method similarity of
 * Arends et al. (2026): Spearman rank correlation of flattened maps, on absolute and on signed values.
 */
public final class MapSimilarity {
    private MapSimilarity() {
    }

    /**
     * @return the correlation, NaN if either map is constant after applying {@code mode}
     * @throws IllegalArgumentException if the shapes differ or a value is not finite
     */
    public static double similarity(float[][] a, float[][] b, ValueMode mode, Correlation correlation) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("maps differ in lead count: " + a.length + " vs " + b.length);
        }
        return Correlation.ofPrepared(correlation.prepare(flatten(a, mode)), correlation.prepare(flatten(b, mode)));
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
