package org.ecglab.attribution.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resizing as PyTorch's F.interpolate does; the expected values were printed by torch 1.13 for the same inputs. */
class UpsamplingTest {

    @Test
    void linearWithHalfPixelCentresAsTorch() {
        assertArrayEquals(new float[] {1f, 1.5f, 2.5f, 3f}, Upsampling.LINEAR.resize(new float[] {1, 3}, 0, 2, 4), 1e-6f);
        // F.interpolate([[[1., 3., 7.]]], 7, mode="linear", align_corners=False)
        assertArrayEquals(new float[] {1f, 1.2857f, 2.1429f, 3f, 4.7143f, 6.4286f, 7f},
                Upsampling.LINEAR.resize(new float[] {1, 3, 7}, 0, 3, 7), 1e-4f);
    }

    @Test
    void nearestAsTorchIncludingItsFloat32IndexArithmetic() {
        assertArrayEquals(new float[] {1, 1, 3, 3, 7, 7}, Upsampling.NEAREST.resize(new float[] {1, 3, 7}, 0, 3, 6), 0f);
        assertArrayEquals(new float[] {1, 1, 1, 3, 3, 7, 7}, Upsampling.NEAREST.resize(new float[] {1, 3, 7}, 0, 3, 7),
                0f);
        // The default CNN's last convolution has 37 samples; torch maps output t to these inputs:
        float[] ramp = new float[40];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i - 3; // read from offset 3, so ramp[3 + i] = i
        }
        float[] up = Upsampling.NEAREST.resize(ramp, 3, 37, 600);
        Map<Integer, Integer> torch = Map.of(0, 0, 16, 0, 17, 1, 48, 2, 49, 3, 300, 18, 599, 36);
        torch.forEach((t, source) -> assertEquals(source, up[t], 0f, "output " + t));
        int[] firstOf = {0, 98, 195, 292, 390, 487, 584}; // first output reading input 0, 6, 12, ..., 36
        for (int k = 0; k < firstOf.length; k++) {
            assertEquals(6 * k, up[firstOf[k]], 0f);
            if (k > 0) {
                assertEquals(6 * k - 1, up[firstOf[k] - 1], 0f);
            }
        }
    }

    @Test
    void equalLengthsCopyAndBadArgumentsAreNamed() {
        float[] x = {4, -2, 9};
        for (Upsampling u : Upsampling.values()) {
            assertArrayEquals(x, u.resize(x, 0, 3, 3), 0f);
            assertThrows(IllegalArgumentException.class, () -> u.resize(x, 0, 0, 600));
        }
        assertEquals(Upsampling.LINEAR, Upsampling.byId("linear"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Upsampling.byId("cubic"));
        assertEquals("unknown interpolation mode 'cubic'; allowed: [nearest, linear]", e.getMessage());
    }
}
