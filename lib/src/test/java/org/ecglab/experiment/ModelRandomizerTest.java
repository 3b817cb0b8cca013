package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelRandomizerTest {
    private static final Architecture ARCH = Architecture.defaultCnn(2);
    private static final float[][][] X = TestModels.inputs(3, 5);
    private static EcgClassifier original;
    private static float[][] originalLogits;

    @BeforeAll
    static void build() {
        original = TestModels.nonTrivial(ARCH, 11, List.of("a", "b"));
        originalLogits = original.predictLogits(X, 8);
    }

    @AfterAll
    static void close() {
        original.close();
    }

    private static boolean sameLayer(EcgClassifier a, EcgClassifier b, int layer) {
        List<float[]> x = TestModels.arrays(a, ARCH, layer);
        List<float[]> y = TestModels.arrays(b, ARCH, layer);
        for (int j = 0; j < x.size(); j++) {
            if (!Arrays.equals(x.get(j), y.get(j))) {
                return false;
            }
        }
        return true;
    }

    /** True if every array of the layer differs from the original's (none left unchanged by accident). */
    private static boolean allArraysDiffer(EcgClassifier copy, int layer) {
        List<float[]> x = TestModels.arrays(original, ARCH, layer);
        List<float[]> y = TestModels.arrays(copy, ARCH, layer);
        for (int j = 0; j < x.size(); j++) {
            if (Arrays.equals(x.get(j), y.get(j))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void orderIsOutputLayerFirstOverParameterisedLayers() {
        // default CNN: conv 0, bn 1, conv 4, bn 5, conv 8, bn 9, conv 12, bn 13, conv 16, bn 17, linear 21
        assertEquals(List.of(21, 17, 16, 13, 12, 9, 8, 5, 4, 1, 0), ModelRandomizer.parameterisedLayersTopDown(ARCH));
        assertEquals("21 linear", ModelRandomizer.label(ARCH, 21));
        assertEquals("17 batchnorm1d", ModelRandomizer.label(ARCH, 17));
    }

    @Test
    void cascadeStepKChangesExactlyTheTopKPlusOneLayers() {
        List<Integer> order = ModelRandomizer.parameterisedLayersTopDown(ARCH);
        try (RandomizationSteps steps = ModelRandomizer.cascade(original, ARCH, 3)) {
            assertEquals(order.size(), steps.size());
            for (int k = 0; k < steps.size(); k++) {
                RandomizationStep step = steps.get(k);
                assertEquals(order.get(k), step.layerIndex());
                assertEquals(ModelRandomizer.label(ARCH, order.get(k)), step.label());
                for (int j = 0; j < order.size(); j++) {
                    int layer = order.get(j);
                    if (j <= k) {
                        assertTrue(allArraysDiffer(step.model(), layer), "step " + k + " layer " + layer);
                    } else {
                        assertTrue(sameLayer(original, step.model(), layer), "step " + k + " layer " + layer);
                    }
                }
                assertFalse(Arrays.deepEquals(originalLogits, step.model().predictLogits(X, 8)), "step " + k);
            }
        }
        assertArrayEquals(originalLogits, original.predictLogits(X, 8)); // the trained model is untouched
    }

    @Test
    void independentChangesExactlyOneLayerWithTheSameWeightsAsTheCascade() {
        List<Integer> order = ModelRandomizer.parameterisedLayersTopDown(ARCH);
        try (RandomizationSteps independent = ModelRandomizer.independent(original, ARCH, 3);
                RandomizationSteps cascade = ModelRandomizer.cascade(original, ARCH, 3)) {
            for (int k = 0; k < independent.size(); k++) {
                EcgClassifier m = independent.get(k).model();
                for (int layer : order) {
                    boolean changed = layer == independent.get(k).layerIndex();
                    assertEquals(changed, !sameLayer(original, m, layer), "step " + k + " layer " + layer);
                }
                // a layer's new weights depend on (seed, layer) only
                assertTrue(sameLayer(m, cascade.get(k).model(), order.get(k)));
            }
        }
        assertArrayEquals(originalLogits, original.predictLogits(X, 8));
    }

    @Test
    void sameSeedSameCopiesOtherSeedOtherWeights() {
        try (RandomizationSteps a = ModelRandomizer.cascade(original, ARCH, 9);
                RandomizationSteps b = ModelRandomizer.cascade(original, ARCH, 9);
                RandomizationSteps c = ModelRandomizer.cascade(original, ARCH, 10)) {
            EcgClassifier last = a.get(a.size() - 1).model();
            for (int layer = 0; layer < ARCH.layers().size(); layer++) {
                assertTrue(sameLayer(last, b.get(b.size() - 1).model(), layer), "layer " + layer);
            }
            assertArrayEquals(last.predictLogits(X, 8), b.get(b.size() - 1).model().predictLogits(X, 8));
            assertFalse(sameLayer(last, c.get(c.size() - 1).model(), 0)); // conv weights are random
            // batch norm is reset to constants, whatever the seed
            assertTrue(sameLayer(last, c.get(c.size() - 1).model(), 1));
        }
    }

    @Test
    void layersAreResetWithDjlsInitialisers() {
        try (EcgClassifier m = ModelRandomizer.randomizeLayers(original, ARCH, List.of(4, 5, 21), 1, "r")) {
            // conv 16 -> 32, kernel 7: He-normal N(0, 2 / (16 * 7)); 3,584 draws, standard error of the sd ~1.2 %
            float[] w = TestModels.param(m, 4, "weight").getArray().toFloatArray();
            double mean = 0;
            double sq = 0;
            for (float v : w) {
                mean += v;
                sq += (double) v * v;
            }
            mean /= w.length;
            double sd = Math.sqrt(sq / w.length - mean * mean);
            assertEquals(Math.sqrt(2.0 / (16 * 7)), sd, 0.05 * Math.sqrt(2.0 / (16 * 7)));
            assertEquals(0, mean, 4 * Math.sqrt(2.0 / (16 * 7)) / Math.sqrt(w.length));
            // batch norm back to a fresh layer, running statistics included
            float[] ones = new float[32];
            Arrays.fill(ones, 1f);
            float[] zeros = new float[32];
            List<float[]> bn = TestModels.arrays(m, ARCH, 5);
            assertArrayEquals(ones, bn.get(0));
            assertArrayEquals(zeros, bn.get(1));
            assertArrayEquals(zeros, bn.get(2));
            assertArrayEquals(ones, bn.get(3));
            // linear: He-normal weight N(0, 2 / 64) and zero bias
            assertArrayEquals(new float[2], TestModels.param(m, 21, "bias").getArray().toFloatArray());
            assertTrue(m.id().equals("r"));
        }
    }

    @Test
    void closingTheStepsFreesEveryCopyButNotTheOriginal() {
        RandomizationSteps steps = ModelRandomizer.independent(original, ARCH, 1);
        steps.close();
        for (RandomizationStep s : steps) {
            assertFalse(s.model().manager().isOpen(), s.label());
        }
        assertTrue(original.manager().isOpen());
        assertArrayEquals(originalLogits, original.predictLogits(X, 8));
    }

    @Test
    void exactCopyHasIdenticalLogits() {
        try (EcgClassifier copy = ModelRandomizer.copy(original, ARCH, "copy")) {
            assertArrayEquals(originalLogits, copy.predictLogits(X, 8));
            assertEquals(original.outputNames(), copy.outputNames());
        }
    }

    @Test
    void badLayersAndMismatchedArchitecturesAreRejected() {
        IllegalArgumentException noParams = assertThrows(IllegalArgumentException.class,
                () -> ModelRandomizer.randomizeLayers(original, ARCH, List.of(2), 1, "x"));
        assertTrue(noParams.getMessage().contains("2 relu"), noParams.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> ModelRandomizer.randomizeLayers(original, ARCH, List.of(22), 1, "x"));
        assertTrue(range.getMessage().contains("22"), range.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> ModelRandomizer.cascade(original, Architecture.defaultCnn(3), 1));
        assertTrue(other.getMessage().contains("layer 21"), other.getMessage());
    }
}
