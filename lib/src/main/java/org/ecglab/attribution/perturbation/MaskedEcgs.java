package org.ecglab.attribution.perturbation;

import org.ecglab.attribution.FeatureMask;
import org.ecglab.attribution.FeatureMaskSpec;
import org.ecglab.attribution.FiducialSource;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.npy.NpyArray;

/**
 * The inputs of a masked perturbation method, flattened lead-major ({@code lead·600 + t}): each ECG's signal, its
 * baseline and its feature mask, and the masks as the {@code feature_mask} sample a result records.
 */
final class MaskedEcgs {
    static final int SIZE = EcgFormat.LEADS * EcgFormat.SAMPLES;
    /** Name of the recorded masks, int32 {@code [N, 12, 600]} (Captum's parameter name). */
    static final String MASK_SAMPLE = FeatureMaskSpec.PARAMETER;

    final float[][] x;
    final float[][] baseline;
    final FeatureMask[] masks;
    final int[][] ids;

    private MaskedEcgs(float[][] x, float[][] baseline, FeatureMask[] masks) {
        this.x = x;
        this.baseline = baseline;
        this.masks = masks;
        this.ids = new int[masks.length][];
        for (int i = 0; i < masks.length; i++) {
            ids[i] = masks[i].flatIds();
        }
    }

    /**
     * @param inputs    {@code [N][12][600]}, checked
     * @param baselines one per input
     * @throws IllegalArgumentException naming the ECG whose mask cannot be built (e.g. fiducials unknown)
     */
    static MaskedEcgs of(float[][][] inputs, float[][][] baselines, FeatureMaskSpec spec, FiducialSource fiducials) {
        int n = inputs.length;
        float[][] x = new float[n][];
        float[][] b = new float[n][];
        FeatureMask[] masks = new FeatureMask[n];
        for (int i = 0; i < n; i++) {
            x[i] = flatten(inputs[i]);
            b[i] = flatten(baselines[i]);
            try {
                masks[i] = spec.maskFor(inputs[i], fiducials);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("feature_mask=" + spec + " for input " + i + ": " + e.getMessage(), e);
            }
        }
        return new MaskedEcgs(x, b, masks);
    }

    int size() {
        return x.length;
    }

    /** The largest feature count over the ECGs. */
    int maxFeatures() {
        int max = 0;
        for (FeatureMask m : masks) {
            max = Math.max(max, m.featureCount());
        }
        return max;
    }

    /** The masks as int32 {@code [N, 12, 600]}. */
    NpyArray maskSample() {
        int[] all = new int[x.length * SIZE];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(ids[i], 0, all, i * SIZE, SIZE);
        }
        return NpyArray.ofInts(all, x.length, EcgFormat.LEADS, EcgFormat.SAMPLES);
    }

    static float[] flatten(float[][] ecg) {
        float[] out = new float[SIZE];
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            System.arraycopy(ecg[l], 0, out, l * EcgFormat.SAMPLES, EcgFormat.SAMPLES);
        }
        return out;
    }

    /**
     * Writes the input that keeps the points of the features {@code keep} marks and takes the baseline's elsewhere:
     * {@code dest[offset + i] = keep[ids[i]] ? x[i] : baseline[i]}.
     */
    static void fillKeeping(float[] x, float[] baseline, int[] ids, boolean[] keep, float[] dest, int offset) {
        for (int i = 0; i < SIZE; i++) {
            dest[offset + i] = keep[ids[i]] ? x[i] : baseline[i];
        }
    }
}
