package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecglab.data.EcgFormat;
import org.junit.jupiter.api.Test;

class GaussianWaveTest {
    private static final double EPS = 1e-12;

    @Test
    void shapeIsAUnitPeakGaussian() {
        GaussianWave w = new GaussianWave("R", 1, 0, 0, 400, 10);
        assertEquals(1.0, w.shape(400), EPS);
        assertEquals(Math.exp(-0.5), w.shape(410), EPS);
        assertEquals(Math.exp(-2.0), w.shape(380), EPS);
        // 2.5 widths out the wave is 4.4 % of its peak: the onset/offset convention of the generator.
        assertEquals(0.0439, w.shape(425), 1e-4);
    }

    @Test
    void renderingSamplesEveryComponentAndItsArea() {
        GaussianWave w = new GaussianWave("T", 0.3, -0.2, 0.1, 600, 40);
        double[][] xyz = new CardiacDipole(List.of(w)).render();
        int centre = EcgFormat.msToSample(600);
        assertEquals(0.3, xyz[0][centre], EPS);
        assertEquals(-0.2, xyz[1][centre], EPS);
        assertEquals(0.1, xyz[2][centre], EPS);
        assertEquals(0.3 * Math.exp(-0.5), xyz[0][EcgFormat.msToSample(640)], EPS);
        // Riemann sum of the X trace equals the Gaussian's area a·w·sqrt(2π) (ms·mV); the ±6-width cut-off
        // drops erfc(6/√2) ≈ 2e-9 of it.
        double area = 0;
        for (double v : xyz[0]) {
            area += v * EcgFormat.MS_PER_SAMPLE;
        }
        assertEquals(0.3 * 40 * Math.sqrt(2 * Math.PI), area, 1e-7);
    }

    @Test
    void wavesOfADipoleAddUp() {
        GaussianWave a = new GaussianWave("A", 1, 0, 0, 300, 10);
        GaussianWave b = new GaussianWave("B", 0.5, 0, 0, 310, 20);
        double[][] xyz = new CardiacDipole(List.of(a, b)).render();
        int t = EcgFormat.msToSample(306);
        assertEquals(a.shape(306) + 0.5 * b.shape(306), xyz[0][t], EPS);
    }

    @Test
    void rotationTurnsTheFrontalAxisAndKeepsTheLength() {
        GaussianWave x = new GaussianWave("R", 1, 0, 0, 400, 10);
        GaussianWave down = x.rotated(90, 0);
        assertEquals(0, down.ax(), EPS);
        assertEquals(1, down.ay(), EPS);
        GaussianWave back = x.rotated(0, 90);
        assertEquals(1, back.az(), EPS);
        GaussianWave any = new GaussianWave("R", 0.3, -0.7, 0.2, 400, 10).rotated(37, -12);
        assertEquals(Math.sqrt(0.09 + 0.49 + 0.04), any.magnitude(), EPS);
    }

    @Test
    void modifiersChangeOnlyWhatTheySay() {
        GaussianWave w = new GaussianWave("P_RA", 0.1, 0.2, 0.3, 200, 15);
        assertEquals(150, w.shifted(-50).centreMs(), EPS);
        assertEquals(0.6, w.scaled(2).az(), EPS);
        assertEquals(15, w.scaled(2).widthMs(), EPS);
        GaussianWave t = w.withTiming(250, 20);
        assertEquals(0.2, t.ay(), EPS);
        assertEquals(20, t.widthMs(), EPS);
    }

    @Test
    void dipoleFindsMapsAndRemovesWavesByLabel() {
        CardiacDipole d = new CardiacDipole(List.of(new GaussianWave("P_RA", 0, 0.1, 0, 200, 15),
                new GaussianWave("P_LA", 0.1, 0, 0, 214, 15), new GaussianWave("QRS_R", 1, 0, 0, 400, 10)));
        assertEquals(List.of("QRS_R"), d.without("P_").labels());
        CardiacDipole moved = d.map("P_", w -> w.shifted(-100));
        assertEquals(100, moved.wave("P_RA").centreMs(), EPS);
        assertEquals(400, moved.wave("QRS_R").centreMs(), EPS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.wave("T_DOWN"));
        assertTrue(e.getMessage().contains("T_DOWN"), e.getMessage());
    }

    @Test
    void badWavesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianWave("R", 1, 0, 0, 400, 0));
        assertTrue(e.getMessage().contains("width"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GaussianWave("R", Double.NaN, 0, 0, 400, 10));
    }
}
