package org.ecglab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link EcgClassifier} seen layer by layer, for methods that need more than the whole forward pass
 * (propagation rules, class activation maps): layer {@code i} of its {@link Architecture} is child block {@code i}
 * of its network, run in inference mode. DJL has no forward or backward hooks, so such methods run the layers one
 * at a time, keep the activations they need and propagate backwards with their own rules.
 *
 * <p>Running all layers in order computes exactly {@link EcgClassifier#forward} (the same blocks on the same
 * arrays).
 */
public final class LayerwiseModel {
    private final EcgClassifier classifier;
    private final Architecture architecture;

    private LayerwiseModel(EcgClassifier classifier, Architecture architecture) {
        this.classifier = classifier;
        this.architecture = architecture;
    }

    /**
     * The layers of {@code classifier}.
     *
     * @param methodId named in the error when the classifier wraps a bare DJL block without an architecture
     * @throws IllegalArgumentException if the classifier has no {@link Architecture}
     */
    public static LayerwiseModel of(EcgClassifier classifier, String methodId) {
        return new LayerwiseModel(classifier, classifier.requireArchitecture(methodId));
    }

    /** The classifier. */
    public EcgClassifier classifier() {
        return classifier;
    }

    /** The layers as data. */
    public Architecture architecture() {
        return architecture;
    }

    /** Number of layers. */
    public int size() {
        return architecture.layers().size();
    }

    /** Layer {@code i} as data. */
    public LayerSpec spec(int i) {
        return architecture.layers().get(i);
    }

    /** Layer {@code i}'s DJL block. */
    public Block block(int i) {
        return classifier.block().getChildren().get(i).getValue();
    }

    /** Layer {@code i}'s parameter arrays by DJL name ({@code weight}, {@code gamma}, ...), not copied. */
    public Map<String, NDArray> parameters(int i) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : ParameterLayout.parameters(block(i)).entrySet()) {
            out.put(e.getKey(), e.getValue().getArray());
        }
        return out;
    }

    /** Layer {@code i} applied to {@code x}, in inference mode, differentiable. */
    public NDArray forward(int i, NDArray x) {
        return block(i).forward(new ParameterStore(x.getManager(), false), new NDList(x), false).singletonOrThrow();
    }

    /** Layers {@code [from, to)} applied to {@code x} in order; {@code x} itself when {@code from == to}. */
    public NDArray forward(int from, int to, NDArray x) {
        checkRange(from, to);
        NDArray a = x;
        for (int i = from; i < to; i++) {
            a = forward(i, a);
        }
        return a;
    }

    /**
     * Every activation of {@code x}: entry 0 is {@code x}, entry {@code i + 1} the output of layer {@code i}, so
     * entry {@code i} is layer {@code i}'s input ({@link #size()} + 1 entries, the last being the logits).
     */
    public List<NDArray> activations(NDArray x) {
        List<NDArray> out = new ArrayList<>(size() + 1);
        out.add(x);
        for (int i = 0; i < size(); i++) {
            out.add(forward(i, out.get(i)));
        }
        return out;
    }

    /** Indices of the layers of one type ({@link LayerSpec#type()}, e.g. {@code "conv1d"}), in order. */
    public List<Integer> indicesOf(String type) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (spec(i).type().equals(type)) {
                out.add(i);
            }
        }
        return out;
    }

    private void checkRange(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("layers [" + from + ", " + to + ") are outside the " + size()
                    + " layers of " + architecture.name());
        }
    }

    @Override
    public String toString() {
        return "LayerwiseModel[" + classifier.id() + ", " + architecture.name() + ", " + size() + " layers]";
    }
}
