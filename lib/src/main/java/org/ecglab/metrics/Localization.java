package org.ecglab.metrics;

import org.ecglab.data.EcgFormat;
import org.ecglab.stats.BinaryMetrics;

/**
 * How well an attribution map points at a ground-truth mask {@code [12][600]} (1 where the pathology changed the
 * signal). All three scores use magnitudes {@code |a|}: a point that pushes the logit strongly down is as much
 * "looked at" as one that pushes it up, and several methods (e.g. integrated gradients, whose sign follows the
 * sign of the trace) put negative relevance on the pathology itself. A map without a lead axis is broadcast
 * ({@link LeadAxis}).
 *
 * <ul>
 *   <li>{@link #massInside}: relevance mass accuracy (Arras et al. 2022, "CLEVR-XAI"), {@code Σ_mask |a| / Σ |a|};
 *       a map spread evenly scores the mask's area share ({@link #maskFraction}).</li>
 *   <li>{@link #maskAuroc}: the AUROC of {@code |a|} as a score separating mask points from the others (0.5 for a map
 *       unrelated to the mask, 1 if every mask point outranks every other point).</li>
 *   <li>{@link #pointingHit}: the pointing game (Zhang et al. 2018): does the point of largest {@code |a|} lie in the
 *       mask? With several points tied at the maximum, the share of them inside (the expected hit of a random
 *       tie-break).</li>
 * </ul>
 */
public final class Localization {
    private Localization() {
    }

    /** {@code Σ_mask |a| / Σ |a|}; NaN for an all-zero map. */
    public static double massInside(float[][] map, float[][] mask) {
        float[][] m = checked(map, mask);
        double inside = 0;
        double total = 0;
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                double v = Math.abs(m[l][t]);
                total += v;
                if (mask[l][t] > 0) {
                    inside += v;
                }
            }
        }
        return total == 0 ? Double.NaN : inside / total;
    }

    /** Share of the 7,200 points inside the mask: the mass a uniform map puts there. */
    public static double maskFraction(float[][] mask) {
        checked(new float[EcgFormat.LEADS][EcgFormat.SAMPLES], mask);
        int inside = 0;
        for (float[] lead : mask) {
            for (float v : lead) {
                inside += v > 0 ? 1 : 0;
            }
        }
        return inside / (double) (EcgFormat.LEADS * EcgFormat.SAMPLES);
    }

    /** AUROC of {@code |a|} for mask membership; NaN if the mask is empty or covers everything. */
    public static double maskAuroc(float[][] map, float[][] mask) {
        float[][] m = checked(map, mask);
        float[] scores = new float[EcgFormat.LEADS * EcgFormat.SAMPLES];
        int[] labels = new int[scores.length];
        int inside = 0;
        for (int l = 0, p = 0; l < EcgFormat.LEADS; l++) {
            for (int t = 0; t < EcgFormat.SAMPLES; t++, p++) {
                scores[p] = Math.abs(m[l][t]);
                labels[p] = mask[l][t] > 0 ? 1 : 0;
                inside += labels[p];
            }
        }
        return inside == 0 || inside == scores.length ? Double.NaN : BinaryMetrics.auroc(scores, labels);
    }

    /** Share of the points with the largest {@code |a|} that lie in the mask; NaN for an all-zero map. */
    public static double pointingHit(float[][] map, float[][] mask) {
        float[][] m = checked(map, mask);
        double max = 0;
        for (float[] lead : m) {
            for (float v : lead) {
                max = Math.max(max, Math.abs(v));
            }
        }
        if (max == 0) {
            return Double.NaN;
        }
        int atMax = 0;
        int hits = 0;
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                if (Math.abs(m[l][t]) == max) {
                    atMax++;
                    hits += mask[l][t] > 0 ? 1 : 0;
                }
            }
        }
        return hits / (double) atMax;
    }

    private static float[][] checked(float[][] map, float[][] mask) {
        if (mask.length != EcgFormat.LEADS || mask[0].length != EcgFormat.SAMPLES) {
            throw new IllegalArgumentException("mask is " + mask.length + "x" + (mask.length == 0 ? 0 : mask[0].length)
                    + "; expected " + EcgFormat.LEADS + "x" + EcgFormat.SAMPLES);
        }
        float[][] m = LeadAxis.broadcast(map);
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            if (mask[l].length != EcgFormat.SAMPLES || m[l].length != EcgFormat.SAMPLES) {
                throw new IllegalArgumentException("lead " + l + " of the map or mask is not " + EcgFormat.SAMPLES
                        + " samples long");
            }
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                if (!Float.isFinite(m[l][t])) {
                    throw new IllegalArgumentException("map value at lead " + l + ", sample " + t + " is " + m[l][t]);
                }
            }
        }
        return m;
    }
}
