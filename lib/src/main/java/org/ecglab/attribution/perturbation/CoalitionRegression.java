package org.ecglab.attribution.perturbation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ecglab.attribution.Attribution;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.nn.EcgClassifier;

/**
 * What LIME and KernelSHAP share (Captum's {@code LimeBase}): per ECG, draw binary coalitions over its features,
 * evaluate the model on the perturbed inputs they give, weigh the samples and fit a linear surrogate whose
 * coefficients are the features' attributions. The coalitions are recorded as the sample {@code coalitions}, uint8
 * {@code [N, n_samples, F_max]} (zero beyond an ECG's own {@code F}), with the fitted intercepts
 * ({@code surrogate_intercept}, float64 {@code [N]}) and whether each fit converged ({@code surrogate_converged}).
 */
final class CoalitionRegression {
    static final String COALITIONS = "coalitions";
    static final String INTERCEPT = "surrogate_intercept";
    static final String CONVERGED = "surrogate_converged";

    /** Draws one ECG's coalitions. */
    interface Sampler {
        /** {@code [n_samples][features]}, true where the feature keeps the ECG's values. */
        boolean[][] sample(int features, SplittableRandom rng);
    }

    /** The sample weights of one ECG once its logits are known. */
    interface Weights {
        double[] of(CoalitionPlan plan, boolean[][] coalitions);
    }

    /**
     * @param plans one per ECG, evaluated
     * @param fits  one per ECG
     */
    record Outcome(List<CoalitionPlan> plans, List<Surrogate.Fit> fits, NpyArray coalitions) {

        /** Adds the maps' samples (masks, coalitions, intercepts, convergence) to a result. */
        Attribution.Builder record(Attribution.Builder b, MaskedEcgs ecgs) {
            int n = fits.size();
            double[] intercepts = new double[n];
            boolean[] converged = new boolean[n];
            for (int i = 0; i < n; i++) {
                intercepts[i] = fits.get(i).intercept();
                converged[i] = fits.get(i).converged();
            }
            return b.sample(MaskedEcgs.MASK_SAMPLE, ecgs.maskSample()).sample(COALITIONS, coalitions)
                    .sample(INTERCEPT, NpyArray.ofDoubles(intercepts, n))
                    .sample(CONVERGED, NpyArray.ofBooleans(converged, n));
        }
    }

    private CoalitionRegression() {
    }

    /**
     * @param width     the last axis of the recorded coalitions ({@code FeatureMaskSpec.maxFeatureCount()})
     * @param weighting weights from the perturbed input, computed while rows are filled (null if none)
     * @param weights   the weights of each ECG's samples, after evaluation
     */
    static Outcome run(EcgClassifier model, int[] targets, MaskedEcgs ecgs, int width, long seed, Sampler sampler,
            CoalitionPlan.Weighting weighting, Weights weights, Surrogate surrogate, int perturbationsPerEval) {
        int n = ecgs.size();
        List<CoalitionPlan> plans = new ArrayList<>();
        List<boolean[][]> drawn = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean[][] z = sampler.sample(ecgs.masks[i].featureCount(), EcgRandom.of(seed, ecgs.x[i]));
            drawn.add(z);
            plans.add(new CoalitionPlan(ecgs.x[i], ecgs.baseline[i], ecgs.ids[i], z, weighting));
        }
        new BatchedEvaluator(perturbationsPerEval).run(model, plans, targets);
        List<Surrogate.Fit> fits = new ArrayList<>();
        int samples = drawn.get(0).length;
        byte[] recorded = new byte[n * samples * width];
        for (int i = 0; i < n; i++) {
            CoalitionPlan plan = plans.get(i);
            boolean[][] z = drawn.get(i);
            fits.add(surrogate.fit(plan.design(), plan.outputs(), weights.of(plan, z)));
            for (int s = 0; s < samples; s++) {
                for (int f = 0; f < z[s].length; f++) {
                    recorded[(i * samples + s) * width + f] = (byte) (z[s][f] ? 1 : 0);
                }
            }
        }
        return new Outcome(plans, fits, NpyArray.ofBytes(org.ecglab.data.npy.NpyDType.UINT8, recorded, n, samples,
                width));
    }
}
