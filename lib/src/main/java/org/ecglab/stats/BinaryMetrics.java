package org.ecglab.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Ranking metrics of a binary classifier's scores (logits or probabilities: both are invariant to monotone
 * transforms of the scores). Labels are 0 (negative) or 1 (positive).
 */
public final class BinaryMetrics {
    private BinaryMetrics() {
    }

    /**
     * Area under the ROC curve by the Mann–Whitney U statistic with midranks:
     * {@code AUROC = (R+ - n+(n+ + 1)/2) / (n+ n-)}, where {@code R+} is the sum of the positives' ranks among all
     * scores and tied scores share the mean of their ranks. Equals the probability that a random positive scores
     * above a random negative, counting ties as 1/2 (Hanley &amp; McNeil 1982); identical to
     * {@code sklearn.metrics.roc_auc_score}.
     *
     * @throws IllegalArgumentException if lengths differ, a score is NaN or infinite, a label is not 0/1, or either
     *                                  class is absent
     */
    public static double auroc(float[] scores, int[] labels) {
        int positives = check(scores, labels, true);
        long negatives = labels.length - positives;
        double[] ranks = midranks(scores);
        double rankSum = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 1) {
                rankSum += ranks[i];
            }
        }
        double u = rankSum - positives * (positives + 1.0) / 2.0;
        return u / (positives * (double) negatives);
    }

    /**
     * Average precision, the step-wise area under the precision–recall curve as
     * {@code sklearn.metrics.average_precision_score}: {@code AP = sum_n (R_n - R_(n-1)) P_n} over the distinct
     * score thresholds in decreasing order, where {@code P_n} and {@code R_n} are precision and recall when every
     * record scoring at least the n-th threshold is called positive (tied scores enter together). No interpolation.
     * Negatives may be absent (then AP = 1); a model that ranks at random has AP about the positive rate.
     *
     * @throws IllegalArgumentException if lengths differ, a score is NaN or infinite, a label is not 0/1, or there
     *                                  is no positive
     */
    public static double auprc(float[] scores, int[] labels) {
        int positives = check(scores, labels, false);
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double ap = 0;
        double previousRecall = 0;
        int tp = 0;
        int seen = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            tp += labels[i];
            seen++;
            boolean lastOfTie = k + 1 == order.length || scores[order[k + 1]] != scores[i];
            if (lastOfTie) {
                double recall = tp / (double) positives;
                ap += (recall - previousRecall) * (tp / (double) seen);
                previousRecall = recall;
            }
        }
        return ap;
    }

    /** Ranks 1..n of the scores in increasing order, ties sharing the mean of their ranks. */
    static double[] midranks(float[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]));
        double[] ranks = new double[scores.length];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double mean = (start + end) / 2.0 + 1.0;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = mean;
            }
            start = end + 1;
        }
        return ranks;
    }

    /** Validates the input and returns the number of positives (shared with {@link RocCurve}). */
    static int check(float[] scores, int[] labels, boolean needNegatives) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels differ in length: " + scores.length + " vs "
                    + labels.length);
        }
        int positives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!Float.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is " + scores[i] + " (NaN or infinite)");
            }
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", expected 0 or 1");
            }
            positives += labels[i];
        }
        if (positives == 0) {
            throw new IllegalArgumentException("no positive label among " + labels.length + " records");
        }
        if (needNegatives && positives == labels.length) {
            throw new IllegalArgumentException("no negative label among " + labels.length + " records");
        }
        return positives;
    }
}
