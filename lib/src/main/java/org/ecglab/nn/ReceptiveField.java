package org.ecglab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecglab.data.EcgFormat;

/**
 * How much of the input one unit of a layer's output sees: its receptive field in input samples, and the jump
 * (the input distance between neighbouring units). Walking the layers from the input, a layer with kernel {@code k},
 * dilation {@code d} and stride {@code s} widens the field by {@code (k - 1) d j} and multiplies the jump by
 * {@code s} (Araujo, Norris &amp; Sim 2019, "Computing receptive fields of convolutional neural networks", Distill):
 * {@code r <- r + (k - 1) d j}, {@code j <- j s}, starting from {@code r = j = 1}. Convolutions, max pooling and
 * average pooling all count; element-wise layers (batch norm, ReLU, dropout) change neither. After global average
 * pooling ({@code AdaptiveAvgPool1d(1)}) or a linear layer over all positions, and in every layer behind them, a
 * unit sees the whole input: {@link #global()}.
 * Padding does not change the field's size, only where it may reach past the input's ends.
 *
 * @param samples input samples one unit sees (the whole input, 600, once global)
 * @param jump    input samples between neighbouring units
 * @param global  whether the unit sees the whole input because of global pooling
 */
public record ReceptiveField(long samples, long jump, boolean global) {
    /** The receptive field of an input sample itself. */
    public static final ReceptiveField INPUT = new ReceptiveField(1, 1, false);

    /**
     * The field of a unit of each layer's output, index-aligned with {@link Architecture#layers()}.
     */
    public static List<ReceptiveField> of(Architecture architecture) {
        List<ReceptiveField> out = new ArrayList<>();
        ReceptiveField field = INPUT;
        for (LayerSpec layer : architecture.layers()) {
            field = field.after(layer);
            out.add(field);
        }
        return out;
    }

    /**
     * The field of a unit of the last convolution's output, where the network still knows positions (global average
     * pooling later averages them away): the longest stretch of the beat one learnt feature can relate.
     *
     * @throws IllegalArgumentException if the architecture has no convolution
     */
    public static ReceptiveField ofLastConvolution(Architecture architecture) {
        List<LayerSpec> layers = architecture.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof LayerSpec.Conv1d) {
                return of(architecture).get(i);
            }
        }
        throw new IllegalArgumentException("architecture " + architecture.name() + " has no convolution");
    }

    /** The field after one more layer. */
    public ReceptiveField after(LayerSpec layer) {
        if (global) {
            return this;
        }
        if (layer instanceof LayerSpec.Conv1d c) {
            return new ReceptiveField(samples + (long) (c.kernelSize() - 1) * c.dilation() * jump, jump * c.stride(),
                    false);
        }
        if (layer instanceof LayerSpec.MaxPool1d p) {
            return new ReceptiveField(samples + (long) (p.kernelSize() - 1) * jump, jump * p.stride(), false);
        }
        if (layer instanceof LayerSpec.AvgPool1d p) {
            return new ReceptiveField(samples + (long) (p.kernelSize() - 1) * jump, jump * p.stride(), false);
        }
        if (layer instanceof LayerSpec.AdaptiveAvgPool1d || layer instanceof LayerSpec.Linear) {
            return new ReceptiveField(Architecture.INPUT_SHAPE[1], jump, true);
        }
        return this;
    }

    /** The field in milliseconds at the lab's 500 Hz. */
    public double milliseconds() {
        return samples * EcgFormat.MS_PER_SAMPLE;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d samples = %.0f ms (jump %d samples%s)", samples, milliseconds(), jump,
                global ? ", global: the whole input" : "");
    }
}
