package org.ecglab.attribution;

/**
 * An attribution method whose cost is a fixed number of forward and backward passes through the network per ECG,
 * known from its parameters: the gradient, path and CAM families. That number times the cost of one pass (saliency's)
 * is the method's floor, against which its speed is measured (as {@link MaskedAttributionMethod#evaluationsPerEcg}
 * states the perturbation methods' forward passes).
 */
public interface GradientPassMethod extends AttributionMethod {

    /**
     * Forward and backward passes through the whole network per ECG: the rows this method differentiates from the
     * logits back, per ECG (e.g. 1 for saliency, {@code n_steps} for integrated gradients, 2 for guided Grad-CAM).
     * Forward passes without gradients (integrated gradients' convergence delta) are not counted.
     */
    int passesPerEcg();
}
