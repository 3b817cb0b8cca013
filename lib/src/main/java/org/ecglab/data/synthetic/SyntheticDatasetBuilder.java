package org.ecglab.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;

/** Assembles an {@link EcgDataset} of synthetic beats: stratified 60/20/20 split, deterministic shuffle, ids. */
final class SyntheticDatasetBuilder {
    /** Ids have five digits. */
    static final int MAX_RECORDS = 99_999;
    /**
     * Smallest class size whose 20 % is a whole record. Below 4 a split gets no record of the class; 4 would give
     * 2/1/1, which is not 60/20/20 any more.
     */
    static final int MIN_PER_CLASS = 5;

    private SyntheticDatasetBuilder() {
    }

    static EcgDataset build(SyntheticEcgGenerator generator, int perClass, long seed) {
        int classes = DiagnosticClass.ALL.size();
        if (perClass < MIN_PER_CLASS) {
            throw new IllegalArgumentException("perClass must be at least " + MIN_PER_CLASS + ", got " + perClass
                    + ": each class is split 60/20/20 into train/validation/test (rounded), and " + MIN_PER_CLASS
                    + " is the smallest size whose 20 % is a whole record (3 would give 2/1/0, an empty test split)");
        }
        if ((long) perClass * classes > MAX_RECORDS) {
            throw new IllegalArgumentException("perClass " + perClass + " gives more than " + MAX_RECORDS + " records");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<SyntheticBeat> beats = new ArrayList<>(perClass * classes);
        List<Split> splits = new ArrayList<>(perClass * classes);
        for (DiagnosticClass c : DiagnosticClass.ALL) {
            for (int k = 0; k < perClass; k++) {
                beats.add(generator.beat(c, rng.nextLong()));
                splits.add(splitOf(k, perClass));
            }
        }
        int n = beats.size();
        int[] order = shuffledIndices(n, rng);

        List<String> ids = new ArrayList<>(n);
        float[][][] signals = new float[n][][];
        float[][][] masks = new float[n][][];
        boolean[][] labels = new boolean[n][classes];
        Split[] splitArray = new Split[n];
        for (int i = 0; i < n; i++) {
            SyntheticBeat b = beats.get(order[i]);
            ids.add(String.format(Locale.ROOT, "syn-%05d", i + 1));
            signals[i] = b.signal();
            masks[i] = b.mask();
            labels[i][b.diagnosticClass().ordinal()] = true;
            splitArray[i] = splits.get(order[i]);
        }
        String name = "synthetic(seed=" + seed + ", perClass=" + perClass + ")";
        return new EcgDataset(name, ids, signals, labels, splitArray, masks);
    }

    /** Split of the {@code k}-th of {@code n} patients of one class: 60 % / 20 % / 20 %, rounded. */
    static Split splitOf(int k, int n) {
        long train = Math.round(0.6 * n);
        long validation = Math.round(0.2 * n);
        return k < train ? Split.TRAIN : k < train + validation ? Split.VALIDATION : Split.TEST;
    }

    /** A Fisher–Yates permutation of 0..n-1. */
    private static int[] shuffledIndices(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }
}
