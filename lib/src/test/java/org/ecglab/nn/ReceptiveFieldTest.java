package org.ecglab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.List;
import org.ecglab.data.EcgFormat;
import org.junit.jupiter.api.Test;

/**
 * The receptive field by the formula, against hand computation and against the network itself: with positive
 * weights and no bias, a large spike at input sample t raises every convolution output whose window holds t and
 * wins every max-pooling window that holds a raised unit, so a unit changes exactly when t lies in its field.
 */
class ReceptiveFieldTest {

    /** Input samples whose spike changes the middle unit of the network's output (all 12 leads spiked). */
    private static int[] measuredSupport(Architecture architecture) {
        int n = EcgFormat.SAMPLES;
        try (NDManager m = NDManager.newBaseManager()) {
            Block block = architecture.toBlock();
            block.setInitializer(new ConstantInitializer(0.05f), Parameter.Type.WEIGHT);
            block.initialize(m, DataType.FLOAT32, new Shape(1, EcgFormat.LEADS, n));
            // Input k carries one spike at sample k - 1; input 0 is the flat baseline.
            float[] flat = new float[(n + 1) * EcgFormat.LEADS * n];
            for (int k = 1; k <= n; k++) {
                for (int l = 0; l < EcgFormat.LEADS; l++) {
                    flat[(k * EcgFormat.LEADS + l) * n + (k - 1)] = 100f;
                }
            }
            NDArray out = block.forward(new ParameterStore(m, false),
                    new NDList(m.create(flat, new Shape(n + 1, EcgFormat.LEADS, n))), false).singletonOrThrow();
            long length = out.getShape().get(2);
            float[] unit = out.get(":, 0, " + length / 2).toFloatArray();
            int first = -1;
            int last = -1;
            for (int k = 1; k <= n; k++) {
                if (unit[k] != unit[0]) {
                    first = first < 0 ? k - 1 : first;
                    last = k - 1;
                }
            }
            for (int t = first; t <= last; t++) {
                assertTrue(unit[t + 1] != unit[0], "the support has a gap at sample " + t);
            }
            return new int[] {first, last};
        }
    }

    private static void assertFieldMatchesTheNetwork(List<LayerSpec> layers, long expectedSamples) {
        Architecture a = new Architecture("probe", layers);
        ReceptiveField field = ReceptiveField.of(a).get(layers.size() - 1);
        assertEquals(expectedSamples, field.samples(), "formula, hand-computed");
        int[] support = measuredSupport(a);
        assertEquals(field.samples(), support[1] - support[0] + 1, "formula vs the network: support " + support[0]
                + ".." + support[1]);
    }

    @Test
    void convolutionAndAveragePoolingMatchTheNetwork() {
        // r: 1 -> +4 = 5 (conv k5) -> +2 = 7 (avg k3, j 1 -> 2) -> +2*2*2 = 15 (conv k3 d2) -> +3*2 = 21 (avg k4 s4,
        // j 2 -> 8) -> +2*8 = 37 (conv k3)
        assertFieldMatchesTheNetwork(List.of(LayerSpec.Conv1d.same(12, 4, 5, false), new LayerSpec.AvgPool1d(3, 2, 1),
                new LayerSpec.Conv1d(4, 4, 3, 1, 2, 2, false), new LayerSpec.AvgPool1d(4, 4, 0),
                LayerSpec.Conv1d.same(4, 2, 3, false)), 37);
    }

    @Test
    void maxPoolingAndStridesMatchTheNetwork() {
        // r: 1 -> 7 (conv k7) -> 8 (max k2, j 2) -> 20 (conv k7: +6*2) -> 22 (max k2: +1*2, j 4) -> 38 (conv k5 s2:
        // +4*4, j 8)
        assertFieldMatchesTheNetwork(List.of(LayerSpec.Conv1d.same(12, 3, 7, false), new LayerSpec.Relu(),
                LayerSpec.MaxPool1d.of(2), LayerSpec.Conv1d.same(3, 3, 7, false), LayerSpec.MaxPool1d.of(2),
                new LayerSpec.Conv1d(3, 2, 5, 2, 2, 1, false)), 38);
    }

    @Test
    void theDefaultCnnSees202SamplesAndItsReadOutTheWholeBeat() {
        Architecture cnn = Architecture.defaultCnn(1);
        // Five k7 convolutions at jumps 1, 2, 4, 8, 16 and four k2 max pools at jumps 1, 2, 4, 8:
        // 1 + 6 (1 + 2 + 4 + 8 + 16) + (1 + 2 + 4 + 8) = 1 + 186 + 15 = 202.
        ReceptiveField last = ReceptiveField.ofLastConvolution(cnn);
        assertEquals(new ReceptiveField(202, 16, false), last);
        assertEquals(404.0, last.milliseconds(), 0);
        List<ReceptiveField> all = ReceptiveField.of(cnn);
        assertEquals(new ReceptiveField(600, 16, true), all.get(all.size() - 1));
        assertTrue(last.toString().startsWith("202 samples = 404 ms (jump 16 samples"), last.toString());
    }

    @Test
    void anArchitectureWithoutConvolutionHasNoLastConvolution() {
        Architecture pooled = new Architecture("pool", List.of(new LayerSpec.AdaptiveAvgPool1d(), new LayerSpec.Flatten(),
                new LayerSpec.Linear(12, 1, true)));
        assertThrows(IllegalArgumentException.class, () -> ReceptiveField.ofLastConvolution(pooled));
    }
}
