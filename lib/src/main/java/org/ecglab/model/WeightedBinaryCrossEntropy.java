package org.ecglab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * Binary cross entropy on logits with the positives weighted, as PyTorch's
 * {@code BCEWithLogitsLoss(pos_weight=w)}: {@code l = -[w y log s(x) + (1 - y) log(1 - s(x))]}, averaged over the
 * batch. Computed stably as {@code (1 - y) x + (1 + (w - 1) y) (log(1 + exp(-|x|)) + max(-x, 0))}. With
 * {@code w = 1} it equals DJL's {@code SigmoidBinaryCrossEntropyLoss} with {@code fromSigmoid = false}.
 */
public final class WeightedBinaryCrossEntropy extends Loss {
    private final float positiveWeight;

    /**
     * @param positiveWeight weight of the positive term, positive and finite (e.g. negatives / positives)
     */
    public WeightedBinaryCrossEntropy(double positiveWeight) {
        super("WeightedBCE");
        if (!(positiveWeight > 0) || !Double.isFinite(positiveWeight)) {
            throw new IllegalArgumentException("positiveWeight must be positive and finite, got " + positiveWeight);
        }
        this.positiveWeight = (float) positiveWeight;
    }

    /** The weight of the positive term. */
    public double positiveWeight() {
        return positiveWeight;
    }

    /**
     * @param labels      targets in {0, 1}, same shape as the logits
     * @param predictions logits
     * @return the mean loss, a scalar
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray x = predictions.singletonOrThrow();
        NDArray y = labels.singletonOrThrow().reshape(x.getShape());
        NDArray logSigmoidNeg = Activation.softPlus(x.abs().neg()).add(x.neg().maximum(0));
        NDArray weight = y.mul(positiveWeight - 1f).add(1f);
        return y.neg().add(1f).mul(x).add(weight.mul(logSigmoidNeg)).mean();
    }
}
