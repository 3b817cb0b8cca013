package org.ecglab.attribution.cam;

import java.util.Arrays;
import java.util.List;

/**
 * Resizing a layer's map along time to the input's length, as PyTorch's {@code F.interpolate} on a
 * {@code (N, 1, L)} tensor (which Captum's {@code LayerAttribution.interpolate} calls), with PyTorch's float32
 * index arithmetic so that every output sample reads the same source samples:
 * <ul>
 *   <li>{@link #NEAREST} ({@code mode="nearest"}, Captum's default): output {@code t} copies input
 *       {@code min(⌊t · s⌋, L − 1)} with {@code s = L / L_out} in float32;</li>
 *   <li>{@link #LINEAR} ({@code mode="linear"}, {@code align_corners=False}): output {@code t} sits at
 *       {@code u = max(0, s (t + ½) − ½)} on the input's axis and mixes inputs {@code ⌊u⌋} and {@code ⌊u⌋ + 1}
 *       (clamped to the last sample) with weights {@code 1 − (u − ⌊u⌋)} and {@code u − ⌊u⌋}.</li>
 * </ul>
 * Equal lengths copy the map in both modes.
 */
public enum Upsampling {
    /** Nearest neighbour. */
    NEAREST("nearest"),
    /** Linear interpolation between the two nearest samples, half-pixel centres ({@code align_corners=False}). */
    LINEAR("linear");

    private final String id;

    Upsampling(String id) {
        this.id = id;
    }

    /** PyTorch's name of the mode. */
    public String id() {
        return id;
    }

    /** The ids, for a parameter's choices. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Upsampling::id).toList();
    }

    /**
     * @throws IllegalArgumentException naming an unknown id and the known ones
     */
    public static Upsampling byId(String id) {
        for (Upsampling u : values()) {
            if (u.id.equals(id)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown interpolation mode '" + id + "'; allowed: " + ids());
    }

    /**
     * {@code source[from, from + length)} resized to {@code outLength} samples.
     *
     * @throws IllegalArgumentException if a length is not positive
     */
    public float[] resize(float[] source, int from, int length, int outLength) {
        if (length < 1 || outLength < 1) {
            throw new IllegalArgumentException("cannot resize " + length + " samples to " + outLength);
        }
        float[] out = new float[outLength];
        if (length == outLength) {
            System.arraycopy(source, from, out, 0, length);
            return out;
        }
        float scale = (float) length / outLength;
        for (int t = 0; t < outLength; t++) {
            if (this == NEAREST) {
                out[t] = source[from + Math.min((int) Math.floor(t * scale), length - 1)];
            } else {
                float u = Math.max(0f, scale * (t + 0.5f) - 0.5f);
                int i0 = (int) u;
                int i1 = i0 < length - 1 ? i0 + 1 : i0;
                float lambda1 = u - i0;
                float lambda0 = 1f - lambda1;
                out[t] = lambda0 * source[from + i0] + lambda1 * source[from + i1];
            }
        }
        return out;
    }
}
