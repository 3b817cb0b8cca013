package org.ecglab.attribution.backprop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecglab.nn.LayerSpec;

/**
 * Folds each batch norm into the convolution or linear layer right before it (Zennit's
 * {@code SequentialMergeBatchNorm}): in inference a batch norm is the affine map
 * {@code y = s ⊙ (x − μ) + β} with {@code s = γ / sqrt(σ² + ε)}, so after {@code x = W a + b}
 * <pre>
 *   W' = s ⊙ W   (scaling each output channel's filter),   b' = s ⊙ (b − μ) + β
 * </pre>
 * compute the same outputs with one layer. LRP rules then see the batch norm as part of the convolution (its shift
 * joins the bias), instead of a layer of its own. A batch norm after any other layer stays as it is.
 */
public final class BatchNormFolding implements Canonizer {
    /** The canonizer. */
    public static final BatchNormFolding INSTANCE = new BatchNormFolding();

    private BatchNormFolding() {
    }

    @Override
    public List<PropagationLayer> apply(List<PropagationLayer> layers, NDManager manager) {
        List<PropagationLayer> out = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            PropagationLayer layer = layers.get(i);
            PropagationLayer next = i + 1 < layers.size() ? layers.get(i + 1) : null;
            if (layer.hasWeights() && next != null && next.spec() instanceof LayerSpec.BatchNorm1d bn) {
                out.add(fold(layer, next, bn));
                i++;
            } else {
                out.add(layer);
            }
        }
        return out;
    }

    private static PropagationLayer fold(PropagationLayer affine, PropagationLayer norm, LayerSpec.BatchNorm1d bn) {
        NDArray w = affine.arrays().get("weight");
        NDArray b = affine.arrays().get("bias");
        NDArray scale = norm.arrays().get("gamma").div(norm.arrays().get("runningVar").add((float) bn.eps()).sqrt());
        // The copies live in the call's manager, so everything derived from them does too: freed with the call.
        long[] perChannel = new long[w.getShape().dimension()];
        Arrays.fill(perChannel, 1);
        perChannel[0] = -1;
        NDArray weight = w.mul(scale.reshape(perChannel));
        NDArray shift = (b == null ? scale.zerosLike() : b).sub(norm.arrays().get("runningMean"));
        NDArray bias = shift.mul(scale).add(norm.arrays().get("beta"));
        LayerSpec spec = affine.spec() instanceof LayerSpec.Conv1d c
                ? new LayerSpec.Conv1d(c.inChannels(), c.outChannels(), c.kernelSize(), c.stride(), c.padding(),
                        c.dilation(), true)
                : new LayerSpec.Linear(((LayerSpec.Linear) affine.spec()).inFeatures(),
                        ((LayerSpec.Linear) affine.spec()).outFeatures(), true);
        return PropagationLayer.affine(affine.modelIndex(), affine.name() + " with " + norm.name() + " folded in",
                spec, new AffineParameters(weight, bias));
    }

    @Override
    public String toString() {
        return "batch norm folded into the layer before it";
    }
}
