package org.ecglab.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;
import org.ecglab.data.WaveSegments;

/**
 * Groups the {@code 12 × 600} points of an ECG into {@code F} features, as Captum's {@code feature_mask}: every point
 * carries a feature id in {@code 0..F−1}, each id is used, and points with the same id are perturbed together.
 * Perturbation methods attribute to features and give every point its feature's value (Captum's
 * {@code return_input_shape=True}); experiments use the same masks to aggregate a map by feature.
 *
 * <p>Kinds: every sample its own feature ({@link #samples()}, Captum's default), whole leads ({@link #leads()}), fixed
 * time segments across leads or per lead ({@link #timeSegments}), and wave segments across leads or per lead
 * ({@link #waves}). Immutable; every feature has a label (e.g. {@code "V1"}, {@code "II 100-148 ms"},
 * {@code "QRS"}).
 */
public final class FeatureMask {
    private static final int SIZE = EcgFormat.LEADS * EcgFormat.SAMPLES;
    private static final FeatureMask SAMPLES = buildSamples();

    private final int[] ids;
    private final int count;
    private final List<String> labels;
    private final int[][] members;

    private FeatureMask(int[] ids, int count, List<String> labels) {
        this.ids = ids;
        this.count = count;
        this.labels = List.copyOf(labels);
        int[] sizes = new int[count];
        for (int id : ids) {
            sizes[id]++;
        }
        this.members = new int[count][];
        for (int f = 0; f < count; f++) {
            members[f] = new int[sizes[f]];
        }
        int[] fill = new int[count];
        for (int i = 0; i < ids.length; i++) {
            members[ids[i]][fill[ids[i]]++] = i;
        }
    }

    /**
     * A mask from feature ids, labelled {@code "feature k"}.
     *
     * @param ids {@code [12][600]} feature ids
     * @throws IllegalArgumentException if the shape is not {@code [12][600]}, an id is negative, or the ids are not
     *                                  exactly {@code 0..F−1} (an unused id below the largest)
     */
    public static FeatureMask of(int[][] ids) {
        return of(ids, null);
    }

