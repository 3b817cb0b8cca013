package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import org.ecglab.nn.DirectMemory;
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
    void aChunkHoldsTheWrittenRowsInOrder() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int n = 3; n >= 1; n -= 2) {
                try (NDManager scope = m.newSubManager()) {
                    NativeRows chunk = NativeRows.allocate(scope, n);
                    for (int r = 0; r < n; r++) {
                        chunk.input().put(row(1000 * n + 10 * r));
                    }
                    NDArray x = chunk.array();
                    assertEquals(new Shape(n, 12, 600), x.getShape());
                    float[] expected = new float[n * GradientComputer.ROW_SIZE];
                    for (int r = 0; r < n; r++) {
                        System.arraycopy(row(1000 * n + 10 * r), 0, expected, r * GradientComputer.ROW_SIZE,
                                GradientComputer.ROW_SIZE);
                    }
                    assertArrayEquals(expected, x.toFloatArray());
                    // Read back from the engine: a result of the engine's, not the written array.
                    FloatBuffer doubled = NativeRows.values(x.mul(2));
                    assertEquals(expected.length, doubled.remaining());
                    assertEquals(2 * expected[expected.length - 1], doubled.get(expected.length - 1));
                }
            }
        }
    }

    @Test
    void aChunkWithRowsMissingOrPartIsRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            NativeRows two = NativeRows.allocate(m, 2);
            two.input().put(row(0));
            String message = assertThrows(IllegalStateException.class, two::array).getMessage();
            assertTrue(message.contains("7200 values written for 2 rows"), message);
            NativeRows one = NativeRows.allocate(m, 1);
            one.input().put(new float[5]);
            assertThrows(IllegalStateException.class, one::array);
            assertThrows(IllegalArgumentException.class, () -> NativeRows.allocate(m, 0));
        }
    }

    @Test
    void chunksTakeNoJavaDirectMemory() {
        // 50 chunks of 1.8 MB: with buffers of our own, 92 MB until a garbage collection.
        DirectMemory.assertLeavesNoneBehind(() -> {
            try (NDManager m = NDManager.newBaseManager()) {
                for (int i = 0; i < 50; i++) {
                    try (NDManager scope = m.newSubManager()) {
                        NativeRows chunk = NativeRows.allocate(scope, 64);
                        for (int r = 0; r < 64; r++) {
                            chunk.input().put(row(r));
                        }
                        chunk.array();
                    }
                }
            }
        });
    }
}
