package org.ecglab.attribution;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.util.Pair;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.LayerSpec;
import org.ecglab.nn.LayerwiseModel;
import org.ecglab.nn.TestModels;

/** Tiny DJL models with known answers, and seeded test ECGs. */
public final class TinyModels {
    public static final int D = EcgFormat.LEADS * EcgFormat.SAMPLES;

    private TinyModels() {
    }

    /**
     * {@code f(x) = W flatten(x) + b} with two outputs and explicitly set weights: {@code w[k]} is the weight row of
     * output {@code k} (length 7200, lead-major) so saliency and IG have closed forms.
     */
    public static EcgClassifier linear(float[][] w, float[] bias) {
        SequentialBlock block = new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(w.length).build());
        EcgClassifier model = EcgClassifier.of("linear", block, List.of("a", "b"));
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getKey().endsWith("weight")) {
                float[] flat = new float[w.length * D];
                for (int k = 0; k < w.length; k++) {
                    System.arraycopy(w[k], 0, flat, k * D, D);
                }
                p.getValue().getArray().set(flat);
            } else {
                p.getValue().getArray().set(bias);
            }
        }
        return model;
    }

    /** A seeded weight matrix {@code [2][7200]} with entries uniform in [-1, 1]. */
    public static float[][] randomWeights(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] w = new float[2][D];
        for (float[] row : w) {
            for (int j = 0; j < D; j++) {
                row[j] = (float) (2 * r.nextDouble() - 1);
            }
        }
        return w;
    }

    /**
     * conv(12→4, k=7) → activation → avg-pool(4) → conv(4→4, k=5, stride 2) → activation → flatten → linear(2),
     * seeded. {@code smooth} selects softplus instead of ReLU: finite differences straddle ReLU kinks for points
     * whose pre-activation is within eps of zero, which makes a pointwise gradient check flaky. The ReLU network is
     * built from its {@link Architecture}, so methods that walk the layers can explain it; softplus has no layer spec.
     */
    public static EcgClassifier cnn(long seed, boolean smooth) {
        Engine.getInstance().setRandomSeed((int) seed);
        if (!smooth) {
            return EcgClassifier.of("cnn-relu-" + seed, new Architecture("tiny-relu-cnn", List.of(
                    new LayerSpec.Conv1d(12, 4, 7, 1, 3, 1, true), new LayerSpec.Relu(), new LayerSpec.AvgPool1d(4, 4, 0),
                    new LayerSpec.Conv1d(4, 4, 5, 2, 0, 1, true), new LayerSpec.Relu(), new LayerSpec.Flatten(),
                    new LayerSpec.Linear(292, 2, true))), List.of("neg", "pos"));
        }
        Block act = smooth ? Activation.softPlusBlock() : Activation.reluBlock();
        Block act2 = smooth ? Activation.softPlusBlock() : Activation.reluBlock();
        SequentialBlock block = new SequentialBlock()
                .add(Conv1d.builder().setKernelShape(new Shape(7)).setFilters(4).optPadding(new Shape(3)).build())
                .add(act)
                .add(Pool.avgPool1dBlock(new Shape(4)))
                .add(Conv1d.builder().setKernelShape(new Shape(5)).setFilters(4).optStride(new Shape(2)).build())
                .add(act2)
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(2).build());
        return EcgClassifier.of((smooth ? "cnn-softplus-" : "cnn-relu-") + seed, block, List.of("neg", "pos"));
    }

    /**
     * The ReLU variant of {@link #cnn} built from an {@link Architecture} (so methods that walk the layers, such as
     * Grad-CAM, run on it): conv(12→4, k=7, pad 3) → ReLU → avg-pool(4) → conv(4→4, k=5, stride 2) → ReLU → flatten →
     * linear(2), seeded, with non-trivial biases.
     */
    public static EcgClassifier layeredCnn(long seed) {
        Architecture arch = new Architecture("tiny-layered", List.of(
                new LayerSpec.Conv1d(12, 4, 7, 1, 3, 1, true),
                new LayerSpec.Relu(),
                new LayerSpec.AvgPool1d(4, 4, 0),
                new LayerSpec.Conv1d(4, 4, 5, 2, 0, 1, true),
                new LayerSpec.Relu(),
                new LayerSpec.Flatten(),
                new LayerSpec.Linear(4 * 73, 2, true)));
        return TestModels.nonTrivial(arch, seed, List.of("neg", "pos"));
    }

    /** flatten → linear(7200→8) → ReLU → linear(8→2), seeded: a piecewise-linear net whose gradient is known. */
    public static EcgClassifier twoLayerRelu(long seed) {
        Architecture arch = new Architecture("two-layer-relu", List.of(new LayerSpec.Flatten(),
                new LayerSpec.Linear(D, 8, true), new LayerSpec.Relu(), new LayerSpec.Linear(8, 2, true)));
        return TestModels.nonTrivial(arch, seed, List.of("neg", "pos"));
    }

    /**
     * The gradient of logit {@code target} of a {@link #twoLayerRelu} net at {@code x}, by hand:
     * {@code Σ_h v[target][h] · 1[W_h · x + b_h > 0] · W_h}, in double.
     */
    public static double[] twoLayerReluGradient(EcgClassifier net, float[] x, int target) {
        LayerwiseModel layers = LayerwiseModel.of(net, "test");
        Map<String, ai.djl.ndarray.NDArray> first = layers.parameters(1);
        float[] w = first.get("weight").toFloatArray();
        float[] b = first.get("bias").toFloatArray();
        float[] v = layers.parameters(3).get("weight").toFloatArray();
        int hidden = b.length;
        double[] g = new double[D];
        for (int h = 0; h < hidden; h++) {
            double z = b[h];
            for (int j = 0; j < D; j++) {
                z += (double) w[h * D + j] * x[j];
            }
            if (z > 0) {
                for (int j = 0; j < D; j++) {
                    g[j] += (double) v[target * hidden + h] * w[h * D + j];
                }
            }
        }
        return g;
    }

    /**
     * The baselines a shared test passes to method {@code id}: a distribution of three seeded ECGs for DeepLIFT SHAP,
     * which needs at least two; zeros (the default) for the others.
     */
    public static Baselines baselinesFor(String id) {
        return id.equals("deeplift_shap") ? Baselines.distribution(ecgs(3, 555)) : Baselines.zero();
    }

    /** {@code n} seeded ECG-like inputs: a few sinusoids per lead plus noise, amplitudes around 1 mV. */
    public static float[][][] ecgs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][][] x = new float[n][EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (float[][] ecg : x) {
            for (float[] lead : ecg) {
                double f1 = 1 + 3 * r.nextDouble();
                double f2 = 5 + 10 * r.nextDouble();
                double phase = 2 * Math.PI * r.nextDouble();
                for (int t = 0; t < lead.length; t++) {
                    double s = t / (double) EcgFormat.SAMPLES;
                    lead[t] = (float) (Math.sin(2 * Math.PI * f1 * s + phase) + 0.3 * Math.sin(2 * Math.PI * f2 * s)
                            + 0.05 * (2 * r.nextDouble() - 1));
                }
            }
        }
        return x;
    }

    public static float[] flatten(float[][] map) {
        float[] out = new float[D];
        for (int l = 0; l < map.length; l++) {
            System.arraycopy(map[l], 0, out, l * EcgFormat.SAMPLES, EcgFormat.SAMPLES);
        }
        return out;
    }

    public static double sum(float[][] map) {
        double s = 0;
        for (float[] lead : map) {
            for (float v : lead) {
                s += v;
            }
        }
        return s;
    }

    public static double maxAbs(float[][] map) {
        double max = 0;
        for (float[] lead : map) {
            for (float v : lead) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    public static double maxAbsDiff(float[][][] a, float[][][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int l = 0; l < a[i].length; l++) {
                for (int t = 0; t < a[i][l].length; t++) {
                    max = Math.max(max, Math.abs(a[i][l][t] - b[i][l][t]));
                }
            }
        }
        return max;
    }
}
