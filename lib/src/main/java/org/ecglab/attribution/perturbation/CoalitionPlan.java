package org.ecglab.attribution.perturbation;

/**
 * One ECG's coalition samples for a surrogate fit (LIME, KernelSHAP): row {@code s} keeps the features that
 * coalition {@code z_s} marks and takes the baseline elsewhere ({@code x_s = z_s[mask] ⊙ x + (1 − z_s[mask]) ⊙ x'},
 * Captum's {@code default_from_interp_rep_transform}); its logit is {@code y_s}, and a {@link Weighting} may weigh it
 * by the perturbed input it produced.
 */
final class CoalitionPlan implements PerturbationPlan {

    /** The weight of a sample from the ECG and its perturbed input. */
    interface Weighting {
        /**
         * @param x         the ECG, lead-major
         * @param perturbed the perturbed input, lead-major, at {@code offset}
         */
        double weight(float[] x, float[] perturbed, int offset);
    }

    private final float[] x;
    private final float[] baseline;
    private final int[] ids;
    private final boolean[][] coalitions;
    private final Weighting weighting;
    private final double[] outputs;
    private final double[] weights;

    /**
     * @param coalitions {@code [n_samples][F]}, true where the feature keeps the ECG's values
     * @param weighting  null when the weights do not depend on the perturbed input
     */
    CoalitionPlan(float[] x, float[] baseline, int[] ids, boolean[][] coalitions, Weighting weighting) {
        this.x = x;
        this.baseline = baseline;
        this.ids = ids;
        this.coalitions = coalitions;
        this.weighting = weighting;
        this.outputs = new double[coalitions.length];
        this.weights = new double[coalitions.length];
    }

    @Override
    public int rows() {
        return coalitions.length;
    }

    @Override
    public void fill(int row, float[] dest, int offset) {
        MaskedEcgs.fillKeeping(x, baseline, ids, coalitions[row], dest, offset);
        if (weighting != null) {
            weights[row] = weighting.weight(x, dest, offset);
        }
    }

    @Override
    public void accept(int row, float logit) {
        outputs[row] = logit;
    }

    /** The logits {@code y_s}; not copied. */
    double[] outputs() {
        return outputs;
    }

    /** The weights the {@link Weighting} gave; not copied. */
    double[] weights() {
        return weights;
    }

    /** The coalitions as a 0/1 design matrix {@code [n_samples][F]}. */
    double[][] design() {
        double[][] z = new double[coalitions.length][coalitions[0].length];
        for (int s = 0; s < z.length; s++) {
            for (int f = 0; f < z[s].length; f++) {
                z[s][f] = coalitions[s][f] ? 1 : 0;
            }
        }
        return z;
    }
}
