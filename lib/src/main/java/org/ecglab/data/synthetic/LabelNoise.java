package org.ecglab.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Class-conditional label noise that keeps prevalences: for each class with P positives, {@code round(rate · P)}
 * positives chosen at random lose the label (a missed finding) and as many negatives chosen at random gain it (an
 * over-called finding). Classes are treated independently, as readers' errors on different findings are, so a
 * noisy record may carry a contradictory pair (NORM with a pathology). Deterministic for a given random stream.
 */
final class LabelNoise {
    private LabelNoise() {
    }

    /**
     * A noisy copy of {@code labels} ({@code [N][k]}, left unchanged).
     *
     * @throws IllegalArgumentException if the rate is outside [0, 1)
     */
    static boolean[][] apply(boolean[][] labels, double rate, SplittableRandom rng) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("label noise rate must be in [0, 1), got " + rate);
        }
        boolean[][] out = new boolean[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i].clone();
        }
        int classes = labels.length == 0 ? 0 : labels[0].length;
        for (int c = 0; c < classes; c++) {
            List<Integer> positives = new ArrayList<>();
            List<Integer> negatives = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                (labels[i][c] ? positives : negatives).add(i);
            }
            int flips = (int) Math.min(Math.round(rate * positives.size()), negatives.size());
            for (int i : sample(positives, flips, rng)) {
                out[i][c] = false;
            }
            for (int i : sample(negatives, flips, rng)) {
                out[i][c] = true;
            }
        }
        return out;
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
