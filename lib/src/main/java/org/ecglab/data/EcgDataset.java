package org.ecglab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A set of 12-lead median beats in the lab's format ({@link EcgFormat}) with multi-hot labels over the nine
 * {@link DiagnosticClass}es, a {@link Split} per record and, for synthetic data, a ground-truth mask per record.
 * Synthetic and real (PTB-XL+) data both load into this type. Immutable: accessors return the stored arrays,
 * which callers must not modify.
 */
public final class EcgDataset {
    private final String name;
    private final List<String> ids;
    private final float[][][] signals;
    private final boolean[][] labels;
    private final Split[] splits;
    private final float[][][] masks;

    /**
     * @param name   a short description of where the data came from (e.g. "synthetic seed=1 n=900")
     * @param ids    one unique id per record
     * @param signals {@code [N][12][600]} in mV, finite
     * @param labels {@code [N][9]} multi-hot over {@link DiagnosticClass} ordinals
     * @param splits one split per record
     * @param masks  {@code [N][12][600]} ground truth (1 where a pathology changed the signal), or null when
     *               unknown (real data); an individual entry may be null for a record without a mask
     * @throws IllegalArgumentException naming the first record whose shape or values are wrong
     */
    public EcgDataset(String name, List<String> ids, float[][][] signals, boolean[][] labels, Split[] splits,
            float[][][] masks) {
        this.name = Objects.requireNonNull(name, "name");
        int n = signals.length;
        if (ids.size() != n || labels.length != n || splits.length != n || (masks != null && masks.length != n)) {
            throw new IllegalArgumentException(name + ": inconsistent record counts: " + n + " signals, "
                    + ids.size() + " ids, " + labels.length + " label rows, " + splits.length + " splits"
                    + (masks == null ? "" : ", " + masks.length + " masks"));
        }
        for (int i = 0; i < n; i++) {
            String src = name + " record " + ids.get(i);
            EcgFormat.validate(signals[i], src);
            if (labels[i] == null || labels[i].length != DiagnosticClass.ALL.size()) {
                throw new IllegalArgumentException(src + ": expected " + DiagnosticClass.ALL.size() + " labels");
            }
            Objects.requireNonNull(splits[i], src + ": split");
            if (masks != null && masks[i] != null) {
                EcgFormat.validate(masks[i], src + " mask");
            }
        }
        if (ids.stream().distinct().count() != n) {
            throw new IllegalArgumentException(name + ": record ids are not unique");
        }
        this.ids = List.copyOf(ids);
        this.signals = signals;
        this.labels = labels;
        this.splits = splits;
        this.masks = masks;
    }

    /** Where the data came from. */
    public String name() {
        return name;
    }

    /** Number of records. */
    public int size() {
        return signals.length;
    }

    /** Record ids in order. */
    public List<String> ids() {
        return ids;
    }

    /** Signal of record {@code i}, {@code [12][600]} in mV. */
    public float[][] signal(int i) {
        return signals[i];
    }

    /** All signals, {@code [N][12][600]}. */
    public float[][][] signals() {
        return signals;
    }

    /** Whether record {@code i} carries class {@code c}. */
    public boolean hasLabel(int i, DiagnosticClass c) {
        return labels[i][c.ordinal()];
    }

    /** Multi-hot label row of record {@code i}. */
    public boolean[] labels(int i) {
        return labels[i];
    }

    /** Split of record {@code i}. */
    public Split split(int i) {
        return splits[i];
    }

    /** Whether ground-truth masks are present. */
    public boolean hasMasks() {
        return masks != null;
    }

    /** Ground-truth mask of record {@code i} ({@code [12][600]}, 1 inside), or null if there is none. */
    public float[][] mask(int i) {
        return masks == null ? null : masks[i];
    }

    /** Binary targets for one task: 1 where the record carries {@code c}, else 0. */
    public int[] targets(DiagnosticClass c) {
        int[] y = new int[size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i][c.ordinal()] ? 1 : 0;
        }
        return y;
    }

    /** Indices of the records in {@code split}, ascending. */
    public int[] indices(Split split) {
        return java.util.stream.IntStream.range(0, size()).filter(i -> splits[i] == split).toArray();
    }

    /** Indices of the records in {@code split} that carry {@code c}, ascending. */
    public int[] positives(Split split, DiagnosticClass c) {
        return Arrays.stream(indices(split)).filter(i -> labels[i][c.ordinal()]).toArray();
    }

    /** A new dataset of the given records, in the given order. */
    public EcgDataset subset(int[] indices) {
        List<String> subIds = new ArrayList<>(indices.length);
        float[][][] s = new float[indices.length][][];
        boolean[][] l = new boolean[indices.length][];
        Split[] sp = new Split[indices.length];
        float[][][] m = masks == null ? null : new float[indices.length][][];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            subIds.add(ids.get(i));
            s[k] = signals[i];
            l[k] = labels[i];
            sp[k] = splits[i];
            if (m != null) {
                m[k] = masks[i];
            }
        }
        return new EcgDataset(name, subIds, s, l, sp, m);
    }

    /**
     * The same records (ids, labels, splits, masks) with other signals, e.g. perturbed copies of the ECGs.
     *
     * @param signals {@code [N][12][600]}, one per record, in record order
     * @throws IllegalArgumentException if the count or a signal's shape or values are wrong
     */
    public EcgDataset withSignals(String newName, float[][][] signals) {
        return new EcgDataset(newName, ids, signals, labels, splits, masks);
    }

    /** The records of one split. */
    public EcgDataset subset(Split split) {
        return subset(indices(split));
    }

    /** Number of records carrying each class, per split. */
    public Map<Split, Map<DiagnosticClass, Integer>> classCounts() {
        Map<Split, Map<DiagnosticClass, Integer>> counts = new EnumMap<>(Split.class);
        for (Split sp : Split.values()) {
            Map<DiagnosticClass, Integer> m = new EnumMap<>(DiagnosticClass.class);
            for (DiagnosticClass c : DiagnosticClass.values()) {
                m.put(c, 0);
            }
            counts.put(sp, m);
        }
        for (int i = 0; i < size(); i++) {
            for (DiagnosticClass c : DiagnosticClass.values()) {
                if (labels[i][c.ordinal()]) {
                    counts.get(splits[i]).merge(c, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    @Override
    public String toString() {
        return "EcgDataset[" + name + ", " + size() + " records, train/val/test = " + indices(Split.TRAIN).length
                + "/" + indices(Split.VALIDATION).length + "/" + indices(Split.TEST).length
                + (hasMasks() ? ", with ground-truth masks" : "") + "]";
    }
}