    /**
     * A mask from feature ids with one label per feature (null: {@code "feature k"}).
     *
     * @throws IllegalArgumentException as {@link #of(int[][])}, or if the labels are not one per feature
     */
    public static FeatureMask of(int[][] ids, List<String> labels) {
        if (ids == null || ids.length != EcgFormat.LEADS) {
            throw new IllegalArgumentException("feature mask has " + (ids == null ? "no" : ids.length) + " rows; expected "
                    + EcgFormat.LEADS + " (one per lead) of " + EcgFormat.SAMPLES + " feature ids");
        }
        int[] flat = new int[SIZE];
        int max = -1;
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            if (ids[l] == null || ids[l].length != EcgFormat.SAMPLES) {
                throw new IllegalArgumentException("feature mask row " + l + " has " + (ids[l] == null ? 0 : ids[l].length)
                        + " ids; expected " + EcgFormat.SAMPLES);
            }
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                int id = ids[l][t];
                if (id < 0) {
                    throw new IllegalArgumentException("feature mask [" + l + "][" + t + "] is " + id
                            + "; feature ids are 0..F-1");
                }
                flat[l * EcgFormat.SAMPLES + t] = id;
                max = Math.max(max, id);
            }
        }
        boolean[] used = new boolean[max + 1];
        for (int id : flat) {
            used[id] = true;
        }
        for (int f = 0; f <= max; f++) {
            if (!used[f]) {
                throw new IllegalArgumentException("feature mask ids must be contiguous 0.." + max + ", but id " + f
                        + " is never used");
            }
        }
        List<String> names = labels;
        if (names == null) {
            names = new ArrayList<>();
            for (int f = 0; f <= max; f++) {
                names.add("feature " + f);
            }
        } else if (names.size() != max + 1) {
            throw new IllegalArgumentException(names.size() + " labels for a feature mask of " + (max + 1) + " features");
        }
        return new FeatureMask(flat, max + 1, names);
    }

    /** Every sample of every lead its own feature, id {@code lead·600 + t} (Captum's default mask). */
    public static FeatureMask samples() {
        return SAMPLES;
    }

    private static FeatureMask buildSamples() {
        int[] ids = new int[SIZE];
        List<String> labels = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            ids[i] = i;
            labels.add(Lead.values()[i / EcgFormat.SAMPLES].label() + " " + (i % EcgFormat.SAMPLES));
        }
        return new FeatureMask(ids, SIZE, labels);
    }

    /** One feature per lead (12 features, id = lead index). */
    public static FeatureMask leads() {
        int[][] ids = new int[EcgFormat.LEADS][EcgFormat.SAMPLES];
        List<String> labels = new ArrayList<>();
        for (Lead lead : Lead.values()) {
            Arrays.fill(ids[lead.index()], lead.index());
            labels.add(lead.label());
        }
        return of(ids, labels);
    }

    /**
     * Consecutive time segments of {@code width} samples (the last one shorter when 600 is not a multiple), across
     * all leads ({@code ⌈600/width⌉} features) or per lead ({@code 12·⌈600/width⌉} features, lead-major).
     *
     * @throws IllegalArgumentException if {@code width} is not in {@code 1..600}
     */
    public static FeatureMask timeSegments(int width, boolean perLead) {
        if (width < 1 || width > EcgFormat.SAMPLES) {
            throw new IllegalArgumentException("time segment width " + width + " is not in 1.." + EcgFormat.SAMPLES
                    + " samples");
        }
        int segments = (EcgFormat.SAMPLES + width - 1) / width;
        int[][] ids = new int[EcgFormat.LEADS][EcgFormat.SAMPLES];
        List<String> labels = new ArrayList<>();
        for (int l = 0; l < (perLead ? EcgFormat.LEADS : 1); l++) {
            for (int s = 0; s < segments; s++) {
                int last = Math.min(EcgFormat.SAMPLES, (s + 1) * width) - 1;
                labels.add((perLead ? Lead.values()[l].label() + " " : "") + String.format(Locale.ROOT, "%.0f-%.0f ms",
                        EcgFormat.sampleToMs(s * width), EcgFormat.sampleToMs(last)));
            }
        }
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                ids[l][t] = (perLead ? l * segments : 0) + t / width;
            }
        }
        return of(ids, labels);
    }

    /**
     * The waves of one beat ({@link WaveSegments}: P, PR, QRS, ST, T and the rest) across all leads, or per lead
     * (lead-major). Waves the beat does not have (no P onset, no T end) are left out, so the ids stay contiguous.
     */
    public static FeatureMask waves(WaveSegments segments, boolean perLead) {
        Objects.requireNonNull(segments, "segments");
        List<WaveSegments.Wave> present = segments.present();
        WaveSegments.Wave[] waveOf = segments.waveOfSample();
        int k = present.size();
        int[][] ids = new int[EcgFormat.LEADS][EcgFormat.SAMPLES];
        List<String> labels = new ArrayList<>();
        for (int l = 0; l < (perLead ? EcgFormat.LEADS : 1); l++) {
            for (WaveSegments.Wave w : present) {
                labels.add((perLead ? Lead.values()[l].label() + " " : "") + w.name());
            }
        }
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                ids[l][t] = (perLead ? l * k : 0) + present.indexOf(waveOf[t]);
            }
        }
        return of(ids, labels);
    }

    /** Number of features {@code F}. */
    public int featureCount() {
        return count;
    }

    /** Feature id of point ({@code lead}, {@code t}). */
    public int featureOf(int lead, int t) {
        return ids[lead * EcgFormat.SAMPLES + t];
    }

    /** Feature ids of the points in lead-major order ({@code lead·600 + t}), 7200 entries; a copy. */
    public int[] flatIds() {
        return ids.clone();
    }

    /** The points of feature {@code f} as lead-major indices {@code lead·600 + t}, ascending; a copy. */
    public int[] members(int f) {
        return members[f].clone();
    }

    /** Number of points in feature {@code f}. */
    public int size(int f) {
        return members[f].length;
    }

    /** The label of feature {@code f}. */
    public String label(int f) {
        return labels.get(f);
    }

    /** One label per feature. */
    public List<String> labels() {
        return labels;
    }

    /** The ids as {@code [12][600]}; a copy. */
    public int[][] toArray() {
        int[][] out = new int[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            System.arraycopy(ids, l * EcgFormat.SAMPLES, out[l], 0, EcgFormat.SAMPLES);
        }
        return out;
    }

    /**
     * A map that gives every point its feature's value (Captum's {@code return_input_shape=True}).
     *
     * @param perFeature one value per feature
     * @return {@code [12][600]}
     */
    public float[][] spread(double[] perFeature) {
        if (perFeature.length != count) {
            throw new IllegalArgumentException(perFeature.length + " values for a mask of " + count + " features");
        }
        float[][] out = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int i = 0; i < SIZE; i++) {
            out[i / EcgFormat.SAMPLES][i % EcgFormat.SAMPLES] = (float) perFeature[ids[i]];
        }
        return out;
    }

    /**
     * The sum of a map over each feature's points: a map aggregated to features.
     *
     * @param map {@code [12][600]}
     */
    public double[] sumByFeature(float[][] map) {
        double[] out = new double[count];
        for (int i = 0; i < SIZE; i++) {
            out[ids[i]] += map[i / EcgFormat.SAMPLES][i % EcgFormat.SAMPLES];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureMask m && Arrays.equals(ids, m.ids) && labels.equals(m.labels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "FeatureMask[" + count + " features" + (count <= 12 ? " " + labels : "") + "]";
    }
}
