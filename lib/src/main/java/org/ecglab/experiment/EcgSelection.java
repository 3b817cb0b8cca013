package org.ecglab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;

/**
 * The ECGs an experiment explains for one task: the first {@code max} positives (or negatives) of a split, in
 * dataset order, with their signals, ids and a content key for caches.
 *
 * @param data    the dataset
 * @param indices record indices into {@code data}
 */
public record EcgSelection(EcgDataset data, int[] indices) {
    /** The first {@code max} records of {@code split} that have the task's label. */
    public static EcgSelection positives(EcgDataset data, Split split, DiagnosticClass task, int max) {
        int[] all = data.positives(split, task);
        return new EcgSelection(data, Arrays.copyOf(all, Math.min(all.length, max)));
    }

    /** The first {@code max} records of {@code split} without the task's label. */
    public static EcgSelection negatives(EcgDataset data, Split split, DiagnosticClass task, int max) {
        int[] all = Arrays.stream(data.indices(split)).filter(i -> !data.hasLabel(i, task)).limit(max).toArray();
        return new EcgSelection(data, all);
    }

    /** Number of ECGs selected. */
    public int size() {
        return indices.length;
    }

    /** Their signals {@code [n][12][600]}. */
    public float[][][] signals() {
        float[][][] out = new float[indices.length][][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = data.signal(indices[i]);
        }
        return out;
    }

    /** Their ids. */
    public List<String> ids() {
        List<String> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(data.ids().get(i));
        }
        return out;
    }

    /** Ground-truth mask of the {@code k}-th selected ECG, or null if it has none. */
    public float[][] mask(int k) {
        return data.hasMasks() ? data.mask(indices[k]) : null;
    }

    /**
     * What identifies the selection for a cache: the ids and a hash of the signals (synthetic ids repeat across data
     * seeds, so ids alone do not say what was computed).
     */
    public String key() {
        return "ecgs=" + String.join(",", ids()) + "; signals=" + DatasetHash.ofSignals(signals());
    }
}
