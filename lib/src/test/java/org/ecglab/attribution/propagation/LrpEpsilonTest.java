package org.ecglab.attribution.propagation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.TinyModels;
import org.ecglab.attribution.gradient.Saliency;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.LayerSpec;
import org.ecglab.nn.TestModels;
import org.junit.jupiter.api.Test;

/**
 * LRP-ε with a small ε on a ReLU network without biases (convolutions, max and average pooling, global average
 * pooling, a linear read-out) is gradient × input, and complete: {@code Σ R = f(x)} (Ancona et al. 2018).
 */
class LrpEpsilonTest {
    static Architecture biasFree() {
        return new Architecture("bias-free", List.of(
                new LayerSpec.Conv1d(12, 8, 5, 1, 2, 1, false), new LayerSpec.Relu(), LayerSpec.MaxPool1d.of(2),
                new LayerSpec.Conv1d(8, 8, 3, 1, 1, 1, false), new LayerSpec.Relu(), new LayerSpec.AvgPool1d(3, 2, 1),
                new LayerSpec.Conv1d(8, 8, 3, 2, 0, 1, false), new LayerSpec.Relu(),
                new LayerSpec.AdaptiveAvgPool1d(), new LayerSpec.Flatten(), new LayerSpec.Linear(8, 2, false)));
    }

    @Test
    void withoutBiasesItIsGradientTimesInputAndComplete() {
        float[][][] x = TinyModels.ecgs(4, 41);
        int[] targets = {0, 1, 1, 0};
        try (EcgClassifier model = TestModels.nonTrivial(biasFree(), 41, List.of("a", "b"))) {
            Attribution lrp = new LrpEpsilon().attribute(model, x, targets);
            float[][][] gradient = new Saliency(false, 4).attribute(model, x, targets).values();
            float[][] logits = model.predictLogits(x);
            for (int i = 0; i < x.length; i++) {
                double[] expected = new double[TinyModels.D];
                for (int l = 0; l < EcgFormat.LEADS; l++) {
                    for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                        expected[l * EcgFormat.SAMPLES + t] = (double) gradient[i][l][t] * x[i][l][t];
                    }
                }
                double err = org.ecglab.attribution.TwoLayerNet.relativeError(lrp.map(i), expected);
                assertTrue(err < 1e-4, "ECG " + i + ": relative error to gradient x input " + err);
                double f = logits[i][targets[i]];
                assertTrue(Math.abs(f) > 1e-2, "the logit must be non-trivial, was " + f);
                assertTrue(Math.abs(TinyModels.sum(lrp.map(i)) - f) < 1e-4 * Math.abs(f), "ECG " + i + ": sum "
                        + TinyModels.sum(lrp.map(i)) + " vs f(x) " + f);
                assertTrue(Math.abs(lrp.convergenceDelta()[i]) < 1e-4 * Math.abs(f), "delta " + lrp.convergenceDelta()[i]);
            }
        }
    }
}
