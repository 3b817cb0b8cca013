package org.ecglab.attribution.perturbation;

/**
 * The perturbed inputs one ECG needs and what becomes of their logits: a perturbation method makes one plan per ECG,
 * and {@link BatchedEvaluator} packs the rows of all plans into forward passes. Rows are filled when their pass is
 * built, so only one pass of inputs exists at a time whatever the number of rows.
 */
interface PerturbationPlan {
    /** Number of inputs to evaluate. */
    int rows();

    /** Writes input {@code row} ({@code 12 × 600} values, lead-major) into {@code dest} at {@code offset}. */
    void fill(int row, float[] dest, int offset);

    /** The target logit of input {@code row}; called once per row, in row order. */
    void accept(int row, float logit);
}
