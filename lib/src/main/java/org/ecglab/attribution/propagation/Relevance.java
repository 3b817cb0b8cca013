package org.ecglab.attribution.propagation;

/** Sums over maps, in double. */
final class Relevance {
    private Relevance() {
    }

    /** {@code Σ map[l][t]}. */
    static double sum(float[][] map) {
        double s = 0;
        for (float[] lead : map) {
            for (float v : lead) {
                s += v;
            }
        }
        return s;
    }
}
