package org.ecglab.attribution;

import java.util.List;
import java.util.SplittableRandom;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.LayerSpec;
import org.ecglab.nn.TestModels;

/**
 * {@code y = W2 relu(W1 x + b1) + b2} over the flattened ECG ({@code x} of 7200 values, {@code H} hidden units, two
 * outputs), with seeded weights kept in double so tests can compute answers by hand; the model's float32 weights
 * are exactly these values.
 */
public final class TwoLayerNet implements AutoCloseable {
    public static final int D = TinyModels.D;
    public final int hidden;
    public final double[][] w1;
    public final double[] b1;
    public final double[][] w2;
    public final double[] b2;
    public final EcgClassifier model;

    /**
     * @param hidden number of hidden units
     * @param bias   whether the layers have (non-zero) biases
     * @param seed   weights uniform in [-1, 1] / sqrt(fan-in), biases in [-0.5, 0.5]
     */
    public TwoLayerNet(int hidden, boolean bias, long seed) {
        this.hidden = hidden;
        SplittableRandom r = new SplittableRandom(seed);
        w1 = random(r, hidden, D, 1 / Math.sqrt(D));
        b1 = bias ? random(r, 1, hidden, 0.5)[0] : new double[hidden];
        w2 = random(r, 2, hidden, 1 / Math.sqrt(hidden));
        b2 = bias ? random(r, 1, 2, 0.5)[0] : new double[2];
        Architecture arch = new Architecture("two-layer", List.of(new LayerSpec.Flatten(),
                new LayerSpec.Linear(D, hidden, bias), new LayerSpec.Relu(), new LayerSpec.Linear(hidden, 2, bias)));
        model = EcgClassifier.of("two-layer-" + seed, arch, List.of("a", "b"));
        TestModels.param(model, 1, "weight").getArray().set(flat(w1));
        TestModels.param(model, 3, "weight").getArray().set(flat(w2));
        if (bias) {
            TestModels.param(model, 1, "bias").getArray().set(toFloats(b1));
            TestModels.param(model, 3, "bias").getArray().set(toFloats(b2));
        }
    }

    /** Values rounded to float32, so that the double computations use the model's exact weights. */
    private static double[][] random(SplittableRandom r, int rows, int cols, double scale) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) ((2 * r.nextDouble() - 1) * scale);
            }
        }
        return m;
    }

    private static float[] flat(double[][] m) {
        float[] out = new float[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                out[i * m[0].length + j] = (float) m[i][j];
            }
        }
        return out;
    }

    private static float[] toFloats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    /** Pre-activations {@code W1 x + b1} of a flattened input. */
    public double[] hidden(double[] x) {
        return affine(w1, b1, x);
    }

    /** {@code W x + b}. */
    public static double[] affine(double[][] w, double[] b, double[] x) {
        double[] z = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            double s = b[i];
            for (int j = 0; j < x.length; j++) {
                s += w[i][j] * x[j];
            }
            z[i] = s;
        }
        return z;
    }

    /** {@code max(v, 0)} elementwise. */
    public static double[] relu(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.max(v[i], 0);
        }
        return out;
    }

    /** {@code Wᵀ v}. */
    public static double[] transposed(double[][] w, double[] v) {
        double[] out = new double[w[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += w[i][j] * v[i];
            }
        }
        return out;
    }

    /** The flattened ECG (lead-major), in double. */
    public static double[] flatten(float[][] ecg) {
        float[] f = TinyModels.flatten(ecg);
        double[] out = new double[f.length];
        for (int j = 0; j < f.length; j++) {
            out[j] = f[j];
        }
        return out;
    }

    /** Largest {@code |map − expected|} over the largest {@code |expected|}. */
    public static double relativeError(float[][] map, double[] expected) {
        float[] m = TinyModels.flatten(map);
        double diff = 0;
        double scale = 0;
        for (int j = 0; j < m.length; j++) {
            diff = Math.max(diff, Math.abs(m[j] - expected[j]));
            scale = Math.max(scale, Math.abs(expected[j]));
        }
        if (scale == 0) {
            throw new AssertionError("the expected map is all zeros: the case tests nothing");
        }
        return diff / scale;
    }

    @Override
    public void close() {
        model.close();
    }
}
