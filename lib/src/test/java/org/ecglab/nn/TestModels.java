package org.ecglab.nn;

import ai.djl.engine.Engine;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded networks whose every array is non-trivial, as after training, and seeded inputs. */
public final class TestModels {
    private TestModels() {
    }

    /**
     * The network with seeded He-normal weights; biases, batch-norm gamma/beta and running statistics are then
     * overwritten with seeded values (gamma and running variance in [0.5, 1.5], the others in [-0.5, 0.5]) so that
     * no array equals its initial constant.
     */
    public static EcgClassifier nonTrivial(Architecture architecture, long seed, List<String> outputNames) {
        Engine.getInstance().setRandomSeed(Long.hashCode(seed));
        EcgClassifier model = EcgClassifier.of("test-cnn-" + seed, architecture, outputNames);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < architecture.layers().size(); i++) {
            for (ParameterLayout.Entry e : ParameterLayout.of(architecture.layers().get(i))) {
                if (e.djlName().equals("weight")) {
                    continue;
                }
                boolean positive = e.djlName().equals("gamma") || e.djlName().equals("runningVar");
                float[] v = new float[e.size()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = (float) ((positive ? 1 : 0) + rnd.nextDouble() - 0.5);
                }
                param(model, i, e.djlName()).getArray().set(v);
            }
        }
        return model;
    }

    public static Parameter param(EcgClassifier model, int layer, String djlName) {
        return ParameterLayout.parameters(model.block().getChildren().get(layer).getValue()).get(djlName);
    }

    /** Every array of layer {@code layer}, in {@link ParameterLayout} order. */
    public static List<float[]> arrays(EcgClassifier model, Architecture architecture, int layer) {
        List<float[]> out = new ArrayList<>();
        for (ParameterLayout.Entry e : ParameterLayout.of(architecture.layers().get(layer))) {
            out.add(param(model, layer, e.djlName()).getArray().toFloatArray());
        }
        return out;
    }

    /** Seeded ECG-shaped inputs {@code [n][12][600]}, standard normal. */
    public static float[][][] inputs(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][][] x = new float[n][12][600];
        for (float[][] ecg : x) {
            for (float[] lead : ecg) {
                for (int t = 0; t < lead.length; t++) {
                    lead[t] = (float) (Math.sqrt(-2 * Math.log(1 - rnd.nextDouble()))
                            * Math.cos(2 * Math.PI * rnd.nextDouble()));
                }
            }
        }
        return x;
    }
}
