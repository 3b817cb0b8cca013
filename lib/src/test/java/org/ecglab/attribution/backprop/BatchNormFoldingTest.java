package org.ecglab.attribution.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.LayerSpec;
import org.ecglab.nn.LayerwiseModel;
import org.ecglab.nn.Tensors;
import org.ecglab.nn.TestModels;
import org.junit.jupiter.api.Test;

/** Folding batch norms into the layer before them computes the same logits and leaves the model as it was. */
class BatchNormFoldingTest {
    private static float[][] logits(List<PropagationLayer> layers, NDManager m, float[][][] x) {
        NDArray a = Tensors.signals(m, x, 0, x.length);
        for (PropagationLayer layer : layers) {
            a = layer.forward(a);
        }
        float[] flat = a.toFloatArray();
        int k = flat.length / x.length;
        float[][] out = new float[x.length][k];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(flat, i * k, out[i], 0, k);
        }
        return out;
    }

    @Test
    void foldedLayersComputeTheModelsLogitsAndTheModelIsUntouched() {
        float[][][] x = TestModels.inputs(5, 3);
        Architecture linear = linearThenNorm();
        for (Architecture arch : List.of(Architecture.defaultCnn(3), linear)) {
            try (EcgClassifier model = TestModels.nonTrivial(arch, 3, List.of("a", "b", "c"))) {
                String before = model.parameterFingerprint();
                float[][] expected = model.predictLogits(x);
                try (NDManager m = model.manager().newSubManager()) {
                    List<PropagationLayer> layers = PropagationLayer.of(LayerwiseModel.of(model, "test"), m);
                    List<PropagationLayer> folded = BatchNormFolding.INSTANCE.apply(layers, m);
                    int foldable = 0;
                    for (int i = 1; i < arch.layers().size(); i++) {
                        LayerSpec previous = arch.layers().get(i - 1);
                        foldable += arch.layers().get(i) instanceof LayerSpec.BatchNorm1d
                                && (previous instanceof LayerSpec.Conv1d || previous instanceof LayerSpec.Linear) ? 1 : 0;
                    }
                    long norms = arch.layers().stream().filter(l -> l instanceof LayerSpec.BatchNorm1d).count();
                    assertEquals(arch == linear ? 1 : 5, foldable);
                    assertEquals(layers.size() - foldable, folded.size(), arch.name());
                    assertEquals(norms - foldable, folded.stream().filter(l -> l.spec() instanceof LayerSpec.BatchNorm1d)
                            .count(), arch.name() + ": a batch norm after a ReLU stays");
                    PropagationLayer merged = arch == linear ? folded.get(4) : folded.get(0);
                    assertTrue(merged.name().contains("folded in") && merged.arrays().containsKey("bias"), merged.name());
                    float[][] unfolded = logits(layers, m, x);
                    float[][] got = logits(folded, m, x);
                    for (int i = 0; i < x.length; i++) {
                        for (int c = 0; c < 3; c++) {
                            // the walk's own forward pass is the model's, bit for bit
                            assertEquals(expected[i][c], unfolded[i][c], 0f);
                            assertEquals(expected[i][c], got[i][c], 1e-5 * (1 + Math.abs(expected[i][c])),
                                    arch.name() + " ECG " + i);
                        }
                    }
                }
                assertEquals(before, model.parameterFingerprint(), "the model's parameters changed");
            }
        }
    }

    /** A batch norm after a linear layer folds too; one after ReLU stays. */
    private static Architecture linearThenNorm() {
        return new Architecture("linear-norm", List.of(new LayerSpec.Conv1d(12, 4, 5, 2, 2, 1, true),
                new LayerSpec.Relu(), new LayerSpec.BatchNorm1d(4), new LayerSpec.Flatten(),
                new LayerSpec.Linear(4 * 300, 5, false), new LayerSpec.BatchNorm1d(5, 1e-3), new LayerSpec.Relu(),
                new LayerSpec.Linear(5, 3, true)));
    }
}
