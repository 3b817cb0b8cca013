package org.ecglab.attribution.perturbation;

/**
 * One ECG's Shapley value sampling: row 0 is the baseline; for permutation {@code s} and position {@code k}, row
 * {@code 1 + s·F + k} is the baseline with the features {@code π_s(0..k)} taken from the ECG. Each row's logit minus
 * the previous one in its permutation (the baseline's for {@code k = 0}) is the marginal contribution of feature
 * {@code π_s(k)}; {@link #values()} averages them over the permutations (Captum's {@code ShapleyValueSampling}).
 */
final class PermutationPlan implements PerturbationPlan {
    private final float[] x;
    private final float[] baseline;
    private final int[] ids;
    private final int[][] permutations;
    private final int[][] ranks;
    private final double[] sums;
    private double fBaseline;
    private double previous;

    /**
     * @param ids          feature id of each point, lead-major
     * @param permutations {@code [n_samples][F]}, each a permutation of {@code 0..F−1}
     */
    PermutationPlan(float[] x, float[] baseline, int[] ids, int[][] permutations) {
        this.x = x;
        this.baseline = baseline;
        this.ids = ids;
        this.permutations = permutations;
        int features = permutations[0].length;
        this.ranks = new int[permutations.length][features];
        for (int s = 0; s < permutations.length; s++) {
            for (int k = 0; k < features; k++) {
                ranks[s][permutations[s][k]] = k;
            }
        }
        this.sums = new double[features];
    }

    private int features() {
        return sums.length;
    }

    @Override
    public int rows() {
        return 1 + permutations.length * features();
    }

    @Override
    public void fill(int row, float[] dest, int offset) {
        if (row == 0) {
            System.arraycopy(baseline, 0, dest, offset, baseline.length);
            return;
        }
        int[] rank = ranks[(row - 1) / features()];
        int k = (row - 1) % features();
        for (int i = 0; i < ids.length; i++) {
            dest[offset + i] = rank[ids[i]] <= k ? x[i] : baseline[i];
        }
    }

    @Override
    public void accept(int row, float logit) {
        if (row == 0) {
            fBaseline = logit;
            return;
        }
        int s = (row - 1) / features();
        int k = (row - 1) % features();
        double before = k == 0 ? fBaseline : previous;
        sums[permutations[s][k]] += logit - before;
        previous = logit;
    }

    /** The mean marginal contribution of each feature. */
    double[] values() {
        double[] out = new double[sums.length];
        for (int f = 0; f < out.length; f++) {
            out[f] = sums[f] / permutations.length;
        }
        return out;
    }

    /** {@code f(x')}. */
    double baselineLogit() {
        return fBaseline;
    }

    /** {@code f(x)}: the last row's logit (every feature taken from the ECG). */
    double inputLogit() {
        return previous;
    }
}
