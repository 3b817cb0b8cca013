package org.ecglab.attribution.perturbation;

/**
 * One ECG's ablations: row 0 is the ECG itself, row {@code r ≥ 1} the ECG with the points of set {@code r − 1}
 * replaced by the baseline's. After evaluation, {@link #drop(int)} is {@code f(x) − f(x with set s ablated)}, the
 * quantity occlusion and feature ablation attribute (Captum's {@code initial_eval − modified_eval}).
 */
final class AblationPlan implements PerturbationPlan {
    private final float[] x;
    private final float[] baseline;
    private final int[][] sets;
    private final double[] drops;
    private double fx;

    /**
     * @param x        the ECG, lead-major
     * @param baseline its baseline, lead-major
     * @param sets     lead-major point indices ablated together, one set per row after the first
     */
    AblationPlan(float[] x, float[] baseline, int[][] sets) {
        this.x = x;
        this.baseline = baseline;
        this.sets = sets;
        this.drops = new double[sets.length];
    }

    @Override
    public int rows() {
        return sets.length + 1;
    }

    @Override
    public void fill(int row, float[] dest, int offset) {
        System.arraycopy(x, 0, dest, offset, x.length);
        if (row > 0) {
            for (int i : sets[row - 1]) {
                dest[offset + i] = baseline[i];
            }
        }
    }

    @Override
    public void accept(int row, float logit) {
        if (row == 0) {
            fx = logit;
        } else {
            drops[row - 1] = fx - logit;
        }
    }

    /** {@code f(x) − f(x with set s ablated)}. */
    double drop(int s) {
        return drops[s];
    }

    /** All drops, one per set; not copied. */
    double[] drops() {
        return drops;
    }
}
