package org.ecglab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecglab.data.io.Json;
import org.ecglab.data.io.JsonFields;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private final Architecture cnn = Architecture.defaultCnn(1);

    @Test
    void defaultCnnShapesFollowPyTorchArithmetic() {
        long[][] expected = {
            {16, 600}, {16, 600}, {16, 600}, {16, 300},
            {32, 300}, {32, 300}, {32, 300}, {32, 150},
            {32, 150}, {32, 150}, {32, 150}, {32, 75},
            {64, 75}, {64, 75}, {64, 75}, {64, 37},
            {64, 37}, {64, 37}, {64, 37},
            {64, 1}, {64}, {1}};
        List<long[]> shapes = cnn.outputShapes();
        assertEquals(expected.length, shapes.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], shapes.get(i), "layer " + i + " " + cnn.layers().get(i));
        }
        assertEquals(1, cnn.outputs());
    }

    @Test
    void parameterCountsMatchHandCount() {
        // conv 12*16*7 + bn 2*16 + conv 16*32*7 + bn 2*32 + conv 32*32*7 + bn 2*32 + conv 32*64*7 + bn 2*64
        // + conv 64*64*7 + bn 2*64 + linear 64*1 + 1 (convolutions have no bias).
        long trainable = 1344 + 32 + 3584 + 64 + 7168 + 64 + 14336 + 128 + 28672 + 128 + 65;
        assertEquals(55585, trainable);
        assertEquals(trainable, cnn.trainableParameters());
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock block = cnn.toBlock();
            block.initialize(m, DataType.FLOAT32, new Shape(1, 12, 600));
            long all = 0;
            for (Pair<String, Parameter> p : block.getParameters()) {
                all += p.getValue().getArray().size();
            }
            // DJL also stores the running mean and variance of each batch norm (PyTorch buffers).
            assertEquals(trainable + 2 * (16 + 32 + 32 + 64 + 64), all);
        }
    }

    @Test
    void djlBlockShapesEqualSpecShapesLayerByLayer() {
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock block = cnn.toBlock();
            block.initialize(m, DataType.FLOAT32, new Shape(3, 12, 600));
            Shape[] shape = {new Shape(3, 12, 600)};
            List<Block> children = new ArrayList<>();
            block.getChildren().values().forEach(children::add);
            assertEquals(cnn.layers().size(), children.size());
            for (int i = 0; i < children.size(); i++) {
                shape = children.get(i).getOutputShapes(shape);
                long[] spec = cnn.outputShapes().get(i);
                long[] withBatch = new long[spec.length + 1];
                withBatch[0] = 3;
                System.arraycopy(spec, 0, withBatch, 1, spec.length);
                assertEquals(new Shape(withBatch), shape[0], "layer " + i + " " + cnn.layers().get(i));
            }
            NDArray out = block.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(3, 12, 600))),
                    false).singletonOrThrow();
            assertEquals(new Shape(3, 1), out.getShape());
        }
    }

    @Test
    void batchNormUpdatesRunningStatisticsWithPyTorchMomentum() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block bn = new LayerSpec.BatchNorm1d(2).toBlock();
            bn.initialize(m, DataType.FLOAT32, new Shape(1, 2, 4));
            NDArray x = m.create(new float[] {1, 1, 1, 1, 0, 2, 0, 2}, new Shape(1, 2, 4));
            bn.forward(new ParameterStore(m, false), new NDList(x), true);
            float[] mean = null;
            float[] var = null;
            for (Pair<String, Parameter> p : bn.getParameters()) {
                if (p.getKey().equals("runningMean")) {
                    mean = p.getValue().getArray().toFloatArray();
                } else if (p.getKey().equals("runningVar")) {
                    var = p.getValue().getArray().toFloatArray();
                }
            }
            // PyTorch: r <- 0.9 r + 0.1 batch, with the unbiased batch variance (0 and 4/3) for the variance.
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0.1f, 0.1f}, mean, 1e-6f);
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0.9f, 0.9f + 0.4f / 3f}, var, 1e-6f);
        }
    }

    @Test
    void multiLabelVariantHasNineOutputs() {
        Architecture nine = Architecture.defaultCnn(9);
        assertEquals(9, nine.outputs());
        assertEquals(55585 + 8 * 65, nine.trainableParameters());
    }

    @Test
    void layerTableListsEveryLayerAndTheTotal() {
        String table = cnn.toString();
        assertTrue(table.contains("Conv1d(12, 16, kernel_size=7, stride=1, padding=3, dilation=1, bias=False)"), table);
        assertTrue(table.contains("16×300"), table);
        assertTrue(table.contains("55,585"), table);
        assertEquals(cnn.layers().size() + 3, table.split("\n").length, table);
    }

    @Test
    void layersRoundTripThroughTheirJsonForm() {
        List<LayerSpec> layers = List.of(new LayerSpec.Conv1d(3, 4, 5, 2, 1, 2, true),
                new LayerSpec.BatchNorm1d(7, 1e-3), new LayerSpec.Relu(), new LayerSpec.MaxPool1d(3, 2, 1),
                new LayerSpec.AvgPool1d(4, 4, 2), new LayerSpec.AdaptiveAvgPool1d(), new LayerSpec.Flatten(),
                new LayerSpec.Linear(8, 2, false), new LayerSpec.Dropout(0.25));
        String text = Json.write(Map.of("layers", LayerSpecs.toJson(layers)));
        assertEquals(layers, LayerSpecs.fromJson(JsonFields.parse(text, "test").objects("layers")));
        assertEquals(Map.of("type", "conv1d", "in_channels", 3, "out_channels", 4, "kernel_size", 5, "stride", 2,
                "padding", 1, "dilation", 2, "bias", true),
                LayerSpecs.toJson(List.of(new LayerSpec.Conv1d(3, 4, 5, 2, 1, 2, true))).get(0));
        // PyTorch's defaults fill what is left out
        assertEquals(new LayerSpec.MaxPool1d(2, 2, 0), parse("{\"type\": \"maxpool1d\", \"kernel_size\": 2}"));
    }

    private static LayerSpec parse(String layer) {
        return LayerSpecs.fromJson(JsonFields.parse("{\"layers\": [" + layer + "]}", "model.json").objects("layers"))
                .get(0);
    }

    @Test
    void strideAndDilationShapes() {
        // floor((600 + 2*3 - 2*(7-1) - 1) / 2) + 1 = 297
        assertArrayEquals(new long[] {8, 297},
                new LayerSpec.Conv1d(12, 8, 7, 2, 3, 2, false).outputShape(new long[] {12, 600}));
        // AvgPool1d(3, 2, 1) on 75: floor((75 + 2 - 3) / 2) + 1 = 38
        assertArrayEquals(new long[] {5, 38}, new LayerSpec.AvgPool1d(3, 2, 1).outputShape(new long[] {5, 75}));
    }

    @Test
    void badSpecsAreRejectedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Architecture("bad", List.of(new LayerSpec.Conv1d(8, 16, 3, 1, 1, 1, false))));
        assertTrue(e.getMessage().contains("layer 0") && e.getMessage().contains("8 input channels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Architecture("bad",
                List.of(new LayerSpec.Conv1d(12, 4, 3, 1, 1, 1, false), new LayerSpec.Linear(4, 1, true))));
        assertTrue(e.getMessage().contains("layer 1") && e.getMessage().contains("Flatten"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LayerSpec.Conv1d(12, 0, 3, 1, 1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new LayerSpec.Dropout(1.0));
        assertThrows(IllegalArgumentException.class, () -> new LayerSpec.AdaptiveAvgPool1d(2));
        assertThrows(IllegalArgumentException.class, () -> new LayerSpec.MaxPool1d(2, 2, 2));
        e = assertThrows(IllegalArgumentException.class, () -> parse("{\"type\": \"conv2d\", \"in_channels\": 1}"));
        assertTrue(e.getMessage().startsWith("model.json: layers[0]: unknown layer type 'conv2d'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("{\"type\": \"linear\", \"in_features\": 3}"));
        assertTrue(e.getMessage().contains("missing argument out_features"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("{\"type\": \"relu\", \"inplace\": true}"));
        assertTrue(e.getMessage().contains("unknown argument inplace"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"type\": \"linear\", \"in_features\": \"x\", \"out_features\": 1}"));
        assertTrue(e.getMessage().contains("in_features must be an integer, got 'x'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("{\"type\": \"relu\", \"args\": [1]}"));
        assertTrue(e.getMessage().contains("strings, numbers or booleans"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Architecture.defaultCnn(0));
    }
}
