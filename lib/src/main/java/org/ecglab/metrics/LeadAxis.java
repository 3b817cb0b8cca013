package org.ecglab.metrics;

import org.ecglab.data.EcgFormat;

/**
 * How a map without a lead axis ({@code [1][600]}, one relevance per time point, e.g. Grad-CAM on a layer that
 * mixes the leads) meets the 12-lead input or a 12-lead mask: it is <b>broadcast</b>, i.e. read as the same relevance
 * on every lead at that time point. That is exactly what such a map claims about the input: it says when, not where.
 * So it is ranked and perturbed as a 12-lead map whose leads agree, and scored against a mask without credit for lead
 * localisation it does not make. (Two maps are compared differently, on the time axis: {@link MapSimilarity}.)
 */
public final class LeadAxis {
    private LeadAxis() {
    }

    /**
     * {@code map} with 12 rows: itself if it has 12 leads, the one row repeated if it has one.
     *
     * @throws IllegalArgumentException for any other row count or a row that is not 600 samples long
     */
    public static float[][] broadcast(float[][] map) {
        if (map.length == EcgFormat.LEADS) {
            return map;
        }
        if (map.length != 1 || map[0].length != EcgFormat.SAMPLES) {
            throw new IllegalArgumentException("map is " + map.length + "x" + (map.length == 0 ? 0 : map[0].length)
                    + "; expected " + EcgFormat.LEADS + "x" + EcgFormat.SAMPLES + " or 1x" + EcgFormat.SAMPLES);
        }
        float[][] out = new float[EcgFormat.LEADS][];
        for (int l = 0; l < out.length; l++) {
            out[l] = map[0];
        }
        return out;
    }
}
