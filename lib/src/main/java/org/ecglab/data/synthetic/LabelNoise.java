package org.ecglab.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Class-conditional label noise that keeps prevalences: within each group of records (the splits, so that the test
 * split carries the stated rate as a hand-labelled test set does) and for each class with P positives in the group,
 * {@code round(rate · P)} positives chosen at random lose the label (a missed finding) and as many negatives chosen at
 * random gain it (an over-called finding). Classes are treated independently, as readers' errors on different
 * findings are, so a noisy record may carry a contradictory pair (NORM with a pathology). Deterministic for a given
 * random stream.
 */
final class LabelNoise {
    private LabelNoise() {
    }

    /** As {@link #apply(boolean[][], double, SplittableRandom, int[])} with all records in one group. */
    static boolean[][] apply(boolean[][] labels, double rate, SplittableRandom rng) {
        return apply(labels, rate, rng, new int[labels.length]);
    }

    /**
     * A noisy copy of {@code labels} ({@code [N][k]}, left unchanged), flipping within each group of records.
     *
     * @param group a group number per record (e.g. the split's ordinal), 0 or more
     * @throws IllegalArgumentException if the rate is outside [0, 1)
     */
    static boolean[][] apply(boolean[][] labels, double rate, SplittableRandom rng, int[] group) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("label noise rate must be in [0, 1), got " + rate);
        }
        boolean[][] out = new boolean[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i].clone();
        }
        int classes = labels.length == 0 ? 0 : labels[0].length;
        int groups = java.util.Arrays.stream(group).max().orElse(-1) + 1;
        for (int g = 0; g < groups; g++) {
            for (int c = 0; c < classes; c++) {
                flip(labels, out, c, g, group, rate, rng);
            }
        }
        return out;
    }

    /** Flips class {@code c}'s labels within group {@code g}: as many positives off as negatives on. */
    private static void flip(boolean[][] labels, boolean[][] out, int c, int g, int[] group, double rate,
            SplittableRandom rng) {
        List<Integer> positives = new ArrayList<>();
        List<Integer> negatives = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (group[i] == g) {
                (labels[i][c] ? positives : negatives).add(i);
            }
        }
        int flips = (int) Math.min(Math.round(rate * positives.size()), negatives.size());
        for (int i : sample(positives, flips, rng)) {
            out[i][c] = false;
        }
        for (int i : sample(negatives, flips, rng)) {
            out[i][c] = true;
        }
    }

    /** {@code k} distinct elements of {@code items}, by a partial Fisher–Yates shuffle. */
    private static List<Integer> sample(List<Integer> items, int k, SplittableRandom rng) {
        List<Integer> pool = new ArrayList<>(items);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(pool.size() - i);
            Integer tmp = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, tmp);
        }
        return pool.subList(0, k);
    }
}
