package org.ecglab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecglab.data.npy.NpyRecords;

/**
 * A set of 12-lead median beats in the lab's format ({@link EcgFormat}) with multi-hot labels over the nine
 * {@link DiagnosticClass}es, a {@link Split} per record and, optionally, per record: a ground-truth mask, the labels
 * before label noise (both known for synthetic data only), and the {@link BeatFiducials} of the beat (its fiducial
 * points and RR interval).
 * Synthetic and real (PTB-XL+) data both load into this type. Immutable: accessors return the stored arrays,
 * which callers must not modify.
 *
 * <p>Signals and masks are held as {@link NpyRecords}: Java arrays, or memory-mapped from a dataset file
 * ({@link EcgDatasetFiles#load}), so a dataset of a million ECGs (29 GB of signals) is used without holding it in
 * the Java heap. Ids, labels and splits are always in memory. Read mapped datasets record by record or in chunks
 * ({@link #signal}, {@link #signals(int, int)}); {@link #signals()} copies all of them into memory.
 */
public final class EcgDataset {
    private final String name;
    private final List<String> ids;
    private final NpyRecords signals;
    /** The caller's array when the signals are in memory, so {@link #signals()} hands back what it was given. */
    private final float[][][] signalArrays;
    private final boolean[][] labels;
    private final Split[] splits;
    private final NpyRecords masks;
    private final boolean[][] trueLabels;
    private final BeatFiducials[] fiducials;

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
        this(name, ids, NpyRecords.of(signals), signals, labels, splits, masks == null ? null : NpyRecords.of(masks),
                true);
    }

    /**
     * A dataset over records that may be memory-mapped.
     *
     * @param validate whether to check every record's shape and values (false only for records a loader has just
     *                 checked in its own pass over the file)
     */
    EcgDataset(String name, List<String> ids, NpyRecords signals, float[][][] signalArrays, boolean[][] labels,
            Split[] splits, NpyRecords masks, boolean validate) {
        this.name = Objects.requireNonNull(name, "name");
        int n = signals.size();
        if (ids.size() != n || labels.length != n || splits.length != n || (masks != null && masks.size() != n)) {
            throw new IllegalArgumentException(name + ": inconsistent record counts: " + n + " signals, "
                    + ids.size() + " ids, " + labels.length + " label rows, " + splits.length + " splits"
                    + (masks == null ? "" : ", " + masks.size() + " masks"));
        }
        for (int i = 0; i < n; i++) {
            String src = name + " record " + ids.get(i);
            if (validate) {
                validateRecord(signals.get(i), masks == null ? null : masks.get(i), src);
            }
            if (labels[i] == null || labels[i].length != DiagnosticClass.ALL.size()) {
                throw new IllegalArgumentException(src + ": expected " + DiagnosticClass.ALL.size() + " labels");
            }
            Objects.requireNonNull(splits[i], src + ": split");
        }
        if (ids.stream().distinct().count() != n) {
            throw new IllegalArgumentException(name + ": record ids are not unique");
        }
        this.ids = List.copyOf(ids);
        this.signals = signals;
        this.signalArrays = signalArrays;
        this.labels = labels;
        this.splits = splits;
        this.masks = masks;
        this.trueLabels = null;
        this.fiducials = null;
    }

    private EcgDataset(EcgDataset base, boolean[][] trueLabels, BeatFiducials[] fiducials) {
        this.name = base.name;
        this.ids = base.ids;
        this.signals = base.signals;
        this.signalArrays = base.signalArrays;
        this.labels = base.labels;
        this.splits = base.splits;
        this.masks = base.masks;
        this.trueLabels = trueLabels;
        this.fiducials = fiducials;
    }

    /**
     * Checks one record as every dataset does: the signal's shape and finite values, and the mask's if there is one.
     *
     * @param source names the record in the message, e.g. "synthetic(...) record syn-00001"
     * @throws IllegalArgumentException naming the record and what is wrong
     */
    static void validateRecord(float[][] signal, float[][] mask, String source) {
        EcgFormat.validate(signal, source);
        if (mask != null) {
            EcgFormat.validate(mask, source + " mask");
        }
    }

    /**
     * A copy that also carries each record's labels before label noise (synthetic data: the criteria its designed
     * findings meet).
     *
     * @param trueLabels {@code [N][9]} multi-hot over {@link DiagnosticClass} ordinals
     * @throws IllegalArgumentException naming the first record whose row is missing or of the wrong length
     */
    public EcgDataset withTrueLabels(boolean[][] trueLabels) {
        if (trueLabels.length != size()) {
            throw new IllegalArgumentException(name + ": " + trueLabels.length + " true-label rows for " + size()
                    + " records");
        }
        for (int i = 0; i < size(); i++) {
            if (trueLabels[i] == null || trueLabels[i].length != DiagnosticClass.ALL.size()) {
                throw new IllegalArgumentException(name + " record " + ids.get(i) + ": expected "
                        + DiagnosticClass.ALL.size() + " true labels");
            }
        }
        return new EcgDataset(this, trueLabels, fiducials);
    }

    /**
     * A copy that also carries each record's fiducial points and RR interval.
     *
     * @param fiducials one per record; {@link BeatFiducials#NONE}, or points marked absent, where unknown
     * @throws IllegalArgumentException if the count differs from the number of records or an entry is null
     */
    public EcgDataset withBeatFiducials(BeatFiducials[] fiducials) {
        if (fiducials.length != size()) {
            throw new IllegalArgumentException(name + ": " + fiducials.length + " fiducial sets for " + size()
                    + " records");
        }
        for (int i = 0; i < size(); i++) {
            Objects.requireNonNull(fiducials[i], name + " record " + ids.get(i) + ": fiducials");
        }
        return new EcgDataset(this, trueLabels, fiducials);
    }

    /** Where the data came from. */
    public String name() {
        return name;
    }

    /** Number of records. */
    public int size() {
        return signals.size();
    }

    /** Record ids in order. */
    public List<String> ids() {
        return ids;
    }

    /** Signal of record {@code i}, {@code [12][600]} in mV (a fresh copy if the dataset is memory-mapped). */
    public float[][] signal(int i) {
        return signals.get(i);
    }

    /**
     * All signals, {@code [N][12][600]}: the stored arrays of an in-memory dataset; of a memory-mapped one, a copy of
     * every record in the Java heap (29 GB for a million ECGs: use {@link #signals(int, int)} in chunks instead).
     */
    public float[][][] signals() {
        return signalArrays != null ? signalArrays : signals.toArrays();
    }

    /** The signals of records {@code [from, to)}, {@code [to - from][12][600]}. */
    public float[][][] signals(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        float[][][] out = new float[to - from][][];
        for (int i = from; i < to; i++) {
            out[i - from] = signals.get(i);
        }
        return out;
    }

    /** Whether signals and masks are read from a memory-mapped file rather than held in the Java heap. */
    public boolean isMemoryMapped() {
        return signals.isMapped();
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
        return masks == null ? null : masks.get(i);
    }

    /** Whether the labels before label noise are known ({@link #withTrueLabels}). */
    public boolean hasTrueLabels() {
        return trueLabels != null;
    }

    /**
     * Labels of record {@code i} before label noise (for synthetic data, what its designed findings meet), or null
     * if unknown.
     */
    public boolean[] trueLabels(int i) {
        return trueLabels == null ? null : trueLabels[i];
    }

    /** Whether fiducial points and RR intervals are carried ({@link #withBeatFiducials}). */
    public boolean hasBeatFiducials() {
        return fiducials != null;
    }

    /** Fiducial points and RR interval of record {@code i}; {@link BeatFiducials#NONE} if unknown. */
    public BeatFiducials beatFiducials(int i) {
        return fiducials == null ? BeatFiducials.NONE : fiducials[i];
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

    /**
     * A new dataset of the given records, in the given order. The records are not copied: the subset of a
     * memory-mapped dataset reads the same file.
     */
    public EcgDataset subset(int[] indices) {
        List<String> subIds = new ArrayList<>(indices.length);
        boolean[][] l = new boolean[indices.length][];
        Split[] sp = new Split[indices.length];
        boolean[][] t = trueLabels == null ? null : new boolean[indices.length][];
        BeatFiducials[] f = fiducials == null ? null : new BeatFiducials[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            subIds.add(ids.get(i));
            l[k] = labels[i];
            sp[k] = splits[i];
            if (t != null) {
                t[k] = trueLabels[i];
            }
            if (f != null) {
                f[k] = fiducials[i];
            }
        }
        NpyRecords s = signals.select(indices);
        EcgDataset sub = new EcgDataset(name, subIds, s, signalArrays == null ? null : s.toArrays(), l, sp,
                masks == null ? null : masks.select(indices), false);
        return new EcgDataset(sub, t, f);
    }

    /**
     * The same records (ids, labels, splits, masks) with other signals, e.g. perturbed copies of the ECGs.
     *
     * @param signals {@code [N][12][600]}, one per record, in record order
     * @throws IllegalArgumentException if the count or a signal's shape or values are wrong
     */
    public EcgDataset withSignals(String newName, float[][][] signals) {
        return new EcgDataset(newName, ids, NpyRecords.of(signals), signals, labels, splits, masks, true);
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
                + (hasMasks() ? ", with ground-truth masks" : "") + (hasTrueLabels() ? ", true labels" : "")
                + (hasBeatFiducials() ? ", fiducial points and RR" : "") + (isMemoryMapped() ? ", memory-mapped" : "")
                + "]";
    }
}
