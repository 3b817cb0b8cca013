package org.ecglab.interop;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.data.npy.NpyDType;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.LayerSpec;
import org.ecglab.nn.ParameterLayout;

/**
 * Converts a classifier's arrays to and from the arrays of {@code torch.nn.Sequential(*layers).state_dict()}:
 * key {@code "<layer index>.<torch name>"} (see {@link ParameterLayout}), float32 in PyTorch's shapes, in
 * {@code state_dict} order. Batch-norm layers also get {@code "<i>.num_batches_tracked"}, a 0-d int64 that DJL does
 * not keep; it is written as {@value #NUM_BATCHES_TRACKED} (PyTorch uses it only to average running statistics
 * when {@code momentum=None}, which our layers do not use) and its value is ignored on reading.
 */
final class StateDict {
    /** Value written for {@code num_batches_tracked}: unknown, DJL does not count batches. */
    static final long NUM_BATCHES_TRACKED = 0;

    private StateDict() {
    }

    /** A state-dict key with its array shape ({@code []} for the 0-d batch counter). */
    record Key(String name, int layer, int[] shape, boolean counter) {
    }

    /** The keys {@code architecture}'s PyTorch twin has, in {@code state_dict} order. */
    static List<Key> keys(Architecture architecture) {
        List<Key> keys = new java.util.ArrayList<>();
        List<LayerSpec> layers = architecture.layers();
        for (int i = 0; i < layers.size(); i++) {
            for (ParameterLayout.Entry e : ParameterLayout.of(layers.get(i))) {
                keys.add(new Key(i + "." + e.torchName(), i, toInts(e.shape()), false));
            }
            if (layers.get(i) instanceof LayerSpec.BatchNorm1d) {
                keys.add(new Key(i + ".num_batches_tracked", i, new int[0], true));
            }
        }
        return keys;
    }

    /**
     * The classifier's arrays keyed like the PyTorch state dict.
     *
     * @throws IllegalArgumentException if the classifier's parameters do not match the architecture
     */
    static Map<String, NpyArray> export(Architecture architecture, EcgClassifier model) {
        ParameterLayout.check(architecture, model.block());
        Map<String, NpyArray> out = new LinkedHashMap<>();
        for (int i = 0; i < architecture.layers().size(); i++) {
            Map<String, Parameter> params = ParameterLayout.parameters(model.block().getChildren().get(i).getValue());
            for (ParameterLayout.Entry e : ParameterLayout.of(architecture.layers().get(i))) {
                float[] values = params.get(e.djlName()).getArray().toFloatArray();
                out.put(i + "." + e.torchName(), NpyArray.ofFloats(values, toInts(e.shape())));
            }
            if (architecture.layers().get(i) instanceof LayerSpec.BatchNorm1d) {
                out.put(i + ".num_batches_tracked", scalar(NUM_BATCHES_TRACKED));
            }
        }
        return out;
    }

    /**
     * Builds the classifier from state-dict arrays.
     *
     * @param source names the weights file in error messages
     * @throws IllegalArgumentException naming the missing, unexpected or ill-shaped key
     */
    static EcgClassifier load(Architecture architecture, Map<String, NpyArray> arrays, String id,
            List<String> outputNames, String source) {
        List<Key> keys = keys(architecture);
        Set<String> expected = new LinkedHashSet<>();
        for (Key k : keys) {
            expected.add(k.name());
            NpyArray a = arrays.get(k.name());
            String where = source + ": key '" + k.name() + "' (layer " + k.layer() + " "
                    + architecture.layers().get(k.layer()).type() + ")";
            if (a == null) {
                throw new IllegalArgumentException(where + " is missing");
            }
            if (!Arrays.equals(a.shape(), k.shape())) {
                throw new IllegalArgumentException(where + " has shape " + Arrays.toString(a.shape())
                        + ", expected " + Arrays.toString(k.shape()));
            }
            NpyDType want = k.counter() ? NpyDType.INT64 : NpyDType.FLOAT32;
            if (a.dtype() != want) {
                throw new IllegalArgumentException(where + " has dtype " + a.dtype().descr() + ", expected "
                        + want.descr());
            }
        }
        for (String name : arrays.keySet()) {
            if (!expected.contains(name)) {
                throw new IllegalArgumentException(source + ": unexpected key '" + name + "'; architecture "
                        + architecture.name() + " has keys " + expected);
            }
        }
        Model djl = Model.newInstance(id, Device.cpu());
        try {
            Block block = architecture.toBlock();
            djl.setBlock(block);
            // Every array is overwritten below; zeros keep the engine's random stream untouched.
            block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            block.initialize(djl.getNDManager(), DataType.FLOAT32, new Shape(1, EcgFormat.LEADS, EcgFormat.SAMPLES));
            for (int i = 0; i < architecture.layers().size(); i++) {
                Map<String, Parameter> params = ParameterLayout.parameters(block.getChildren().get(i).getValue());
                for (ParameterLayout.Entry e : ParameterLayout.of(architecture.layers().get(i))) {
                    params.get(e.djlName()).getArray().set(arrays.get(i + "." + e.torchName()).toFloats());
                }
            }
            EcgClassifier classifier = EcgClassifier.of(djl, architecture, outputNames);
            classifier.stopParameterGradients();
            return classifier;
        } catch (RuntimeException e) {
            djl.close();
            throw e;
        }
    }

    /** A 0-d int64, as {@code torch.tensor(v)}: load_state_dict compares shapes, so {@code (1,)} would fail. */
    private static NpyArray scalar(long v) {
        return new NpyArray(NpyDType.INT64, new int[0], NpyArray.ofLongs(new long[] {v}).rawBytes());
    }

    private static int[] toInts(long[] shape) {
        int[] s = new int[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.toIntExact(shape[i]);
        }
        return s;
    }
}
