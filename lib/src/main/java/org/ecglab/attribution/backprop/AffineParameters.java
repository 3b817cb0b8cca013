package org.ecglab.attribution.backprop;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * The weight and bias of a convolution or a linear layer, as a rule's modified forward pass uses them.
 *
 * @param weight {@code (out, in, kernel)} or {@code (out, in)}
 * @param bias   {@code (out)}, or null when the layer has none or a modifier dropped it
 */
public record AffineParameters(NDArray weight, NDArray bias) {
    /** Checks that the weight is there. */
    public AffineParameters {
        Objects.requireNonNull(weight, "weight");
    }
}
