package org.ecglab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class TensorsTest {
    private static float[][][] signals(int n) {
        float[][][] s = new float[n][12][600];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < 12; l++) {
                for (int t = 0; t < 600; t++) {
                    s[i][l][t] = i * 10_000 + l * 1_000 + t;
                }
            }
        }
        return s;
    }

    @Test
    void aBatchHoldsTheRecordsInTheGivenOrder() {
        float[][][] s = signals(5);
        int[] order = {4, 1, 3, 0, 2};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = Tensors.signals(m, s, order, 1, 4);
            assertEquals(new Shape(3, 12, 600), x.getShape());
            float[] values = x.toFloatArray();
            for (int k = 0; k < 3; k++) {
                for (int l = 0; l < 12; l++) {
                    float[] lead = new float[600];
                    System.arraycopy(values, (k * 12 + l) * 600, lead, 0, 600);
                    assertArrayEquals(s[order[1 + k]][l], lead, "row " + k + ", lead " + l);
                }
            }
            assertArrayEquals(Tensors.signals(m, s, new int[] {1, 2}, 0, 2).toFloatArray(),
                    Tensors.signals(m, s, 1, 3).toFloatArray());
        }
    }

    @Test
    void aLeadOfTheWrongLengthIsNamedAndNothingIsLeftOpen() {
        float[][][] s = signals(3);
        s[2][5] = new float[599];
        try (NDManager m = NDManager.newBaseManager()) {
            String message = assertThrows(IllegalArgumentException.class, () -> Tensors.signals(m, s, 0, 3))
                    .getMessage();
            assertTrue(message.contains("record 2, lead 5 has 599 samples, expected 600"), message);
            assertEquals(0, m.getManagedArrays().size(), "the half-written batch is closed");
        }
    }

    @Test
    void batchesTakeNoJavaDirectMemory() {
        float[][][] s = signals(32);
        // 100 training batches of 0.9 MB: with buffers of our own, 92 MB until a garbage collection.
        DirectMemory.assertLeavesNoneBehind(() -> {
            try (NDManager m = NDManager.newBaseManager()) {
                for (int step = 0; step < 100; step++) {
                    try (NDManager batch = m.newSubManager()) {
                        Tensors.signals(batch, s, 0, 32);
                    }
                }
            }
        });
    }
}
