package org.ecglab.attribution.backprop;

import ai.djl.ndarray.NDArray;

/**
 * How one layer passes a vector backwards: from the vector at the layer's output (a gradient, a DeepLIFT multiplier
 * or an LRP relevance, shaped like the output) to the one at its input (shaped like the input). A rule sees the
 * layer, its input and output activations (and the reference's, for DeepLIFT) through the {@link LayerStep}; it
 * creates its temporary arrays from the step's arrays, so they are freed when the step ends. Rules are immutable
 * and shared between calls; {@link #toString()} names them for documentation ("epsilon(1e-06)").
 */
@FunctionalInterface
public interface Rule {
    /**
     * @param step     the layer and its activations for the rows of this batch
     * @param atOutput the vector at the layer's output, {@code (rows, output shape...)}
     * @return the vector at the layer's input, {@code (rows, input shape...)}
     */
    NDArray backward(LayerStep step, NDArray atOutput);
}
