package org.ecglab.attribution.perturbation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import java.util.SplittableRandom;
import org.ecglab.attribution.FeatureMask;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;

/**
 * A model whose Shapley values are known by enumeration: the ECG's means over {@value #FEATURES} time segments of
 * {@value #WIDTH} samples (across all leads), {@code g_j}, enter
 * <pre>
 *   f(x) = Σ_j a_j g_j + Σ_{j&lt;k} B_jk g_j g_k
 * </pre>
 * With the mask {@code segments:60}, replacing a feature by the baseline replaces {@code g_j} by the baseline's mean,
 * so the cooperative game is {@code v(S) = f(z_S)} with {@code z_j = g_j(x)} for {@code j ∈ S} and {@code g_j(x')}
 * otherwise. {@code B = 0} is an additive model.
 */
final class SegmentGame extends AbstractBlock {
    static final int FEATURES = 10;
    static final int WIDTH = EcgFormat.SAMPLES / FEATURES;

    private final float[] a;
    private final float[] b;
    /** Inputs evaluated so far (rows of every forward pass). */
    final java.util.concurrent.atomic.AtomicLong evaluated = new java.util.concurrent.atomic.AtomicLong();

    private SegmentGame(float[] a, float[] b) {
        this.a = a;
        this.b = b;
    }

    /** The mask that matches the game's features. */
    static FeatureMask mask() {
        return FeatureMask.timeSegments(WIDTH, false);
    }

    /** Seeded coefficients; {@code interactions = false} gives an additive model. */
    static SegmentGame seeded(long seed, boolean interactions) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[FEATURES];
        float[] b = new float[FEATURES * FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            a[j] = (float) (2 * r.nextDouble() - 1);
        }
        if (interactions) {
            for (int j = 0; j < FEATURES; j++) {
                for (int k = j + 1; k < FEATURES; k++) {
                    b[j * FEATURES + k] = (float) (2 * r.nextDouble() - 1);
                }
            }
        }
        return new SegmentGame(a, b);
    }

    EcgClassifier classifier(String id) {
        return EcgClassifier.of(id, this, List.of("f"));
    }

    /** {@code g_j}: the mean of the ECG over segment {@code j} (all leads), in double. */
    static double[] features(float[][] ecg) {
        double[] g = new double[FEATURES];
        for (float[] lead : ecg) {
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                g[t / WIDTH] += lead[t];
            }
        }
        for (int j = 0; j < FEATURES; j++) {
            g[j] /= EcgFormat.LEADS * WIDTH;
        }
        return g;
    }

    /** {@code f} of feature values, in double. */
    double value(double[] g) {
        double v = 0;
        for (int j = 0; j < FEATURES; j++) {
            v += a[j] * g[j];
            for (int k = j + 1; k < FEATURES; k++) {
                v += b[j * FEATURES + k] * g[j] * g[k];
            }
        }
        return v;
    }

    /** Exact Shapley values of the game between {@code x} and {@code baseline}, by enumerating all coalitions. */
    double[] shapley(float[][] x, float[][] baseline) {
        double[] gx = features(x);
        double[] gb = features(baseline);
        int n = FEATURES;
        double[] v = new double[1 << n];
        for (int s = 0; s < v.length; s++) {
            double[] z = new double[n];
            for (int j = 0; j < n; j++) {
                z[j] = (s >> j & 1) == 1 ? gx[j] : gb[j];
            }
            v[s] = value(z);
        }
        double[] factorial = new double[n + 1];
        factorial[0] = 1;
        for (int k = 1; k <= n; k++) {
            factorial[k] = factorial[k - 1] * k;
        }
        double[] phi = new double[n];
        for (int j = 0; j < n; j++) {
            for (int s = 0; s < v.length; s++) {
                if ((s >> j & 1) == 0) {
                    int size = Integer.bitCount(s);
                    double weight = factorial[size] * factorial[n - size - 1] / factorial[n];
                    phi[j] += weight * (v[s | 1 << j] - v[s]);
                }
            }
        }
        return phi;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDManager m = x.getManager();
        long n = x.getShape().get(0);
        evaluated.addAndGet(n);
        NDArray g = x.reshape(n, EcgFormat.LEADS, FEATURES, WIDTH).mean(new int[] {3}).mean(new int[] {1});
        NDArray linear = g.matMul(m.create(a, new Shape(FEATURES, 1)));
        NDArray quadratic = g.matMul(m.create(b, new Shape(FEATURES, FEATURES))).mul(g).sum(new int[] {1}, true);
        return new NDList(linear.add(quadratic));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
    }
}
