package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class NativeRowsTest {
    private static float[] row(float first) {
        float[] r = new float[GradientComputer.ROW_SIZE];
        for (int i = 0; i < r.length; i++) {
            r[i] = first + i;
        }
        return r;
    }

    @Test
    void chunksAreMadeOnTheWrittenRowsAndTheBufferIsReused() {
        NativeRows rows = new NativeRows(3);
        try (NDManager m = NDManager.newBaseManager()) {
            for (int chunk = 0; chunk < 2; chunk++) {
                int n = 3 - chunk; // a full chunk, then a shorter last one on the same buffer
                FloatBuffer input = rows.start();
                for (int r = 0; r < n; r++) {
                    input.put(row(1000 * chunk + 10 * r));
                }
                try (NDManager scope = m.newSubManager()) {
                    NDArray x = rows.array(scope, n);
                    assertEquals(new Shape(n, 12, 600), x.getShape());
                    float[] expected = new float[n * GradientComputer.ROW_SIZE];
                    for (int r = 0; r < n; r++) {
                        System.arraycopy(row(1000 * chunk + 10 * r), 0, expected, r * GradientComputer.ROW_SIZE,
                                GradientComputer.ROW_SIZE);
                    }
                    assertArrayEquals(expected, x.toFloatArray());
                    // Read back from the engine: a result of the engine's, not the input buffer.
                    FloatBuffer doubled = NativeRows.values(x.mul(2));
                    assertEquals(expected.length, doubled.remaining());
                    assertEquals(2 * expected[expected.length - 1], doubled.get(expected.length - 1));
                }
            }
        }
    }

    @Test
    void aChunkWithRowsMissingOrPartIsRefused() {
        NativeRows rows = new NativeRows(2);
        try (NDManager m = NDManager.newBaseManager()) {
            rows.start().put(row(0));
            String message = assertThrows(IllegalStateException.class, () -> rows.array(m, 2)).getMessage();
            assertTrue(message.contains("7200 values written for 2 rows"), message);
            rows.start().put(new float[5]);
            assertThrows(IllegalStateException.class, () -> rows.array(m, 1));
        }
    }
}
