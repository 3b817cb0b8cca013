package org.ecglab.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameter arrays a layer holds, in DJL and in PyTorch: each DJL parameter's local name, the matching
 * {@code torch.nn} attribute (the suffix of its {@code state_dict} key) and its shape, in PyTorch's registration
 * order. This is the single place that knows the naming correspondence:
 *
 * <pre>
 *   layer        DJL parameter   PyTorch state_dict suffix   shape
 *   conv1d       weight          weight                      (out_channels, in_channels, kernel_size)
 *                bias            bias                        (out_channels), only if bias=true
 *   batchnorm1d  gamma           weight                      (num_features)
 *                beta            bias                        (num_features)
 *                runningMean     running_mean                (num_features)
 *                runningVar      running_var                 (num_features)
 *   linear       weight          weight                      (out_features, in_features)
 *                bias            bias                        (out_features), only if bias=true
 * </pre>
 *
 * DJL's layouts already equal PyTorch's (Conv1d weight {@code (out, in, k)}, Linear weight {@code (out, in)}), so
 * arrays map one to one without transposing. PyTorch's batch norm also has the buffer {@code num_batches_tracked},
 * which DJL does not keep; it is not listed here (the interop bundle adds it).
 */
public final class ParameterLayout {
    private ParameterLayout() {
    }

    /**
     * One parameter array.
     *
     * @param djlName   the parameter's name inside its DJL block, e.g. {@code "gamma"}
     * @param torchName the attribute name in {@code torch.nn}, e.g. {@code "weight"}
     * @param shape     the array's shape
     */
    public record Entry(String djlName, String torchName, long[] shape) {
        public Entry {
            Objects.requireNonNull(djlName, "djlName");
            Objects.requireNonNull(torchName, "torchName");
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        /** Number of elements. */
        public int size() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return Math.toIntExact(n);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && djlName.equals(e.djlName) && torchName.equals(e.torchName)
                    && Arrays.equals(shape, e.shape);
        }

        @Override
        public int hashCode() {
            return Objects.hash(djlName, torchName, Arrays.hashCode(shape));
        }

        @Override
        public String toString() {
            return djlName + "->" + torchName + LayerChecks.shape(shape);
        }
    }

    /** The arrays of {@code layer} in PyTorch's order; empty for layers without parameters. */
    public static List<Entry> of(LayerSpec layer) {
        if (layer instanceof LayerSpec.Conv1d c) {
            Entry w = new Entry("weight", "weight", new long[] {c.outChannels(), c.inChannels(), c.kernelSize()});
            return c.bias() ? List.of(w, new Entry("bias", "bias", new long[] {c.outChannels()})) : List.of(w);
        }
        if (layer instanceof LayerSpec.BatchNorm1d b) {
            long[] s = {b.numFeatures()};
            return List.of(new Entry("gamma", "weight", s), new Entry("beta", "bias", s),
                    new Entry("runningMean", "running_mean", s), new Entry("runningVar", "running_var", s));
        }
        if (layer instanceof LayerSpec.Linear l) {
            Entry w = new Entry("weight", "weight", new long[] {l.outFeatures(), l.inFeatures()});
            return l.bias() ? List.of(w, new Entry("bias", "bias", new long[] {l.outFeatures()})) : List.of(w);
        }
        return List.of();
    }

    /** Whether the layer holds parameter arrays (the layers that randomisation re-initialises). */
    public static boolean hasParameters(LayerSpec layer) {
        return !of(layer).isEmpty();
    }

    /**
     * Checks that an initialised block is the network {@code architecture} describes: one child per layer, and per
     * child exactly the arrays of {@link #of} with their shapes. DJL would otherwise load or copy arrays of any shape
     * and run a different network than the one recorded.
     *
     * @throws IllegalArgumentException naming the layer index and parameter that do not match
     */
    public static void check(Architecture architecture, Block block) {
        List<LayerSpec> layers = architecture.layers();
        int children = block.getChildren().size();
        if (children != layers.size()) {
            throw new IllegalArgumentException("block has " + children + " layers, architecture "
                    + architecture.name() + " has " + layers.size());
        }
        for (int i = 0; i < layers.size(); i++) {
            Map<String, Parameter> actual = parameters(block.getChildren().get(i).getValue());
            List<Entry> expected = of(layers.get(i));
            String where = "layer " + i + " (" + layers.get(i) + ")";
            for (Entry e : expected) {
                Parameter p = actual.remove(e.djlName());
                if (p == null) {
                    throw new IllegalArgumentException(where + " has no parameter " + e.djlName());
                }
                long[] shape = p.getArray().getShape().getShape();
                if (!Arrays.equals(shape, e.shape)) {
                    throw new IllegalArgumentException(where + " parameter " + e.djlName() + " has shape "
                            + LayerChecks.shape(shape) + ", expected " + LayerChecks.shape(e.shape));
                }
            }
            if (!actual.isEmpty()) {
                throw new IllegalArgumentException(where + " has unexpected parameters " + actual.keySet());
            }
        }
    }

    /** A block's own parameters (not its children's) by local name. */
    public static Map<String, Parameter> parameters(Block layerBlock) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        ParameterList list = layerBlock.getDirectParameters();
        for (Pair<String, Parameter> p : list) {
            byName.put(p.getKey(), p.getValue());
        }
        return byName;
    }
}
