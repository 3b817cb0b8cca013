package org.ecglab.attribution.backprop;

import ai.djl.ndarray.NDArray;
import java.util.function.Function;
import org.ecglab.nn.GradRecording;

/**
 * Vector-Jacobian products of one layer by autograd on that layer alone: each point becomes a fresh leaf, the layer
 * (or a modified version of it) runs on the leaves with autograd recording on the calling thread, and a backward
 * pass from each output with its vector {@code v_k} as the output's gradient leaves {@code J_k(point_k)ᵀ v_k} on leaf
 * {@code k}. The vectors may depend on the outputs' values (LRP divides by them), which are handed over detached.
 */
final class LocalAutograd {
    private LocalAutograd() {
    }

    /**
     * @param points  where each pass is evaluated (not modified)
     * @param forward maps the leaves, one per point, to one output per point (recorded)
     * @param vectors maps the outputs' values to the vector each output is contracted with; a null vector means no
     *                gradient is wanted for that pass
     * @return {@code J_kᵀ v_k} per pass, null where the vector was null
     */
    static NDArray[] gradients(NDArray[] points, Function<NDArray[], NDArray[]> forward,
            Function<NDArray[], NDArray[]> vectors) {
        NDArray[] leaves = new NDArray[points.length];
        for (int k = 0; k < points.length; k++) {
            leaves[k] = points[k].stopGradient();
            leaves[k].setRequiresGradient(true);
        }
        NDArray[] v;
        try (GradRecording recording = GradRecording.start()) {
            NDArray[] outputs = forward.apply(leaves);
            NDArray[] values = new NDArray[outputs.length];
            for (int k = 0; k < outputs.length; k++) {
                values[k] = outputs[k].stopGradient();
            }
            v = vectors.apply(values);
            int last = -1;
            for (int k = 0; k < outputs.length; k++) {
                if (v[k] != null) {
                    last = k;
                }
            }
            // One backward pass per output, from its vector. All but the last keep the graph, in case the outputs
            // share nodes. A single pass from Σ_k Σ output_k ⊙ v_k gives the same numbers at the cost of a product,
            // a sum and their backward passes over each whole output: LRP-γ, two passes per convolution, ran 13 to
            // 18% faster without them (issue 10's propagation benchmark).
            for (int k = 0; k <= last; k++) {
                if (v[k] != null) {
                    GradRecording.backward(outputs[k], v[k], k < last);
                }
            }
        }
        NDArray[] gradients = new NDArray[points.length];
        for (int k = 0; k < points.length; k++) {
            gradients[k] = v[k] == null ? null : leaves[k].getGradient();
        }
        return gradients;
    }

    /** {@code J(point)ᵀ v} of {@code layer}'s own function. */
    static NDArray vectorJacobian(PropagationLayer layer, NDArray point, NDArray v) {
        return gradients(new NDArray[] {point}, leaves -> new NDArray[] {layer.forward(leaves[0])},
                outputs -> new NDArray[] {v})[0];
    }
}
