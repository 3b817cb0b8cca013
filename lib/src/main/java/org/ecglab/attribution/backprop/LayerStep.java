package org.ecglab.attribution.backprop;

import ai.djl.ndarray.NDArray;
import org.ecglab.nn.GradRecording;
import org.ecglab.nn.LayerSpec;

/**
 * What a {@link Rule} sees of one layer while the {@link BackwardTraversal} walks back through it: the layer, its
 * input and output activations for the rows of the current batch and, for methods that compare with a reference
 * (DeepLIFT), the reference rows' activations. All arrays belong to the step, whose native memory is freed when the
 * step ends; arrays a rule derives from them go there too.
 */
public final class LayerStep {
    private final PropagationLayer layer;
    private final NDArray input;
    private final NDArray output;
    private final NDArray referenceInput;
    private final NDArray referenceOutput;
    private final RecordedForward recorded;

    LayerStep(PropagationLayer layer, NDArray input, NDArray output, NDArray referenceInput,
            NDArray referenceOutput, RecordedForward recorded) {
        this.layer = layer;
        this.input = input;
        this.output = output;
        this.referenceInput = referenceInput;
        this.referenceOutput = referenceOutput;
        this.recorded = recorded;
    }

    /** The layer. */
    public PropagationLayer layer() {
        return layer;
    }

    /** The layer as data. */
    public LayerSpec spec() {
        return layer.spec();
    }

    /** The layer's input {@code x}, {@code (rows, ...)}. */
    public NDArray input() {
        return input;
    }

    /** The layer's output {@code z = layer(x)}. */
    public NDArray output() {
        return output;
    }

    /** Whether reference activations are there (methods with baselines). */
    public boolean hasReference() {
        return referenceInput != null;
    }

    /**
     * The layer's input for the reference rows {@code x'} (row {@code r} is the reference of input row {@code r}).
     *
     * @throws IllegalStateException if the walk has no references
     */
    public NDArray referenceInput() {
        requireReference();
        return referenceInput;
    }

    /** The layer's output for the reference rows. */
    public NDArray referenceOutput() {
        requireReference();
        return referenceOutput;
    }

    /**
     * {@code J(at)ᵀ v} of the layer's own function, by local autograd: from the graph the walk's forward pass recorded
     * when {@code at} is this step's input and the walk recorded one, else by running the layer again on a leaf.
     */
    public NDArray vectorJacobian(NDArray at, NDArray v) {
        if (at == input && recorded != null) {
            return recorded.vectorJacobian(v);
        }
        return LocalAutograd.vectorJacobian(layer, at, v);
    }

    private void requireReference() {
        if (referenceInput == null) {
            throw new IllegalStateException("layer " + layer + ": this rule needs reference activations, but the "
                    + "walk was run without references");
        }
    }

    /**
     * A layer's forward pass as the walk ran it with autograd recording: its input as a leaf and its output. Backward
     * from the output with {@code v} as its incoming gradient gives {@code J(x)ᵀ v} without running the layer again.
     * Rows are the step's rows (the walk records only without references).
     */
    record RecordedForward(NDArray leaf, NDArray output) {
        NDArray vectorJacobian(NDArray v) {
            try (GradRecording recording = GradRecording.start()) {
                GradRecording.backward(output, v, false);
            }
            return leaf.getGradient();
        }
    }
}
