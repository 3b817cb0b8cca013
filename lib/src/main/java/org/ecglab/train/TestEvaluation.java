package org.ecglab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.stats.BinaryMetrics;
import org.ecglab.stats.IndexStatistic;
import org.ecglab.stats.PercentileBootstrap.Estimate;
import org.ecglab.stats.PercentileBootstrap;

/**
 * A model's test-set AUROC and AUPRC ({@link BinaryMetrics}) with percentile bootstrap intervals over test ECGs:
 * each resample draws the test ECGs with replacement and recomputes the metric; resamples lacking a positive or a
 * negative are skipped and counted (both metrics skip the same ones, so they rest on the same resamples).
 *
 * @param auroc     AUROC with its interval
 * @param auprc     average precision with its interval
 * @param positives positive test ECGs
 * @param negatives negative test ECGs
 */
public record TestEvaluation(Estimate auroc, Estimate auprc, int positives, int negatives) {

    /** Checks for nulls. */
    public TestEvaluation {
        Objects.requireNonNull(auroc, "auroc");
        Objects.requireNonNull(auprc, "auprc");
    }

    /**
     * Scores one model's test predictions.
     *
     * @param scores    one score (logit) per test ECG
     * @param labels    0/1 per test ECG
     * @param bootstrap resamples, level and seed of the intervals
     * @throws IllegalArgumentException as {@link BinaryMetrics#auroc}: lengths differ, a score is not finite, a label
     *                                  is not 0/1, or a class is absent from the full test set
     */
    public static TestEvaluation of(float[] scores, int[] labels, PercentileBootstrap bootstrap) {
        double auroc = BinaryMetrics.auroc(scores, labels); // validates the input once
        int positives = 0;
        for (int y : labels) {
            positives += y;
        }
        Estimate aurocCi = bootstrap.estimate(labels.length, resampled(scores, labels, true));
        Estimate auprcCi = bootstrap.estimate(labels.length, resampled(scores, labels, false));
        if (aurocCi.estimate() != auroc) {
            throw new IllegalStateException("AUROC of the full sample changed: " + aurocCi.estimate() + " vs " + auroc);
        }
        return new TestEvaluation(aurocCi, auprcCi, positives, labels.length - positives);
    }

    /**
     * Scores a model on the TEST split of {@code data}: one evaluation per logit, logit {@code k} detecting
     * {@code outputs.get(k)}, all from one forward pass over the test ECGs.
     *
     * @throws IllegalArgumentException if the outputs do not match the model's logits, or the test split lacks a
     *                                  positive or a negative of an output's class
     */
    public static List<TestEvaluation> ofModel(EcgClassifier model, List<DiagnosticClass> outputs, EcgDataset data,
            PercentileBootstrap bootstrap) {
        if (outputs.size() != model.numOutputs()) {
            throw new IllegalArgumentException(outputs.size() + " output classes " + outputs + " for model "
                    + model.id() + " with " + model.numOutputs() + " logits");
        }
        EcgDataset test = data.subset(Split.TEST);
        float[][] logits = model.predictLogits(test.signals());
        List<TestEvaluation> out = new ArrayList<>();
        for (int k = 0; k < outputs.size(); k++) {
            float[] scores = EcgClassifier.column(logits, k);
            out.add(of(scores, test.targets(outputs.get(k)), bootstrap));
        }
        return out;
    }

    /** The metric on a resample, NaN when the resample lacks a class. */
    private static IndexStatistic resampled(float[] scores, int[] labels, boolean auroc) {
        return sample -> {
            float[] s = new float[sample.length];
            int[] y = new int[sample.length];
            int positives = 0;
            for (int k = 0; k < sample.length; k++) {
                s[k] = scores[sample[k]];
                y[k] = labels[sample[k]];
                positives += y[k];
            }
            if (positives == 0 || positives == sample.length) {
                return Double.NaN;
            }
            return auroc ? BinaryMetrics.auroc(s, y) : BinaryMetrics.auprc(s, y);
        };
    }
}
