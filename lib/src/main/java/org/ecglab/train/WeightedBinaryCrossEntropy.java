package org.ecglab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * Binary cross entropy on logits with the positives weighted, as PyTorch's
 * {@code BCEWithLogitsLoss(pos_weight=w)}: {@code l = -[w y log s(x) + (1 - y) log(1 - s(x))]}, averaged over the
 * batch. Computed stably as {@code (1 - y) x + (1 + (w - 1) y) (log(1 + exp(-|x|)) + max(-x, 0))}. With
 * {@code w = 1} it equals DJL's {@code SigmoidBinaryCrossEntropyLoss} with {@code fromSigmoid = false}. For k
 * outputs (multi-label) each column may have its own weight, averaged over batch and outputs.
 */
public final class WeightedBinaryCrossEntropy extends Loss {
    private final float positiveWeight;
    private final float[] columnWeights;

    /**
     * @param positiveWeight weight of the positive term, positive and finite (e.g. negatives / positives)
     */
    public WeightedBinaryCrossEntropy(double positiveWeight) {
        this(new double[] {positiveWeight});
    }

    /**
     * One weight per output column (PyTorch's {@code pos_weight} of shape {@code (k,)}); the predictions must then
     * have shape {@code (N, k)}.
     *
     * @param positiveWeights weight of the positive term of each output, positive and finite
     */
    public WeightedBinaryCrossEntropy(double[] positiveWeights) {
        super("WeightedBCE");
        if (positiveWeights.length == 0) {
            throw new IllegalArgumentException("need at least one positive weight");
        }
        columnWeights = new float[positiveWeights.length];
        for (int c = 0; c < positiveWeights.length; c++) {
            double w = positiveWeights[c];
            if (!(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("positive weight " + c + " must be positive and finite, got " + w);
            }
            columnWeights[c] = (float) w;
        }
        this.positiveWeight = columnWeights[0];
    }

    /**
     * @param labels      targets in {0, 1}, same shape as the logits
     * @param predictions logits
     * @return the mean loss, a scalar
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray x = predictions.singletonOrThrow();
        if (columnWeights.length > 1 && x.getShape().get(x.getShape().dimension() - 1) != columnWeights.length) {
            // Otherwise (N, 1) logits would broadcast against k weights into an (N, k) loss with a wrong mean.
            throw new IllegalArgumentException("logits have shape " + x.getShape() + " but " + columnWeights.length
                    + " column weights were given");
        }
        NDArray y = labels.singletonOrThrow().reshape(x.getShape());
        NDArray logSigmoidNeg = Activation.softPlus(x.abs().neg()).add(x.neg().maximum(0));
        NDArray weight = columnWeights.length == 1 ? y.mul(positiveWeight - 1f).add(1f)
                : y.mul(x.getManager().create(columnWeights).sub(1f)).add(1f); // (k,) broadcasts over rows
        return y.neg().add(1f).mul(x).add(weight.mul(logSigmoidNeg)).mean();
    }
}
