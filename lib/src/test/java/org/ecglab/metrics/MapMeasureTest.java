package org.ecglab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ecglab.data.EcgFormat;
import org.ecglab.stats.Correlation;
import org.junit.jupiter.api.Test;

/** The map measures on maps whose scores are known: identical, negated, scaled, disjoint, and by hand. */
class MapMeasureTest {
    private static final List<MapMeasure> ALL = List.of(MapMeasure.spearman(ValueMode.ABSOLUTE),
            MapMeasure.spearman(ValueMode.SIGNED), MapMeasure.correlation(Correlation.PEARSON, ValueMode.SIGNED),
            MapMeasure.topKOverlap(0.1, ValueMode.ABSOLUTE), MapMeasure.ssim(ValueMode.SIGNED),
            MapMeasure.ssim(ValueMode.ABSOLUTE), MapMeasure.spearman(ValueMode.SIGNED).signAgnostic(),
            MapMeasure.ssim(ValueMode.SIGNED).signAgnostic());

    static float[][] random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] m = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (float[] lead : m) {
            for (int t = 0; t < lead.length; t++) {
                lead[t] = (float) (2 * r.nextDouble() - 1);
            }
        }
        return m;
    }

    static float[][] scaled(float[][] m, float k) {
        float[][] out = new float[m.length][m[0].length];
        for (int l = 0; l < m.length; l++) {
            for (int t = 0; t < m[l].length; t++) {
                out[l][t] = k * m[l][t];
            }
        }
        return out;
    }

    @Test
    void identicalAndPositivelyScaledMapsScoreOne() {
        float[][] a = random(1);
        for (MapMeasure m : ALL) {
            assertEquals(1.0, m.compare(a, a), 1e-12, m.label());
            assertEquals(1.0, m.compare(a, scaled(a, 3.5f)), 1e-6, m.label() + " is scale-free");
        }
    }

    @Test
    void negatedMaps() {
        float[][] a = random(2);
        float[][] neg = scaled(a, -1);
        assertEquals(-1.0, MapMeasure.spearman(ValueMode.SIGNED).compare(a, neg), 1e-12);
        assertEquals(1.0, MapMeasure.spearman(ValueMode.ABSOLUTE).compare(a, neg), 1e-12);
        assertEquals(1.0, MapMeasure.spearman(ValueMode.SIGNED).signAgnostic().compare(a, neg), 1e-12);
        assertEquals(1.0, MapMeasure.ssim(ValueMode.SIGNED).signAgnostic().compare(a, neg), 1e-12);
        assertTrue(MapMeasure.ssim(ValueMode.SIGNED).compare(a, neg) < -0.5, "SSIM of a map and its negation");
        // Sign-agnostic Spearman is |ρ| (ρ(a, −b) = −ρ(a, b)).
        float[][] b = random(3);
        double rho = MapMeasure.spearman(ValueMode.SIGNED).compare(a, b);
        assertEquals(Math.abs(rho), MapMeasure.spearman(ValueMode.SIGNED).signAgnostic().compare(a, b), 1e-12);
    }

    @Test
    void topKOverlapByHand() {
        // k = 10% of 7200 = 720 points. a's top 720 are lead 0 samples 0..599 and lead 1 samples 0..119; b's top
        // 720 are lead 1 samples 0..599 and lead 2 samples 0..119. Shared: lead 1 samples 0..119 = 120 points.
        float[][] a = new float[12][600];
        float[][] b = new float[12][600];
        for (int t = 0; t < 600; t++) {
            a[0][t] = 2;
            b[1][t] = 2;
        }
        for (int t = 0; t < 120; t++) {
            a[1][t] = 1;
            b[2][t] = 1;
        }
        assertEquals(120 / 720.0, MapMeasure.topKOverlap(0.1, ValueMode.ABSOLUTE).compare(a, b), 1e-15);
        // Unrelated random maps share about the fraction itself.
        double random = MapMeasure.topKOverlap(0.1, ValueMode.ABSOLUTE).compare(random(4), random(5));
        assertEquals(0.1, random, 0.04);
    }

    @Test
    void ssimAgainstANaiveTwin() {
        float[][] a = random(6);
        float[][] b = random(7);
        for (int l = 0; l < 12; l++) {
            for (int t = 0; t < 600; t++) {
                b[l][t] = 0.6f * a[l][t] + 0.4f * b[l][t];
            }
        }
        assertEquals(naiveSsim(a, b), MapMeasure.ssim(ValueMode.SIGNED).compare(a, b), 1e-12);
    }

    /**
     * Wang et al. (2004) written out for 1-D windows of 7, after scaling each signed map by its largest |value| and
     * shifting it to [0, 1].
     */
    private static double naiveSsim(float[][] a, float[][] b) {
        double maxA = 0;
        double maxB = 0;
        for (int l = 0; l < 12; l++) {
            for (int t = 0; t < 600; t++) {
                maxA = Math.max(maxA, Math.abs(a[l][t]));
                maxB = Math.max(maxB, Math.abs(b[l][t]));
            }
        }
        double c1 = 0.01 * 0.01;
        double c2 = 0.03 * 0.03;
        double total = 0;
        int count = 0;
        for (int l = 0; l < 12; l++) {
            for (int s = 0; s <= 600 - 7; s++) {
                double[] x = new double[7];
                double[] y = new double[7];
                for (int i = 0; i < 7; i++) {
                    x[i] = (a[l][s + i] / maxA + 1) / 2;
                    y[i] = (b[l][s + i] / maxB + 1) / 2;
                }
                double mx = java.util.Arrays.stream(x).average().orElseThrow();
                double my = java.util.Arrays.stream(y).average().orElseThrow();
                double vx = 0;
                double vy = 0;
                double cxy = 0;
                for (int i = 0; i < 7; i++) {
                    vx += (x[i] - mx) * (x[i] - mx) / 6;
                    vy += (y[i] - my) * (y[i] - my) / 6;
                    cxy += (x[i] - mx) * (y[i] - my) / 6;
                }
                total += (2 * mx * my + c1) * (2 * cxy + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2));
                count++;
            }
        }
        return total / count;
    }

    @Test
    void mapWithoutLeadAxisIsComparedOnTheTimeAxis() {
        float[][] time = new float[1][600];
        float[][] twelve = new float[12][600];
        for (int t = 0; t < 600; t++) {
            time[0][t] = (float) Math.sin(t / 30.0);
            for (int l = 0; l < 12; l++) {
                twelve[l][t] = time[0][t];
            }
        }
        assertEquals(1.0, MapMeasure.spearman(ValueMode.SIGNED).compare(time, twelve), 1e-12);
        assertEquals(1.0, MapMeasure.spearman(ValueMode.SIGNED).compare(twelve, time), 1e-12);
        // The 12-lead map's time profile, Σ_l |a_l(t)|, against the one row: here lead 0 holds the mirror image of
        // the row and the others are zero, so on absolute values the profiles are equal, on signed values opposite.
        float[][] mirrored = new float[12][600];
        for (int t = 0; t < 600; t++) {
            mirrored[0][t] = -time[0][t];
        }
        assertEquals(1.0, MapMeasure.spearman(ValueMode.ABSOLUTE).compare(time, mirrored), 1e-12);
        assertEquals(-1.0, MapMeasure.spearman(ValueMode.SIGNED).compare(time, mirrored), 1e-12);
        assertEquals(1.0, MapMeasure.ssim(ValueMode.SIGNED).compare(time, twelve), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> LeadAxis.broadcast(new float[3][600]));
        assertThrows(IllegalArgumentException.class, () -> MapMeasure.spearman(ValueMode.SIGNED).compare(
                new float[3][600], twelve));
    }

    @Test
    void labelsRoundTripAndBadOnesAreNamed() {
        for (MapMeasure m : ALL) {
            assertEquals(m.label(), MapMeasure.parse(m.label()).label());
        }
        assertEquals("top25_overlap_signed", MapMeasure.parse("TOP25_overlap_signed").label());
        assertEquals("spearman_signed_sign_agnostic", MapMeasure.spearman(ValueMode.SIGNED).signAgnostic().label());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MapMeasure.parse("kendall_abs"));
        assertTrue(e.getMessage().contains("kendall_abs"));
        assertThrows(IllegalArgumentException.class, () -> MapMeasure.parse("spearman_absolute_sign_agnostic"));
        assertThrows(IllegalArgumentException.class, () -> MapMeasure.parse("top0_overlap_absolute"));
        assertThrows(IllegalArgumentException.class, () -> MapMeasure.topKOverlap(1.0, ValueMode.ABSOLUTE));
    }
}
