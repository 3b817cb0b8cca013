package org.ecglab.attribution.perturbation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.FeatureMask;
import org.ecglab.attribution.FiducialSource;
import org.ecglab.attribution.TinyModels;
import org.ecglab.data.BeatFiducials;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.WaveSegments;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For {@code f(x) = W x + b}, replacing a set of points by the baseline drops the logit by
 * {@code Σ_{i∈set} w_i (x_i − x'_i)}: feature ablation gives each feature that sum, occlusion each point the mean of
 * the sums of the windows that cover it (computed here directly from the weights, window by window).
 */
class LinearModelAblationTest {
    private static float[][] w;
    private static EcgClassifier model;
    private static float[][][] x;
    private static float[][][] base;
    private static final int[] TARGETS = {0, 1, 1};

    @BeforeAll
    static void setUp() {
        w = TinyModels.randomWeights(21);
        model = TinyModels.linear(w, new float[] {0.5f, -0.25f});
        x = TinyModels.ecgs(3, 22);
        base = TinyModels.ecgs(3, 23);
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    /** {@code w_target ⊙ (x − x')}, lead-major, in double. */
    private static double[] contributions(int i, float[][] baseline) {
        double[] c = new double[TinyModels.D];
        for (int p = 0; p < c.length; p++) {
            int l = p / EcgFormat.SAMPLES;
            int t = p % EcgFormat.SAMPLES;
            c[p] = (double) w[TARGETS[i]][p] * ((double) x[i][l][t] - baseline[l][t]);
        }
        return c;
    }

    private static void assertFeatureSums(Attribution a, FeatureMask mask, float[][][] baselines, double tol) {
        for (int i = 0; i < x.length; i++) {
            double[] c = contributions(i, baselines[i]);
            double[] expected = new double[mask.featureCount()];
            for (int p = 0; p < c.length; p++) {
                expected[mask.featureOf(p / EcgFormat.SAMPLES, p % EcgFormat.SAMPLES)] += c[p];
            }
            for (int p = 0; p < c.length; p++) {
                int l = p / EcgFormat.SAMPLES;
                int t = p % EcgFormat.SAMPLES;
                assertEquals(expected[mask.featureOf(l, t)], a.map(i)[l][t], tol, "ECG " + i + " point " + p);
            }
        }
    }

    @Test
    void featureAblationByLeadSegmentAndSampleIsTheFeaturesSumOfWeightTimesDifference() {
        for (String kind : List.of("leads", "segments:25", "segments:7:per_lead", "samples")) {
            Attribution a = AttributionMethods.create("feature_ablation", Map.of("feature_mask", kind))
                    .attribute(model, x, TARGETS, Baselines.of(base));
            FeatureMask mask = org.ecglab.attribution.FeatureMaskSpec.parse(kind).maskFor(x[0], null);
            assertFeatureSums(a, mask, base, 2e-4);
            assertNull(a.convergenceDelta());
            assertArrayEquals(new int[] {3, 12, 600}, a.samples().get("feature_mask").shape(), kind);
        }
    }

    @Test
    void featureAblationByWavesUsesEachEcgsOwnFiducials() {
        List<BeatFiducials> points = List.of(new BeatFiducials(100, 180, 225, 380, 800),
                new BeatFiducials(BeatFiducials.ABSENT, 150, 210, 400, Double.NaN),
                new BeatFiducials(50, 175, 230, BeatFiducials.ABSENT, 900));
        Attribution a = ((FeatureAblation) AttributionMethods.create("feature_ablation",
                Map.of("feature_mask", "waves:per_lead"))).withFiducials(FiducialSource.given(x, points))
                .attribute(model, x, TARGETS);
        float[][][] zeros = new float[3][EcgFormat.LEADS][EcgFormat.SAMPLES];
        long[] masks = a.samples().get("feature_mask").toLongs();
        for (int i = 0; i < x.length; i++) {
            FeatureMask mask = FeatureMask.waves(WaveSegments.of(points.get(i)), true);
            double[] c = contributions(i, zeros[i]);
            double[] expected = new double[mask.featureCount()];
            for (int p = 0; p < c.length; p++) {
                expected[mask.featureOf(p / EcgFormat.SAMPLES, p % EcgFormat.SAMPLES)] += c[p];
                assertEquals(mask.featureOf(p / EcgFormat.SAMPLES, p % EcgFormat.SAMPLES),
                        masks[i * TinyModels.D + p], "recorded mask of ECG " + i);
            }
            for (int p = 0; p < c.length; p++) {
                int l = p / EcgFormat.SAMPLES;
                int t = p % EcgFormat.SAMPLES;
                assertEquals(expected[mask.featureOf(l, t)], a.map(i)[l][t], 2e-4);
            }
        }
        assertEquals(12 * 6, FeatureMask.waves(WaveSegments.of(points.get(0)), true).featureCount());
        assertEquals(12 * 4, FeatureMask.waves(WaveSegments.of(points.get(1)), true).featureCount(), "no P, no PR");
    }

    @Test
    void occlusionAveragesTheDropsOfTheWindowsCoveringEachPoint() {
        // (window leads, window samples, stride leads, stride samples): disjoint, overlapping, cut at the edge,
        // all leads at once, single points
        List<int[]> settings = List.of(new int[] {1, 50, 1, 50}, new int[] {1, 50, 1, 25}, new int[] {5, 70, 2, 60},
                new int[] {12, 100, 1, 100}, new int[] {1, 1, 1, 1});
        float[][][] oneBaseline = {base[1]};
        for (int[] s : settings) {
            Attribution a = AttributionMethods.create("occlusion", Map.of("sliding_window_shapes", List.of(s[0], s[1]),
                    "strides", List.of(s[2], s[3]))).attribute(model, x, TARGETS, Baselines.of(oneBaseline));
            List<Integer> leadStarts = starts(EcgFormat.LEADS, s[0], s[2]);
            List<Integer> timeStarts = starts(EcgFormat.SAMPLES, s[1], s[3]);
            for (int i = 0; i < x.length; i++) {
                double[] c = contributions(i, base[1]);
                double[] sum = new double[c.length];
                int[] count = new int[c.length];
                for (int l0 : leadStarts) {
                    for (int t0 : timeStarts) {
                        double drop = 0;
                        for (int l = l0; l < Math.min(EcgFormat.LEADS, l0 + s[0]); l++) {
                            for (int t = t0; t < Math.min(EcgFormat.SAMPLES, t0 + s[1]); t++) {
                                drop += c[l * EcgFormat.SAMPLES + t];
                            }
                        }
                        for (int l = l0; l < Math.min(EcgFormat.LEADS, l0 + s[0]); l++) {
                            for (int t = t0; t < Math.min(EcgFormat.SAMPLES, t0 + s[1]); t++) {
                                sum[l * EcgFormat.SAMPLES + t] += drop;
                                count[l * EcgFormat.SAMPLES + t]++;
                            }
                        }
                    }
                }
                for (int p = 0; p < c.length; p++) {
                    assertEquals(sum[p] / count[p], a.map(i)[p / EcgFormat.SAMPLES][p % EcgFormat.SAMPLES], 2e-4,
                            java.util.Arrays.toString(s) + " ECG " + i + " point " + p);
                }
            }
        }
    }

    /** Window starts: from 0 by {@code stride} until a window reaches the end (the last may be cut there). */
    private static List<Integer> starts(int size, int window, int stride) {
        List<Integer> out = new java.util.ArrayList<>();
        int s = 0;
        out.add(s);
        while (s + window < size) {
            s += stride;
            out.add(s);
        }
        return out;
    }

    @Test
    void batchSizeChangesNothing() {
        Map<String, Object> p = Map.of("feature_mask", "segments:30:per_lead");
        Attribution one = AttributionMethods.create("feature_ablation", merge(p, 1)).attribute(model, x, TARGETS);
        Attribution many = AttributionMethods.create("feature_ablation", merge(p, 97)).attribute(model, x, TARGETS);
        // one input per pass or 97: the logits (about 40 here) differ only by float32 rounding
        assertEquals(0, TinyModels.maxAbsDiff(one.values(), many.values()), 2e-4);
    }

    private static Map<String, Object> merge(Map<String, Object> p, int perturbationsPerEval) {
        Map<String, Object> out = new java.util.HashMap<>(p);
        out.put("perturbations_per_eval", perturbationsPerEval);
        return out;
    }
}
