package org.ecglab.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The receiver operating characteristic of a binary classifier's scores: for every distinct score {@code t}, taken
 * as a threshold from the highest down, the point ({@code FPR(t)}, {@code TPR(t)}) with
 * {@code TPR(t) = #{positives with score >= t} / n+} and {@code FPR(t) = #{negatives with score >= t} / n-}. The
 * curve starts at (0, 0) (threshold +infinity: nothing called positive) and ends at (1, 1) (the lowest score).
 * Tied scores enter together, so a tie of positives and negatives is one diagonal step; every intermediate point is
 * kept (scikit-learn's {@code roc_curve(..., drop_intermediate=False)}).
 *
 * <p>The area under the polyline by the trapezoidal rule equals {@link BinaryMetrics#auroc} (the Mann–Whitney
 * statistic with ties counted as 1/2): a diagonal step over a tie of {@code a} positives and {@code b} negatives
 * adds the area of {@code a * b / 2} half-won pairs (Fawcett 2006, "An introduction to ROC analysis").
 */
public final class RocCurve {
    private final double[] fpr;
    private final double[] tpr;
    private final double[] thresholds;
    private final int positives;
    private final int negatives;

    private RocCurve(double[] fpr, double[] tpr, double[] thresholds, int positives, int negatives) {
        this.fpr = fpr;
        this.tpr = tpr;
        this.thresholds = thresholds;
        this.positives = positives;
        this.negatives = negatives;
    }

    /**
     * The ROC curve of {@code scores} (e.g. logits) against {@code labels}.
     *
     * @param scores one finite score per record; higher means "more likely positive"
     * @param labels 0 or 1 per record
     * @throws IllegalArgumentException if lengths differ, a score is NaN or infinite, a label is not 0/1, or either
     *                                  class is absent
     */
    public static RocCurve of(float[] scores, int[] labels) {
        int positives = BinaryMetrics.check(scores, labels, true);
        int negatives = labels.length - positives;
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        // At most one point per distinct score, plus the origin.
        double[] x = new double[scores.length + 1];
        double[] y = new double[scores.length + 1];
        double[] t = new double[scores.length + 1];
        t[0] = Double.POSITIVE_INFINITY;
        int points = 1;
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            tp += labels[i];
            fp += 1 - labels[i];
            boolean lastOfTie = k + 1 == order.length || scores[order[k + 1]] != scores[i];
            if (lastOfTie) {
                x[points] = fp / (double) negatives;
                y[points] = tp / (double) positives;
                t[points] = scores[i];
                points++;
            }
        }
        return new RocCurve(Arrays.copyOf(x, points), Arrays.copyOf(y, points), Arrays.copyOf(t, points), positives,
                negatives);
    }

    /** False positive rate (1 − specificity) of each point, non-decreasing from 0 to 1; a copy. */
    public double[] falsePositiveRates() {
        return fpr.clone();
    }

    /** True positive rate (sensitivity) of each point, non-decreasing from 0 to 1; a copy. */
    public double[] truePositiveRates() {
        return tpr.clone();
    }

    /**
     * The score threshold of each point (records scoring at least it are called positive), decreasing; the first is
     * {@code +Infinity}. A copy.
     */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Number of points, including (0, 0): one more than the number of distinct scores. */
    public int size() {
        return fpr.length;
    }

    /** Positive records. */
    public int positives() {
        return positives;
    }

    /** Negative records. */
    public int negatives() {
        return negatives;
    }

    /**
     * Area under the curve by the trapezoidal rule, {@code sum_k (FPR_k - FPR_(k-1)) (TPR_k + TPR_(k-1)) / 2}; equal
     * to {@link BinaryMetrics#auroc} of the same scores up to rounding.
     */
    public double auroc() {
        double area = 0;
        for (int k = 1; k < fpr.length; k++) {
            area += (fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1]) / 2.0;
        }
        return area;
    }

    /**
     * The highest true positive rate at a false positive rate of at most {@code maxFpr}: the sensitivity reached at
     * specificity {@code 1 - maxFpr} by some threshold on the scores (no interpolation between points).
     *
     * @throws IllegalArgumentException if {@code maxFpr} is not in [0, 1]
     */
    public double truePositiveRateAt(double maxFpr) {
        if (!(maxFpr >= 0 && maxFpr <= 1)) {
            throw new IllegalArgumentException("maxFpr must be in [0, 1], got " + maxFpr);
        }
        double best = 0;
        for (int k = 0; k < fpr.length && fpr[k] <= maxFpr; k++) {
            best = tpr[k];
        }
        return best;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RocCurve[%d points, %d positives, %d negatives, AUROC %.4f]", size(),
                positives, negatives, auroc());
    }
}
