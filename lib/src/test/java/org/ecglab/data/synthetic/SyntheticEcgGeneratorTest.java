package org.ecglab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticEcgGeneratorTest {
    private static final SyntheticEcgGenerator NOISY = new SyntheticEcgGenerator(SyntheticConfig.defaults());

    @ParameterizedTest
    @EnumSource(DiagnosticClass.class)
    void limbLeadIdentitiesHoldOnEveryOutputArray(DiagnosticClass cls) {
        for (long seed = 1; seed <= 30; seed++) {
            SyntheticBeat b = NOISY.beat(cls, seed);
            for (float[][] e : new float[][][] {b.signal(), b.cleanSignal(), b.cleanWithoutPathology()}) {
                float[] i = e[Lead.I.index()];
                float[] ii = e[Lead.II.index()];
                for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                    assertEquals(ii[t] - i[t], e[Lead.III.index()][t], 1e-5);
                    assertEquals(-(i[t] + ii[t]) / 2, e[Lead.AVR.index()][t], 1e-5);
                    assertEquals(i[t] - ii[t] / 2, e[Lead.AVL.index()][t], 1e-5);
                    assertEquals(ii[t] - i[t] / 2, e[Lead.AVF.index()][t], 1e-5);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DiagnosticClass.class)
    void outputHasTheLabFormatAndRecordsItsInputs(DiagnosticClass cls) {
        SyntheticBeat b = NOISY.beat(cls, 42);
        EcgFormat.validate(b.signal(), "signal");
        EcgFormat.validate(b.cleanSignal(), "clean");
        EcgFormat.validate(b.cleanWithoutPathology(), "clean without pathology");
        EcgFormat.validate(b.mask(), "mask");
        assertEquals(cls == DiagnosticClass.NORM ? java.util.List.of() : java.util.List.of(cls),
                b.findings().stream().map(Finding::cls).toList());
        for (DiagnosticClass c : DiagnosticClass.ALL) {
            assertEquals(c == cls, b.hasLabel(c), c.id());
        }
        assertEquals(42, b.seed());
    }

    @ParameterizedTest
    @EnumSource(DiagnosticClass.class)
    void sameSeedGivesIdenticalArraysAndOtherSeedsDiffer(DiagnosticClass cls) {
        SyntheticBeat a = NOISY.beat(cls, 7);
        SyntheticBeat b = new SyntheticEcgGenerator(SyntheticConfig.defaults()).beat(cls, 7);
        assertTrue(Arrays.deepEquals(a.signal(), b.signal()));
        assertTrue(Arrays.deepEquals(a.cleanSignal(), b.cleanSignal()));
        assertTrue(Arrays.deepEquals(a.mask(), b.mask()));
        assertEquals(a.patient(), b.patient());
        SyntheticBeat c = NOISY.beat(cls, 8);
        assertFalse(Arrays.deepEquals(a.signal(), c.signal()));
        assertFalse(Arrays.deepEquals(a.cleanSignal(), c.cleanSignal()));
    }

    /** A seed is a patient: every class is that patient with one disease, and NORM is the patient as is. */
    @ParameterizedTest
    @EnumSource(DiagnosticClass.class)
    void theSeedFixesThePatientAcrossClasses(DiagnosticClass cls) {
        SyntheticBeat normal = NOISY.beat(DiagnosticClass.NORM, 11);
        SyntheticBeat sick = NOISY.beat(cls, 11);
        assertTrue(Arrays.deepEquals(normal.cleanSignal(), sick.cleanWithoutPathology()));
        assertEquals(normal.patient().heartRateBpm(), sick.patient().heartRateBpm());
        assertEquals(normal.patient().qrsOnsetMs(), sick.patient().qrsOnsetMs());
        // Same noise: the noisy signals differ only where the pathology is.
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                double noiseSick = sick.signal()[l][t] - sick.cleanSignal()[l][t];
                double noiseNormal = normal.signal()[l][t] - normal.cleanSignal()[l][t];
                assertEquals(noiseNormal, noiseSick, 1e-5);
            }
        }
    }

    @Test
    void normalBeatHasCleanCopiesThatAreNotShared() {
        SyntheticBeat b = NOISY.beat(DiagnosticClass.NORM, 3);
        assertNotSame(b.cleanSignal(), b.cleanWithoutPathology());
        assertTrue(Arrays.deepEquals(b.cleanSignal(), b.cleanWithoutPathology()));
    }

    @Test
    void noiseFreeSignalEqualsTheCleanSignal() {
        SyntheticBeat b = new SyntheticEcgGenerator(SyntheticConfig.noiseFree()).beat(DiagnosticClass.ASTE, 5);
        assertTrue(Arrays.deepEquals(b.signal(), b.cleanSignal()));
    }

    /**
     * Each patient's muscle noise has the configured typical standard deviation times a factor in [1/2, 2], and the
     * factors are spread over that range (log-uniform: their geometric mean is about 1).
     */
    @Test
    void muscleNoiseLevelsVaryAroundTheConfiguredStandardDeviation() {
        double sd = 0.05;
        SyntheticEcgGenerator g = new SyntheticEcgGenerator(SyntheticConfig.noiseFree().withNoise(0, sd));
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        double logSum = 0;
        int patients = 60;
        for (long seed = 1; seed <= patients; seed++) {
            SyntheticBeat b = g.beat(DiagnosticClass.NORM, seed);
            double sum = 0;
            double sumSq = 0;
            int n = 0;
            for (Lead l : DowerProjection.INDEPENDENT) {
                for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                    double e = b.signal()[l.index()][t] - b.cleanSignal()[l.index()][t];
                    sum += e;
                    sumSq += e * e;
                    n++;
                }
            }
            double mean = sum / n;
            double factor = Math.sqrt(sumSq / n - mean * mean) / sd;
            assertTrue(factor >= 0.5 * 0.93 && factor <= 2 * 1.07, "seed " + seed + ": noise factor " + factor);
            lowest = Math.min(lowest, factor);
            highest = Math.max(highest, factor);
            logSum += Math.log(factor) / Math.log(2);
        }
        assertTrue(lowest < 0.65 && highest > 1.6, "factors span only " + lowest + ".." + highest);
        assertEquals(0, logSum / patients, 0.2, "mean log2 factor");
    }

    @Test
    void baselineWanderIsSlowAndBounded() {
        double amplitude = 0.2;
        SyntheticEcgGenerator g = new SyntheticEcgGenerator(SyntheticConfig.noiseFree().withNoise(amplitude, 0));
        for (long seed = 1; seed <= 20; seed++) {
            SyntheticBeat b = g.beat(DiagnosticClass.NORM, seed);
            float[] lead = b.signal()[Lead.V2.index()];
            float[] clean = b.cleanSignal()[Lead.V2.index()];
            double maxAbs = 0;
            double maxStep = 0;
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                double w = lead[t] - clean[t];
                maxAbs = Math.max(maxAbs, Math.abs(w));
                if (t > 0) {
                    maxStep = Math.max(maxStep, Math.abs(w - (lead[t - 1] - clean[t - 1])));
                }
            }
            // The patient's amplitude is at most 2x the typical one; two sinusoids of at most that amplitude.
            assertTrue(maxAbs > 0 && maxAbs <= 2 * 2 * amplitude, "wander amplitude " + maxAbs);
            // Frequencies of at most 0.7 Hz: slope <= 2 · 2A · 2π · 0.7 Hz, per 2 ms sample.
            assertTrue(maxStep <= 2 * 2 * amplitude * 2 * Math.PI * 0.7 * 0.002 + 1e-6, "wander step " + maxStep);
        }
    }

    @Test
    void nullClassIsRejected() {
        assertThrows(NullPointerException.class, () -> NOISY.beat((DiagnosticClass) null, 1));
    }

    @Test
    void generatorKeepsItsConfig() {
        SyntheticConfig c = SyntheticConfig.noiseFree();
        assertSame(c, new SyntheticEcgGenerator(c).config());
    }
}
