package org.ecglab.attribution.backprop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;
import org.ecglab.nn.LayerSpec;

/**
 * DeepLIFT's rules for the nonlinear layers (Shrikumar et al. 2017, rescale rule), in the form Captum's
 * {@code DeepLift} applies them: the walk propagates multipliers {@code m = ∂̃f/∂̃z} and each nonlinear layer
 * replaces its gradient by a ratio of differences between the input and the reference activations (Ancona et al.
 * 2018's gradient formulation). Linear layers (convolution, batch norm in inference, pooling by averages, flatten,
 * linear) keep their gradient, which equals their difference ratio.
 */
public final class DeepLiftRules {
    private DeepLiftRules() {
    }

    /**
     * The rescale rule for an elementwise nonlinearity (ReLU): {@code m_in = m ⊙ Δy / Δx} with {@code Δx = x − x'},
     * {@code Δy = y − y'}; where {@code |Δx| < eps} the ordinary gradient {@code m ⊙ f'(x)} (Captum's
     * {@code nonlinear}).
     */
    public static Rule rescale(double eps) {
        return Rules.named(String.format(Locale.ROOT, "rescale(eps=%g)", eps), (step, m) -> {
            NDArray dIn = step.input().sub(step.referenceInput());
            NDArray ratio = m.mul(step.output().sub(step.referenceOutput())).div(dIn);
            NDArray gradient = step.spec() instanceof LayerSpec.Relu
                    ? m.mul(step.input().gt(0f).toType(DataType.FLOAT32, false))
                    : step.vectorJacobian(step.input(), m);
            return NDArrays.where(dIn.abs().lt((float) eps), gradient, ratio);
        });
    }

    /**
     * Captum's rule for max pooling. Per output, the change {@code Δy = y − y'} is split at the cross maximum
     * {@code c = max(y, y')}: {@code c − y'} goes to the input's winning position (the argmax in {@code x}) and
     * {@code y − c} to the reference's winning position (the argmax in {@code x'}); so all of {@code Δy} goes to the
     * input's winner when the output grew and to the reference's winner when it shrank. Each position's share
     * {@code u}, times the incoming multiplier, is divided by its own {@code Δx}: {@code m_in = u / Δx}; where
     * {@code |Δx| < eps} the ordinary max-pooling gradient is used.
     *
     * <p>Where we leave Captum: shares reaching one input position from several overlapping windows are added (the
     * gradient of max pooling adds them too); Captum scatters them with {@code max_unpool}, which keeps one. The two
     * agree for non-overlapping pooling (stride = kernel, as in the default CNN). Captum's fallback where
     * {@code |Δx| < eps} takes the gradient of the batch's first row ({@code grad_input[0]}); we take each row's own.
     */
    public static Rule maxPool(double eps) {
        return Rules.named(String.format(Locale.ROOT, "max-pool rescale(eps=%g)", eps), (step, m) -> {
            NDArray x = step.input();
            NDArray xRef = step.referenceInput();
            NDArray y = step.output();
            NDArray yRef = step.referenceOutput();
            NDArray cross = y.maximum(yRef);
            NDArray toInput = m.mul(cross.sub(yRef));
            NDArray toReference = m.mul(y.sub(cross));
            NDArray[] g = LocalAutograd.gradients(new NDArray[] {x, xRef, x},
                    leaves -> new NDArray[] {step.layer().forward(leaves[0]), step.layer().forward(leaves[1]),
                        step.layer().forward(leaves[2])},
                    outputs -> new NDArray[] {toInput, toReference, m});
            NDArray dIn = x.sub(xRef);
            return NDArrays.where(dIn.abs().lt((float) eps), g[2], g[0].add(g[1]).div(dIn));
        });
    }
}
