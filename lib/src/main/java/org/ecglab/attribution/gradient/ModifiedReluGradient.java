package org.ecglab.attribution.gradient;

import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionInputs;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.backprop.BackwardTraversal;
import org.ecglab.attribution.backprop.Composite;
import org.ecglab.nn.EcgClassifier;

/**
 * What guided backpropagation and deconvolution share (Captum's {@code ModifiedReluGradientAttribution}): the
 * gradient of the target logit, walked back layer by layer with a modified rule at every ReLU. Baselines are ignored.
 */
final class ModifiedReluGradient {
    private ModifiedReluGradient() {
    }

    static Attribution attribute(AttributionMethod method, Composite composite, int internalBatchSize,
            EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        BackwardTraversal walk = new BackwardTraversal(composite, BackwardTraversal.Start.GRADIENT, internalBatchSize);
        float[][][] maps = walk.run(model, method.id(), inputs, null, targets).maps();
        return Attribution.of(method, model, inputs, maps).build();
    }
}
