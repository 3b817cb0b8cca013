package org.ecglab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.ecglab.attribution.TinyModels;
import org.junit.jupiter.api.Test;

/** Layer-by-layer forward: the same numbers as the whole network, the activations of every layer. */
class LayerwiseModelTest {
    @Test
    void layersInOrderGiveExactlyTheClassifiersLogitsAndEveryActivation() {
        Architecture arch = Architecture.defaultCnn(2);
        Engine.getInstance().setRandomSeed(5);
        try (EcgClassifier c = EcgClassifier.of("cnn", arch, List.of("a", "b"));
                NDManager m = c.manager().newSubManager()) {
            LayerwiseModel layers = LayerwiseModel.of(c, "test");
            assertEquals(arch.layers().size(), layers.size());
            NDArray x = Tensors.signals(m, TinyModels.ecgs(3, 9), 0, 3);
            List<NDArray> acts = layers.activations(x);
            assertEquals(layers.size() + 1, acts.size());
            List<long[]> shapes = arch.outputShapes();
            for (int i = 0; i < layers.size(); i++) {
                long[] s = acts.get(i + 1).getShape().getShape();
                assertArrayEquals(shapes.get(i), java.util.Arrays.copyOfRange(s, 1, s.length), "layer " + i);
            }
            assertArrayEquals(c.forward(x).toFloatArray(), acts.get(layers.size()).toFloatArray(), 0f);
            assertArrayEquals(acts.get(7).toFloatArray(), layers.forward(3, 7, acts.get(3)).toFloatArray(), 0f);
            assertEquals(List.of(0, 4, 8, 12, 16), layers.indicesOf("conv1d"));
            assertTrue(layers.parameters(0).containsKey("weight"));
        }
    }

    @Test
    void bareBlocksAndBadRangesAreRefused() {
        try (EcgClassifier bare = TinyModels.cnn(3, true)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LayerwiseModel.of(bare, "grad_cam"));
            assertTrue(e.getMessage().startsWith("method grad_cam needs the network's layers, but model "),
                    e.getMessage());
        }
        try (EcgClassifier c = EcgClassifier.of("cnn", Architecture.defaultCnn(1), List.of("a"));
                NDManager m = c.manager().newSubManager()) {
            LayerwiseModel layers = LayerwiseModel.of(c, "test");
            NDArray x = m.zeros(new ai.djl.ndarray.types.Shape(1, 12, 600));
            assertThrows(IllegalArgumentException.class, () -> layers.forward(3, 2, x));
            assertThrows(IllegalArgumentException.class, () -> layers.forward(0, layers.size() + 1, x));
        }
    }

    @Test
    void aLoadedModelMustMatchItsArchitecture() {
        try (EcgClassifier c = EcgClassifier.of("cnn", Architecture.defaultCnn(1), List.of("a"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EcgClassifier.of(c.model(), Architecture.defaultCnn(2), List.of("a", "b")));
            assertTrue(e.getMessage().contains("has shape"), e.getMessage());
        }
    }
}
