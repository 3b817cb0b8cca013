package org.ecglab.attribution.backprop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.ecglab.nn.LayerSpec;
import org.ecglab.nn.LayerwiseModel;

/**
 * One layer as the {@link BackwardTraversal} walks it: its spec, its own forward function and, for rules and
 * canonizers that need them, copies of its parameter arrays. A layer of the model runs its DJL block (so the walk's
 * activations are exactly the model's); a layer a {@link Canonizer} made runs its spec's function on the canonizer's
 * arrays. Parameter copies and modified parameters live in the manager of the call that made the layer and are
 * computed once per call, never written back to the model.
 */
public final class PropagationLayer {
    private final int modelIndex;
    private final String name;
    private final LayerSpec spec;
    private final UnaryOperator<NDArray> forward;
    private final Map<String, NDArray> arrays;
    private final Map<ParameterModifier, AffineParameters> modified = new HashMap<>();

    private PropagationLayer(int modelIndex, String name, LayerSpec spec, UnaryOperator<NDArray> forward,
            Map<String, NDArray> arrays) {
        this.modelIndex = modelIndex;
        this.name = Objects.requireNonNull(name, "name");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.forward = Objects.requireNonNull(forward, "forward");
        this.arrays = arrays;
    }

    /**
     * The layers of {@code model}, their parameters copied into {@code manager} (which the caller closes when the
     * walk is done).
     */
    public static List<PropagationLayer> of(LayerwiseModel model, NDManager manager) {
        return IntStream.range(0, model.size()).mapToObj(i -> {
            Map<String, NDArray> copies = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> e : model.parameters(i).entrySet()) {
                NDArray a = e.getValue();
                copies.put(e.getKey(), manager.create(a.toFloatArray(), a.getShape()));
            }
            return new PropagationLayer(i, model.spec(i).toString(), model.spec(i), x -> model.forward(i, x),
                    Collections.unmodifiableMap(copies));
        }).toList();
    }

    /**
     * A convolution or linear layer computing {@code spec}'s function with the given arrays, for canonizers.
     *
     * @param modelIndex index of the model layer it stands for (named in messages)
     * @param name       e.g. "Conv1d(...) with BatchNorm1d(...) folded in"
     * @param spec       a {@link LayerSpec.Conv1d} or {@link LayerSpec.Linear}
     * @param parameters weight and bias, owned by the call's manager
     */
    public static PropagationLayer affine(int modelIndex, String name, LayerSpec spec, AffineParameters parameters) {
        Map<String, NDArray> a = new LinkedHashMap<>();
        a.put("weight", parameters.weight());
        if (parameters.bias() != null) {
            a.put("bias", parameters.bias());
        }
        return new PropagationLayer(modelIndex, name, spec, x -> affine(spec, x, parameters),
                Collections.unmodifiableMap(a));
    }

    /** Index of the model layer this layer stands for. */
    public int modelIndex() {
        return modelIndex;
    }

    /** The layer as text, e.g. "ReLU()". */
    public String name() {
        return name;
    }

    /** The layer as data. */
    public LayerSpec spec() {
        return spec;
    }

    /** The layer type, e.g. "conv1d". */
    public String type() {
        return spec.type();
    }

    /** Whether the layer has a weight (convolution or linear), which parameter modifiers need. */
    public boolean hasWeights() {
        return spec instanceof LayerSpec.Conv1d || spec instanceof LayerSpec.Linear;
    }

    /** The layer's own function, in inference mode, differentiable. */
    public NDArray forward(NDArray x) {
        return forward.apply(x);
    }

    /** The layer's function with other weight and bias ({@link #hasWeights()} layers only), differentiable. */
    public NDArray forward(NDArray x, AffineParameters parameters) {
        return affine(spec, x, parameters);
    }

    /** Copies of the parameter arrays by DJL name ({@code weight}, {@code bias}, {@code gamma}, ...). */
    public Map<String, NDArray> arrays() {
        return arrays;
    }

    /**
     * The weight and bias after {@code modifier}, computed once per call.
     *
     * @throws IllegalArgumentException if the layer has no weight
     */
    public synchronized AffineParameters parameters(ParameterModifier modifier) {
        if (!hasWeights()) {
            throw new IllegalArgumentException("layer " + modelIndex + " (" + name + ") has no weights for "
                    + modifier + " to modify; map a rule without parameter modifiers to it");
        }
        return modified.computeIfAbsent(modifier,
                m -> m.apply(new AffineParameters(arrays.get("weight"), arrays.get("bias"))));
    }

    static NDArray affine(LayerSpec spec, NDArray x, AffineParameters p) {
        if (spec instanceof LayerSpec.Conv1d c) {
            return ai.djl.nn.convolutional.Conv1d.conv1d(x, p.weight(), p.bias(), new Shape(c.stride()),
                    new Shape(c.padding()), new Shape(c.dilation()), 1).singletonOrThrow();
        }
        if (spec instanceof LayerSpec.Linear) {
            return Linear.linear(x, p.weight(), p.bias()).singletonOrThrow();
        }
        throw new IllegalArgumentException(spec + " has no weight and bias");
    }

    @Override
    public String toString() {
        return modelIndex + " " + name;
    }
}
