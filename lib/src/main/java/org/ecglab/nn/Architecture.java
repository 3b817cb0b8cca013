package org.ecglab.nn;

import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ecglab.data.EcgFormat;

/**
 * A sequential network as data: the same list builds a DJL {@link SequentialBlock} and describes
 * {@code torch.nn.Sequential(*layers)}. Input is always the lab's {@code (N, 12, 600)} median beat. The layer list
 * is checked at construction by propagating the input shape, so a spec that cannot run is rejected early.
 *
 * @param name   short id used in provenance and file names, e.g. {@code "default-cnn"}
 * @param layers the layers in order
 */
public record Architecture(String name, List<LayerSpec> layers) {
    /** Input shape of every architecture, without batch: {@code (12, 600)}. */
    public static final long[] INPUT_SHAPE = {EcgFormat.LEADS, EcgFormat.SAMPLES};

    /**
     * @throws IllegalArgumentException if the name is blank, the list is empty, or a layer does not fit the shape
     *                                  produced by the layers before it (naming the layer index)
     */
    public Architecture {
        Objects.requireNonNull(name, "name");
        if (!name.matches("\\S+")) {
            throw new IllegalArgumentException("architecture name must be a non-blank single token, got '" + name + "'");
        }
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("architecture " + name + " has no layers");
        }
        shapes(name, layers);
    }

    /**
     * The default task-model CNN, a smaller version of the study's plain 1-D CNN: five convolution blocks
     * (convolution with kernel 7, batch norm, ReLU; max pooling by 2 after the first four), global average pooling
     * and a linear read-out. Each unit of the last convolution sees 202 input samples (404 ms): enough to relate a
     * P wave to its QRS complex (PR interval) and a QRS complex to its T wave (QT interval), which a receptive field
     * of one QRS complex cannot, because global average pooling discards absolute position. Convolutions have no
     * bias because the batch norm after each subtracts the channel mean and would cancel it. 55,585 trainable
     * parameters for one output.
     *
     * @param outputs number of logits (1 for a binary task model, 9 for the multi-label option)
     */
    public static Architecture defaultCnn(int outputs) {
        if (outputs <= 0) {
            throw new IllegalArgumentException("outputs must be positive, got " + outputs);
        }
        List<LayerSpec> l = new ArrayList<>();
        convBlock(l, EcgFormat.LEADS, 16, 7, true);
        convBlock(l, 16, 32, 7, true);
        convBlock(l, 32, 32, 7, true);
        convBlock(l, 32, 64, 7, true);
        convBlock(l, 64, 64, 7, false);
        l.add(new LayerSpec.AdaptiveAvgPool1d());
        l.add(new LayerSpec.Flatten());
        l.add(new LayerSpec.Linear(64, outputs, true));
        return new Architecture("default-cnn", l);
    }

    private static void convBlock(List<LayerSpec> l, int in, int out, int kernel, boolean pool) {
        l.add(LayerSpec.Conv1d.same(in, out, kernel, false));
        l.add(new LayerSpec.BatchNorm1d(out));
        l.add(new LayerSpec.Relu());
        if (pool) {
            l.add(LayerSpec.MaxPool1d.of(2));
        }
    }

    /** A new, uninitialised DJL block; initialise it (seeded) through a trainer or {@link EcgClassifier#of}. */
    public SequentialBlock toBlock() {
        SequentialBlock block = new SequentialBlock();
        for (LayerSpec layer : layers) {
            block.add(layer.toBlock());
        }
        return block;
    }

    /** Output shape of each layer (without batch), index-aligned with {@link #layers()}. */
    public List<long[]> outputShapes() {
        return shapes(name, layers);
    }

    /** Number of logits: the size of the last layer's output. */
    public int outputs() {
        long[] last = outputShapes().get(layers.size() - 1);
        if (last.length != 1) {
            throw new IllegalStateException("architecture " + name + " ends in shape " + LayerChecks.shape(last)
                    + ", not a logit vector");
        }
        return Math.toIntExact(last[0]);
    }

    /** Trainable parameters (PyTorch's count; batch-norm running statistics are buffers, not counted). */
    public long trainableParameters() {
        return layers.stream().mapToLong(LayerSpec::trainableParameters).sum();
    }

    private static List<long[]> shapes(String name, List<LayerSpec> layers) {
        List<long[]> out = new ArrayList<>(layers.size());
        long[] shape = INPUT_SHAPE;
        for (int i = 0; i < layers.size(); i++) {
            try {
                shape = Objects.requireNonNull(layers.get(i), "layer").outputShape(shape);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("architecture " + name + ", layer " + i + ": " + e.getMessage(), e);
            }
            out.add(shape);
        }
        return out;
    }

    /** A layer table (index, layer, output shape, trainable parameters), for notebooks. */
    @Override
    public String toString() {
        List<long[]> shapes = outputShapes();
        int width = layers.stream().mapToInt(l -> l.toString().length()).max().orElse(10);
        String row = "%3s  %-" + width + "s  %-10s %,10d%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Architecture %s: input (N, %d, %d)%n", name, INPUT_SHAPE[0],
                INPUT_SHAPE[1]));
        sb.append(String.format(Locale.ROOT, "%3s  %-" + width + "s  %-10s %10s%n", "#", "layer", "output", "params"));
        for (int i = 0; i < layers.size(); i++) {
            sb.append(String.format(Locale.ROOT, row, i, layers.get(i), outputText(shapes.get(i)),
                    layers.get(i).trainableParameters()));
        }
        sb.append(String.format(Locale.ROOT, "%3s  %-" + width + "s  %-10s %,10d", "", "total", "",
                trainableParameters()));
        return sb.toString();
    }

    private static String outputText(long[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "×").append(shape[i]);
        }
        return sb.toString();
    }
}
