package org.ecglab.metrics;

/**
 * How much of a map's relevance lies where the ground truth says the finding is: the relevance mass inside the mask
 * (Arras, Osman &amp; Samek 2022, "CLEVR-XAI"),
 * <pre>
 *   mass = Σ_i |a_i| m_i / Σ_i |a_i|
 * </pre>
 * for a 0/1 mask {@code m}. 1 means all relevance falls inside the mask; a map that ignored the mask would score about
 * the mask's share of the samples ({@link #maskShare}), the chance level to compare with.
 */
public final class RelevanceMass {
    private RelevanceMass() {
    }

    /**
     * @param map  {@code [leads][samples]}
     * @param mask the same shape, 1 inside, 0 outside
     * @return the share of {@code Σ|a|} inside the mask, NaN for an all-zero map
     * @throws IllegalArgumentException if the shapes differ
     */
    public static double inside(float[][] map, float[][] mask) {
        if (map.length != mask.length) {
            throw new IllegalArgumentException("map has " + map.length + " leads, mask " + mask.length);
        }
        double in = 0;
        double all = 0;
        for (int l = 0; l < map.length; l++) {
            if (map[l].length != mask[l].length) {
                throw new IllegalArgumentException("lead " + l + ": map has " + map[l].length + " samples, mask "
                        + mask[l].length);
            }
            for (int t = 0; t < map[l].length; t++) {
                double a = Math.abs(map[l][t]);
                all += a;
                in += mask[l][t] > 0 ? a : 0;
            }
        }
        return all == 0 ? Double.NaN : in / all;
    }

    /** The mask's share of the samples: the relevance mass inside it of a uniform map. */
    public static double maskShare(float[][] mask) {
        double in = 0;
        double all = 0;
        for (float[] lead : mask) {
            for (float v : lead) {
                in += v > 0 ? 1 : 0;
                all++;
            }
        }
        return in / all;
    }
}
