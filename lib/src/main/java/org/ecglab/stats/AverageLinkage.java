package org.ecglab.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Agglomerative clustering with average linkage (UPGMA; Sokal &amp; Michener 1958), used to order the rows and columns
 * of a similarity heatmap so that methods that agree sit together. Start with one cluster per item; repeatedly merge
 * the two clusters with the smallest average pairwise distance {@code d(A, B) = Σ_{a∈A, b∈B} d(a, b) / (|A| |B|)};
 * the leaf order is the order in which a drawn dendrogram lists its leaves (each merge puts the cluster holding the
 * lower item index first). Ties in distance are broken by the lowest cluster indices, so the order is deterministic.
 */
public final class AverageLinkage {
    private AverageLinkage() {
    }

    /**
     * The dendrogram's leaf order for a distance matrix.
     *
     * @param distance symmetric {@code n x n}, finite, zero diagonal not required; NaN entries (e.g. an undefined
     *                 similarity) are treated as the largest distance present
     * @return a permutation of {@code 0..n-1}
     * @throws IllegalArgumentException if the matrix is not square or not symmetric
     */
    public static int[] leafOrder(double[][] distance) {
        int n = distance.length;
        double max = 0;
        for (int i = 0; i < n; i++) {
            if (distance[i].length != n) {
                throw new IllegalArgumentException("distance row " + i + " has " + distance[i].length + " entries for "
                        + n + " items");
            }
            for (int j = 0; j < n; j++) {
                double d = distance[i][j];
                double t = distance[j][i];
                if (!(Double.isNaN(d) && Double.isNaN(t)) && Math.abs(d - t) > 1e-12 * Math.max(1, Math.abs(d))) {
                    throw new IllegalArgumentException("distance matrix not symmetric at (" + i + ", " + j + "): " + d
                            + " vs " + t);
                }
                if (Double.isInfinite(d)) {
                    throw new IllegalArgumentException("distance (" + i + ", " + j + ") is infinite");
                }
                if (!Double.isNaN(d)) {
                    max = Math.max(max, d);
                }
            }
        }
        List<List<Integer>> clusters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clusters.add(List.of(i));
        }
        while (clusters.size() > 1) {
            int bestA = 0;
            int bestB = 1;
            double best = Double.POSITIVE_INFINITY;
            for (int a = 0; a < clusters.size(); a++) {
                for (int b = a + 1; b < clusters.size(); b++) {
                    double d = average(distance, clusters.get(a), clusters.get(b), max);
                    if (d < best) {
                        best = d;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            List<Integer> merged = new ArrayList<>(clusters.get(bestA));
            merged.addAll(clusters.get(bestB));
            clusters.set(bestA, merged);
            clusters.remove(bestB);
        }
        return n == 0 ? new int[0] : clusters.get(0).stream().mapToInt(Integer::intValue).toArray();
    }

    private static double average(double[][] distance, List<Integer> a, List<Integer> b, double nanAs) {
        double sum = 0;
        for (int i : a) {
            for (int j : b) {
                sum += Double.isNaN(distance[i][j]) ? nanAs : distance[i][j];
            }
        }
        return sum / (a.size() * (double) b.size());
    }
}
