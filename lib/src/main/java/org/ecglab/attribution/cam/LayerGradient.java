package org.ecglab.attribution.cam;

import ai.djl.ndarray.NDArray;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.nn.GradRecording;
import org.ecglab.nn.LayerwiseModel;

/**
 * The output of one layer and the gradient of each row's target logit with respect to it, as Captum's
 * {@code compute_layer_gradients_and_eval} gives them. DJL has no hooks, so the network runs in two parts: the layers
 * up to {@code layer} without recording, then the rest from a copy of that activation made a leaf that records its
 * gradient. Both arrays belong to the input's manager.
 *
 * @param activation the layer's output {@code (b, C, L)}
 * @param gradient   {@code ∂ logit[r, target_r] / ∂ activation[r]}, same shape
 */
record LayerGradient(NDArray activation, NDArray gradient) {

    /**
     * @param layers  the network, checked for gradients ({@code GradientSelfCheck}) by the caller
     * @param layer   index of the layer whose output is differentiated
     * @param x       input {@code (b, 12, 600)}
     * @param targets the logit index of each row
     */
    static LayerGradient of(LayerwiseModel layers, int layer, NDArray x, int[] targets) {
        NDArray activation = layers.forward(0, layer + 1, x);
        NDArray leaf = activation.duplicate();
        leaf.setRequiresGradient(true);
        try (GradRecording recording = GradRecording.start()) {
            NDArray logits = layers.forward(layer + 1, layers.size(), leaf);
            GradRecording.backward(GradientComputer.selectedLogits(layers.classifier(), logits, targets).sum());
        }
        return new LayerGradient(activation, leaf.getGradient());
    }
}
