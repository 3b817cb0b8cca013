package org.ecglab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link MaxPooling} against libtorch's own {@code max_pool1d} (run through DJL's {@link Pool}), bit for bit: the
 * pooled values and the gradient of {@code sum(w · y)} with respect to the input, on inputs full of ties (values on a
 * coarse grid, runs of zeros as after a ReLU), for non-overlapping, odd-length, overlapping and padded windows, and
 * with NaNs in first and later window positions.
 */
class MaxPoolingTest {
    private record Pass(float[] values, float[] gradient) {
    }

    /** Values and input gradient of {@code pool} on {@code input} (shape {@code (2, 3, length)}) for
     * {@code sum(w · y)} with nonzero weights. */
    private static Pass run(float[] input, int length, UnaryOperator<NDArray> pool) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(input, new Shape(2, 3, length));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = pool.apply(x);
                float[] w = new float[(int) y.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = 0.25f * (i % 7) + 0.5f; // never zero, so every routed gradient shows
                }
                collector.backward(y.mul(m.create(w, y.getShape())).sum());
                return new Pass(y.toFloatArray(), x.getGradient().toFloatArray());
            }
        }
    }

    /** Values on a grid of 0.5 with a third of them zero: most windows hold ties. */
    private static float[] tiedInput(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[2 * 3 * length];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(3) == 0 ? 0f : 0.5f * (random.nextInt(9) - 4);
        }
        return v;
    }

    private static void assertSameAsLibtorch(float[] input, int length, int kernel, int stride, int padding) {
        Pass ours = run(input, length, x -> MaxPooling.pool(x, kernel, stride, padding));
        Pass theirs = run(input, length, x -> Pool.maxPool1d(x, new Shape(kernel), new Shape(stride),
                new Shape(padding), false));
        String config = "kernel " + kernel + ", stride " + stride + ", padding " + padding + ", length " + length;
        assertArrayEquals(bits(theirs.values()), bits(ours.values()), "values, " + config);
        assertArrayEquals(bits(theirs.gradient()), bits(ours.gradient()), "gradient, " + config);
    }

    private static int[] bits(float[] v) {
        return Arrays.stream(toDoubles(v)).mapToInt(d -> Float.floatToRawIntBits((float) d)).toArray();
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    @Test
    void valuesAndGradientsAreLibtorchsOnTies() {
        int[][] configs = {{2, 2, 0, 600}, {2, 2, 0, 75}, {3, 3, 0, 40}, {3, 2, 1, 41}, {3, 1, 0, 30}, {4, 3, 2, 29},
            {5, 5, 0, 5}};
        long seed = 1;
        for (int[] c : configs) {
            assertSameAsLibtorch(tiedInput(c[3], seed++), c[3], c[0], c[1], c[2]);
        }
    }

    @Test
    void gradientGoesToTheFirstOfEqualMaxima() {
        float[] input = new float[2 * 3 * 4];
        Arrays.fill(input, 1f);
        Pass ours = run(input, 4, x -> MaxPooling.pool(x, 2, 2, 0));
        float[] firstOnly = new float[input.length];
        for (int i = 0; i < input.length; i += 2) {
            firstOnly[i] = 1;
        }
        for (int i = 0; i < input.length; i++) {
            assertEquals(firstOnly[i] == 1, ours.gradient()[i] != 0, "position " + i);
        }
    }

    @Test
    void nanWinsAsInLibtorch() {
        for (int length : new int[] {12, 13}) {
            float[] input = tiedInput(length, 99);
            input[1] = Float.NaN; // second of a window of two
            input[4] = Float.NaN; // first of a window
            input[length + 6] = Float.NaN; // two NaNs in one window of three
            input[length + 7] = Float.NaN;
            for (int[] c : new int[][] {{2, 2, 0}, {3, 3, 0}, {3, 2, 1}}) {
                Pass ours = run(input, length, x -> MaxPooling.pool(x, c[0], c[1], c[2]));
                Pass theirs = run(input, length, x -> Pool.maxPool1d(x, new Shape(c[0]), new Shape(c[1]),
                        new Shape(c[2]), false));
                assertTrue(Arrays.stream(toDoubles(ours.values())).anyMatch(Double::isNaN));
                assertArrayEquals(bits(theirs.values()), bits(ours.values()), Arrays.toString(c));
                assertArrayEquals(bits(theirs.gradient()), bits(ours.gradient()), Arrays.toString(c));
            }
        }
    }

    @Test
    void tooShortAnInputIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(new float[2 * 3 * 2], 2, x -> MaxPooling.pool(x, 3, 3, 0)));
        assertTrue(e.getMessage().contains("3 samples"), e.getMessage());
    }
}
