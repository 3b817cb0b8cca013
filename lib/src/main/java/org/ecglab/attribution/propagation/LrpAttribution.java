package org.ecglab.attribution.propagation;

import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionInputs;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.backprop.BackwardTraversal;
import org.ecglab.attribution.backprop.Composite;
import org.ecglab.nn.EcgClassifier;

/**
 * What the LRP methods share: relevance {@code R = f_c(x)} placed on the target logit (Bach et al. 2015, Captum),
 * walked back with a composite's rules, and the conservation gap {@code Σ R_input − f_c(x)} reported as the
 * convergence delta (Captum's LRP reports the same difference with the opposite sign). Relevance is absorbed by
 * biases, batch-norm shifts and stabilisers, so the gap is not zero in general; for LRP-ε with a small ε on a network
 * without biases it vanishes. Baselines are ignored.
 */
final class LrpAttribution {
    private LrpAttribution() {
    }

    static Attribution attribute(AttributionMethod method, Composite composite, int internalBatchSize,
            EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        BackwardTraversal walk = new BackwardTraversal(composite, BackwardTraversal.Start.LOGIT, internalBatchSize);
        BackwardTraversal.Result r = walk.run(model, method.id(), inputs, null, targets);
        double[] delta = new double[inputs.length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = Relevance.sum(r.maps()[i]) - r.logits()[i];
        }
        return Attribution.of(method, model, inputs, r.maps()).convergenceDelta(delta).build();
    }
}
