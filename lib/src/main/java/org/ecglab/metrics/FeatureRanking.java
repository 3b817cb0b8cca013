package org.ecglab.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ecglab.data.EcgFormat;

/**
 * The features a perturbation test removes and their order. A feature is a window of {@code segment} consecutive
 * samples of one lead (the last window of a lead may be shorter); {@code segment = 1} perturbs sample by sample.
 * Feature {@code f} covers lead {@code f / w} and samples {@code (f % w) · segment ...}, with
 * {@code w = ceil(600 / segment)} windows per lead. A feature's relevance is the sum of the map's values over it, with
 * {@link ValueMode} applied to each value first; maps without a lead axis are broadcast ({@link LeadAxis}), so their
 * 12 leads tie at every time point.
 *
 * <p>Relevance is compared in float precision (a map's own precision). Ties are broken at random when a seeded
 * random source is given, else by feature index: a rectified map (guided backpropagation, Grad-CAM after its ReLU)
 * has thousands of equal zeros, and breaking their ties by index would remove them lead by lead, lead I first, so
 * that the curve measured the order of the leads rather than the map.
 */
public final class FeatureRanking {
    private FeatureRanking() {
    }

    /** Features of a 12-lead ECG at this segment length: {@code 12 · ceil(600 / segment)}. */
    public static int featureCount(int segment) {
        checkSegment(segment);
        return EcgFormat.LEADS * windowsPerLead(segment);
    }

    /**
     * Feature indices in removal order.
     *
     * @param map     {@code [12][600]} or {@code [1][600]}; ignored for {@link PerturbationOrder#RANDOM}
     * @param segment window length in samples, 1..600
     * @param values  relevance by signed value (the map as it is) or by magnitude
     * @param order   MoRF, LeRF or random
     * @param random  draws of the random order, and of the tie-breaking of MoRF and LeRF (null: ties by index)
     */
    public static int[] rank(float[][] map, int segment, ValueMode values, PerturbationOrder order,
            SplittableRandom random) {
        int count = featureCount(segment);
        if (order == PerturbationOrder.RANDOM) {
            return shuffled(count, random);
        }
        double[] relevance = relevance(LeadAxis.broadcast(map), segment, values);
        // Sorting packed primitive keys instead of boxed indices with a comparator: the experiments rank thousands of
        // maps. The key holds the relevance as a float (exact for one sample, a float map's value; a sum of a window's
        // floats is rounded to float) in the high half and the feature index in the low half, so equal relevance
        // falls back to index order.
        // With a random source the low half holds a random position instead of the index, so ties fall in random
        // order; the position maps back to the feature through tieOrder.
        int[] tieOrder = random == null ? null : shuffled(count, random);
        long[] keys = new long[count];
        for (int f = 0; f < count; f++) {
            float r = (float) (order == PerturbationOrder.MORF ? -relevance[f] : relevance[f]);
            int bits = Float.floatToIntBits(r == 0 ? 0f : r);
            int position = tieOrder == null ? f : tieOrder[f];
            keys[f] = ((long) (bits ^ ((bits >> 31) & 0x7FFFFFFF)) << 32) | position;
        }
        Arrays.sort(keys);
        int[] featureAt = new int[count];
        for (int f = 0; f < count; f++) {
            featureAt[tieOrder == null ? f : tieOrder[f]] = f;
        }
        int[] ranking = new int[count];
        for (int i = 0; i < count; i++) {
            ranking[i] = featureAt[(int) keys[i]];
        }
        return ranking;
    }

    /** A Fisher–Yates permutation of {@code 0..count-1}. */
    private static int[] shuffled(int count, SplittableRandom random) {
        int[] perm = IntStream.range(0, count).toArray();
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        return perm;
    }

    /** Per feature, the sum of {@code values.apply(a)} over its samples. */
    public static double[] relevance(float[][] map, int segment, ValueMode values) {
        int w = windowsPerLead(segment);
        if (map.length != EcgFormat.LEADS) {
            throw new IllegalArgumentException("map has " + map.length + " leads; broadcast it first");
        }
        double[] r = new double[EcgFormat.LEADS * w];
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                if (!Float.isFinite(map[l][t])) {
                    throw new IllegalArgumentException("map value at lead " + l + ", sample " + t + " is "
                            + map[l][t]);
                }
                r[l * w + t / segment] += values.apply(map[l][t]);
            }
        }
        return r;
    }

    /**
     * The points covered by the first {@code removedFeatures} features of {@code ranking}.
     *
     * @throws IllegalArgumentException if {@code removedFeatures} is outside {@code [0, ranking.length]}
     */
    public static boolean[][] removed(int[] ranking, int removedFeatures, int segment) {
        if (removedFeatures < 0 || removedFeatures > ranking.length) {
            throw new IllegalArgumentException("cannot remove " + removedFeatures + " of " + ranking.length
                    + " features");
        }
        int w = windowsPerLead(segment);
        boolean[][] out = new boolean[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int i = 0; i < removedFeatures; i++) {
            int lead = ranking[i] / w;
            int from = (ranking[i] % w) * segment;
            Arrays.fill(out[lead], from, Math.min(EcgFormat.SAMPLES, from + segment), true);
        }
        return out;
    }

    /** Features removed at {@code percent}% of {@code featureCount}: {@code round(percent / 100 · featureCount)}. */
    public static int featuresAt(double percent, int featureCount) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentage must be in [0, 100], got " + percent);
        }
        return (int) Math.round(percent / 100 * featureCount);
    }

    private static int windowsPerLead(int segment) {
        checkSegment(segment);
        return (EcgFormat.SAMPLES + segment - 1) / segment;
    }

    private static void checkSegment(int segment) {
        if (segment < 1 || segment > EcgFormat.SAMPLES) {
            throw new IllegalArgumentException("segment length must be in 1.." + EcgFormat.SAMPLES + " samples, got "
                    + segment);
        }
    }
}
