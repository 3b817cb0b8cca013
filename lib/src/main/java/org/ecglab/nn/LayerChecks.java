package org.ecglab.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Argument checks and shape arithmetic shared by the specs. */
final class LayerChecks {
    private LayerChecks() {
    }

    static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    static void nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }

    /** PyTorch's pooling constraints: positive kernel and stride, padding at most half the kernel. */
    static void pool(String type, int kernelSize, int stride, int padding) {
        positive(type + " kernel_size", kernelSize);
        positive(type + " stride", stride);
        nonNegative(type + " padding", padding);
        if (2 * padding > kernelSize) {
            throw new IllegalArgumentException(type + " padding " + padding + " exceeds half the kernel size "
                    + kernelSize + " (PyTorch rejects this)");
        }
    }

    /** A pooling layer's arguments under PyTorch's names. */
    static Map<String, Object> poolParameters(int kernelSize, int stride, int padding) {
        return ordered("kernel_size", kernelSize, "stride", stride, "padding", padding);
    }

    /** A 1-D pooling layer's output shape: the channels kept, the length slid over. */
    static long[] poolShape(LayerSpec layer, long[] input, int kernelSize, int stride, int padding) {
        rank(layer, input, 2);
        return new long[] {input[0], slidingLength(layer, input[1], kernelSize, stride, padding, 1)};
    }

    static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    static void rank(LayerSpec layer, long[] input, int rank) {
        if (input.length != rank) {
            throw new IllegalArgumentException(layer + " expects a rank-" + rank + " input (without batch), got "
                    + shape(input));
        }
    }

    static void channels(LayerSpec layer, long[] input, int channels) {
        rank(layer, input, 2);
        if (input[0] != channels) {
            throw new IllegalArgumentException(layer + " expects " + channels + " input channels, got "
                    + shape(input));
        }
    }

    /** PyTorch's output length {@code floor((L + 2p - d(k-1) - 1) / s) + 1} of a sliding window. */
    static long slidingLength(LayerSpec layer, long length, int kernel, int stride, int padding, int dilation) {
        long span = length + 2L * padding - (long) dilation * (kernel - 1) - 1;
        if (span < 0) {
            throw new IllegalArgumentException(layer + " does not fit an input of length " + length);
        }
        return span / stride + 1;
    }

    static String shape(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }
}
