package org.ecglab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015) for a block's trainable parameters, computing exactly what DJL's {@code Adam.update}
 * (DJL 0.36) computes: at step t = 1, 2, ... one native {@code adam_update} per parameter,
 *
 * <pre>m ← β1·m + (1−β1)·g,  v ← β2·v + (1−β2)·g²,  w ← w − η_t·m / (√v + ε),  η_t = η·√(1−β2^t) / (1−β1^t)</pre>
 *
 * with η_t computed in double and rounded to float, β1 = 0.9, β2 = 0.999, ε = 1e-8 and no weight decay, after which
 * the parameter's gradient is zeroed. {@code TrainingStepsTest} checks that the weights come out bit-identical to
 * DJL's {@code Trainer.step}.
 *
 * <p>Why not DJL's own: its bookkeeping (hash maps of state and update counts, a copy of every gradient, streams) is
 * not safe to call from two threads, and {@link TrainingSteps} updates a layer's parameters on an engine worker while
 * the next forward pass runs through the layers before it. Each parameter's update is elementwise and touches only
 * that parameter, its gradient and its two moments, so updating them on different threads computes the same bits.
 */
final class AdamState implements AutoCloseable {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final float learningRate;
    private final List<PtNDArray> weights;
    private final List<PtNDArray> means = new ArrayList<>();
    private final List<PtNDArray> variances = new ArrayList<>();
    private int step;

    /**
     * @param weights      the trainable parameters' arrays, in the order they are updated
     * @param learningRate η
     */
    AdamState(List<NDArray> weights, float learningRate) {
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        this.learningRate = learningRate;
        this.weights = new ArrayList<>();
        try {
            for (NDArray w : weights) {
                this.weights.add((PtNDArray) w);
                means.add((PtNDArray) w.zerosLike());
                variances.add((PtNDArray) w.zerosLike());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Number of parameters. */
    int size() {
        return weights.size();
    }

    /** Starts the next step and returns its rate η_t, as DJL computes it. */
    float nextStep() {
        step++;
        double coef1 = 1.0 - Math.pow(BETA1, step);
        double coef2 = 1.0 - Math.pow(BETA2, step);
        return (float) (learningRate * Math.sqrt(coef2) / coef1);
    }

    /** Updates parameter {@code i} from its gradient with the step's {@code rate}, then zeroes the gradient. */
    void update(int i, float rate) {
        PtNDArray w = weights.get(i);
        try (PtNDArray gradient = JniUtils.getGradient(w)) {
            JniUtils.adamUpdate(w, gradient, means.get(i), variances.get(i), learningRate, rate, 0f, 1f, -1f, BETA1,
                    BETA2, EPSILON, false);
        }
        JniUtils.zeroGrad(w);
    }

    @Override
    public void close() {
        means.forEach(NDArray::close);
        variances.forEach(NDArray::close);
    }
}
