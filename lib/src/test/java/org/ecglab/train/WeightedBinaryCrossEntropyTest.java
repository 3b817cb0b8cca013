package org.ecglab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import org.junit.jupiter.api.Test;

class WeightedBinaryCrossEntropyTest {
    private static final float[] LOGITS = {2f, -1f, 0f, 30f, -30f};
    private static final float[] LABELS = {1f, 0f, 1f, 0f, 1f};

    /**
     * -[w y log s(x) + (1-y) log(1-s(x))], averaged, in double precision, with -log s(x) = log(1 + e^-x) and
     * -log(1 - s(x)) = log(1 + e^x) so that x = +-30 keeps its precision.
     */
    private static double expected(double w) {
        double sum = 0;
        for (int i = 0; i < LOGITS.length; i++) {
            sum += w * LABELS[i] * Math.log1p(Math.exp(-LOGITS[i])) + (1 - LABELS[i]) * Math.log1p(Math.exp(LOGITS[i]));
        }
        return sum / LOGITS.length;
    }

    private static float evaluate(ai.djl.training.loss.Loss loss) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList x = new NDList(m.create(LOGITS, new Shape(5, 1)));
            NDList y = new NDList(m.create(LABELS, new Shape(5, 1)));
            return loss.evaluate(y, x).getFloat();
        }
    }

    @Test
    void matchesTheDefinitionAndDjlsUnweightedLoss() {
        assertEquals(expected(1), evaluate(new WeightedBinaryCrossEntropy(1)), 1e-4);
        assertEquals(evaluate(new SigmoidBinaryCrossEntropyLoss("bce", 1f, false)),
                evaluate(new WeightedBinaryCrossEntropy(1)), 1e-4);
        assertEquals(expected(3), evaluate(new WeightedBinaryCrossEntropy(3)), 1e-4);
    }

    @Test
    void rejectsNonPositiveWeight() {
        assertThrows(IllegalArgumentException.class, () -> new WeightedBinaryCrossEntropy(0));
        assertThrows(IllegalArgumentException.class, () -> new WeightedBinaryCrossEntropy(Double.NaN));
    }

    @Test
    void perColumnWeightsAverageTheColumnsOwnLosses() {
        // Column c of a (5, 2) batch uses weight w_c: the mean over both columns is the mean of the two scalar losses.
        float[] two = new float[10];
        float[] labels = new float[10];
        for (int i = 0; i < 5; i++) {
            two[2 * i] = LOGITS[i];
            two[2 * i + 1] = LOGITS[i];
            labels[2 * i] = LABELS[i];
            labels[2 * i + 1] = LABELS[i];
        }
        try (NDManager m = NDManager.newBaseManager()) {
            float loss = new WeightedBinaryCrossEntropy(new double[] {1, 4}).evaluate(
                    new NDList(m.create(labels, new Shape(5, 2))), new NDList(m.create(two, new Shape(5, 2))))
                    .getFloat();
            assertEquals((expected(1) + expected(4)) / 2, loss, 1e-4);
        }
        assertThrows(IllegalArgumentException.class, () -> new WeightedBinaryCrossEntropy(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new WeightedBinaryCrossEntropy(new double[] {1, -1}));
    }

    @Test
    void columnWeightsMustMatchTheOutputs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> evaluate(new WeightedBinaryCrossEntropy(new double[] {2, 3, 4})));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("3 column weights"), e.getMessage());
    }
}
