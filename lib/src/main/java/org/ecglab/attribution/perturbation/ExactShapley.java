package org.ecglab.attribution.perturbation;

import java.util.ArrayList;
import java.util.List;
import org.ecglab.attribution.AttributionInputs;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.FeatureMask;
import org.ecglab.nn.EcgClassifier;

/**
 * Exact Shapley values of a model's logit over a few features, by evaluating every coalition (the reference that
 * Shapley value sampling and KernelSHAP estimate):
 * <pre>
 *   φ_j = Σ_{S ⊆ F∖{j}} |S|! (F − |S| − 1)! / F! · [ v(S ∪ {j}) − v(S) ],   v(S) = f_c(x_S)
 * </pre>
 * where {@code x_S} keeps the ECG on the features in {@code S} and takes the baseline elsewhere. Costs {@code 2^F}
 * forward passes per ECG, so it is limited to {@value #MAX_FEATURES} features; not a registered method.
 */
public final class ExactShapley {
    /** The most features enumerated (2^12 = 4096 evaluations per ECG). */
    public static final int MAX_FEATURES = 12;

    private ExactShapley() {
    }

    /**
     * @param masks one mask per ECG, each of at most {@value #MAX_FEATURES} features
     * @return per ECG, one Shapley value per feature
     * @throws IllegalArgumentException if a mask has more features, or the inputs are bad
     */
    public static double[][] values(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines,
            List<FeatureMask> masks) {
        AttributionInputs.check(model, inputs, targets, baselines);
        if (masks.size() != inputs.length) {
            throw new IllegalArgumentException(masks.size() + " masks for " + inputs.length + " inputs");
        }
        float[][][] base = baselines.perInput("exact Shapley values", inputs.length);
        List<CoalitionPlan> plans = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            int f = masks.get(i).featureCount();
            if (f > MAX_FEATURES) {
                throw new IllegalArgumentException("exact Shapley values enumerate 2^F coalitions; mask " + i + " has "
                        + f + " features, at most " + MAX_FEATURES + " are allowed");
            }
            boolean[][] all = new boolean[1 << f][f];
            for (int s = 0; s < all.length; s++) {
                for (int j = 0; j < f; j++) {
                    all[s][j] = (s >> j & 1) == 1;
                }
            }
            plans.add(new CoalitionPlan(MaskedEcgs.flatten(inputs[i]), MaskedEcgs.flatten(base[i]),
                    masks.get(i).flatIds(), all, null));
        }
        new BatchedEvaluator(BatchedEvaluator.DEFAULT_PERTURBATIONS_PER_EVAL).run(model, plans, targets);
        double[][] out = new double[inputs.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = shapley(plans.get(i).outputs(), masks.get(i).featureCount());
        }
        return out;
    }

    /** Shapley values of the game {@code v[S]} (coalition {@code S} as a bit set) of {@code f} players. */
    static double[] shapley(double[] v, int f) {
        double[] factorial = new double[f + 1];
        factorial[0] = 1;
        for (int k = 1; k <= f; k++) {
            factorial[k] = factorial[k - 1] * k;
        }
        double[] phi = new double[f];
        for (int j = 0; j < f; j++) {
            for (int s = 0; s < v.length; s++) {
                if ((s >> j & 1) == 0) {
                    int size = Integer.bitCount(s);
                    phi[j] += factorial[size] * factorial[f - size - 1] / factorial[f] * (v[s | 1 << j] - v[s]);
                }
            }
        }
        return phi;
    }
}
