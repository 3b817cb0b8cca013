package org.ecglab.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.FeatureMask;
import org.ecglab.attribution.FeatureMaskSpec;
import org.ecglab.attribution.FiducialSource;
import org.ecglab.attribution.MaskedAttributionMethod;
import org.ecglab.attribution.perturbation.ExactShapley;
import org.ecglab.nn.EcgClassifier;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Cost against accuracy of the Shapley estimators: for each sample count, Shapley value sampling and KernelSHAP
 * explain the same ECGs over a mask of at most {@value ExactShapley#MAX_FEATURES} features, and their per-feature
 * values are compared with the exact Shapley values ({@link ExactShapley}, every coalition evaluated). One row per
 * method and sample count: model evaluations and seconds per ECG, and the mean over ECGs and seeds of the relative
 * error {@code ‖φ̂ − φ‖ / ‖φ‖}.
 */
public final class SampleCountStudy {
    /** The estimators compared. */
    public static final List<String> METHODS = List.of("shapley_sampling", "kernel_shap");

    private SampleCountStudy() {
    }

    /**
     * @param featureMask  a mask kind of at most {@value ExactShapley#MAX_FEATURES} features, e.g. {@code waves}
     * @param fiducials    where waves masks take their fiducial points from
     * @param sampleCounts {@code n_samples} values (KernelSHAP needs at least 2)
     * @param seeds        one run per seed, errors averaged
     * @return columns method, n_samples, evaluations_per_ecg, seconds_per_ecg, relative_error
     * @throws IllegalArgumentException if a mask has too many features for enumeration, or a count is too small
     */
    public static Table run(EcgClassifier model, float[][][] ecgs, int[] targets, String featureMask,
            FiducialSource fiducials, List<Integer> sampleCounts, List<Long> seeds) {
        FeatureMaskSpec spec = FeatureMaskSpec.parse(featureMask);
        List<FeatureMask> masks = new ArrayList<>();
        for (float[][] ecg : ecgs) {
            masks.add(spec.maskFor(ecg, fiducials));
        }
        double[][] exact = ExactShapley.values(model, ecgs, targets, Baselines.zero(), masks);
        StringColumn method = StringColumn.create("method");
        IntColumn samples = IntColumn.create("n_samples");
        DoubleColumn evaluations = DoubleColumn.create("evaluations_per_ecg");
        DoubleColumn seconds = DoubleColumn.create("seconds_per_ecg");
        DoubleColumn error = DoubleColumn.create("relative_error");
        for (String id : METHODS) {
            for (int n : sampleCounts) {
                double errorSum = 0;
                long nanos = 0;
                MaskedAttributionMethod m = null;
                for (long seed : seeds) {
                    Map<String, Object> p = new HashMap<>(Map.of("feature_mask", featureMask, "n_samples", n,
                            "seed", seed));
                    m = ((MaskedAttributionMethod) AttributionMethods.create(id, p)).withFiducials(fiducials);
                    long start = System.nanoTime();
                    Attribution a = m.attribute(model, ecgs, targets);
                    nanos += System.nanoTime() - start;
                    for (int i = 0; i < ecgs.length; i++) {
                        errorSum += relativeError(perFeature(a.map(i), masks.get(i)), exact[i]);
                    }
                }
                double evaluationsPerEcg = 0;
                for (FeatureMask mask : masks) {
                    evaluationsPerEcg += m.evaluationsPerEcg(mask.featureCount()) / (double) masks.size();
                }
                method.append(id);
                samples.append(n);
                evaluations.append(evaluationsPerEcg);
                seconds.append(nanos / 1e9 / seeds.size() / ecgs.length);
                error.append(errorSum / seeds.size() / ecgs.length);
            }
        }
        return Table.create("Shapley estimates against exact values (" + featureMask + ", " + ecgs.length + " ECGs, "
                + seeds.size() + " seeds)", method, samples, evaluations, seconds, error);
    }

    /** Each feature's value in a map that gives all its points the same value. */
    static double[] perFeature(float[][] map, FeatureMask mask) {
        double[] out = new double[mask.featureCount()];
        for (int f = 0; f < out.length; f++) {
            int p = mask.members(f)[0];
            out[f] = map[p / map[0].length][p % map[0].length];
        }
        return out;
    }

    /** {@code ‖estimate − exact‖ / ‖exact‖}. */
    static double relativeError(double[] estimate, double[] exact) {
        double diff = 0;
        double norm = 0;
        for (int j = 0; j < exact.length; j++) {
            diff += (estimate[j] - exact[j]) * (estimate[j] - exact[j]);
            norm += exact[j] * exact[j];
        }
        return Math.sqrt(diff / norm);
    }
}
