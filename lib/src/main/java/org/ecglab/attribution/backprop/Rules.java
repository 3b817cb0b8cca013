package org.ecglab.attribution.backprop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Objects;

/**
 * The elementary rules: the plain gradient, pass-through, and the ReLU rules of guided backpropagation and
 * deconvolution.
 */
public final class Rules {
    private Rules() {
    }

    /**
     * The layer's vector-Jacobian product at its input, {@code J(x)ᵀ v}: ordinary backpropagation through the layer.
     * The default rule of every composite. ReLU ({@code v ⊙ 1[x > 0]}, PyTorch's own derivative), flatten (a
     * reshape) and dropout in inference (the identity) are written out, which saves a local forward and backward
     * pass; every other layer is differentiated by local autograd.
     */
    public static final Rule GRADIENT = named("gradient", (step, v) -> switch (step.spec().type()) {
        case "relu" -> v.mul(step.input().gt(0f).toType(DataType.FLOAT32, false));
        case "flatten" -> v.reshape(step.input().getShape());
        case "dropout" -> v;
        default -> step.vectorJacobian(step.input(), v);
    });

    /**
     * Whether {@code rule} at a layer of type {@code type} differentiates the layer's own function at its input by
     * autograd ({@link #GRADIENT} on a layer it does not write out), so that the walk can record that layer's forward
     * pass and skip running it again.
     */
    static boolean differentiatesLayer(Rule rule, String type) {
        return rule == GRADIENT && !type.equals("relu") && !type.equals("flatten") && !type.equals("dropout");
    }

    /**
     * The vector passes unchanged (Zennit's {@code Pass}, Captum's LRP treatment of ReLU and dropout): for layers
     * whose output has the input's shape.
     */
    public static final Rule PASS = named("pass", (step, v) -> v);

    /**
     * Guided backpropagation's ReLU (Springenberg et al. 2015): {@code max(v ⊙ 1[x > 0], 0)}, the ReLU's gradient
     * with negative values cut, as Captum's {@code GuidedBackprop} hook returns {@code relu(grad_input)}.
     */
    public static final Rule GUIDED_RELU = named("guided ReLU",
            (step, v) -> v.mul(step.input().gt(0f).toType(DataType.FLOAT32, false)).maximum(0f));

    /**
     * Deconvolution's ReLU (Zeiler &amp; Fergus 2014): {@code max(v, 0)}, whatever the input was, as Captum's
     * {@code Deconvolution} hook returns {@code relu(grad_output)}.
     */
    public static final Rule DECONVOLUTION_RELU = named("deconvolution ReLU", (step, v) -> v.maximum(0f));

    /** {@code rule} with a name for {@link Object#toString()}. */
    public static Rule named(String name, Rule rule) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
        return new Rule() {
            @Override
            public NDArray backward(LayerStep step, NDArray atOutput) {
                return rule.backward(step, atOutput);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
