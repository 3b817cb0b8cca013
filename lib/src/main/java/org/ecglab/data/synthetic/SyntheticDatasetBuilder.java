package org.ecglab.data.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.EcgDatasetFiles;
import org.ecglab.data.Split;

/**
 * Assembles a dataset of synthetic beats: stratified 60/20/20 split, deterministic shuffle, ids. The plan (each
 * record's class, beat seed and split, in the shuffled order) is drawn first; the beats are generated from it one at
 * a time, so a dataset can be written to a file without holding it in memory ({@link #write}), and the file is the
 * same whether it was written that way or from {@link #build}.
 */
final class SyntheticDatasetBuilder {
    /** Ten million records: 288 GB of signals, far beyond the study's 873,710 ECGs. */
    static final int MAX_RECORDS = 10_000_000;
    /**
     * Smallest class size whose 20 % is a whole record. Below 4 a split gets no record of the class; 4 would give
     * 2/1/1, which is not 60/20/20 any more.
     */
    static final int MIN_PER_CLASS = 5;

    private SyntheticDatasetBuilder() {
    }

    /**
     * What every record will be, in dataset order.
     *
     * @param classes the class of record {@code i}
     * @param seeds   the beat seed of record {@code i}
     */
    private record Plan(String name, List<String> ids, DiagnosticClass[] classes, long[] seeds, Split[] splits,
            boolean[][] labels) {
    }

    private static Plan plan(int perClass, long seed) {
        int classes = DiagnosticClass.ALL.size();
        if (perClass < MIN_PER_CLASS) {
            throw new IllegalArgumentException("perClass must be at least " + MIN_PER_CLASS + ", got " + perClass
                    + ": each class is split 60/20/20 into train/validation/test (rounded), and " + MIN_PER_CLASS
                    + " is the smallest size whose 20 % is a whole record (3 would give 2/1/0, an empty test split)");
        }
        if ((long) perClass * classes > MAX_RECORDS) {
            throw new IllegalArgumentException("perClass " + perClass + " gives more than " + MAX_RECORDS + " records");
        }
        int n = perClass * classes;
        // The draws happen in the order they always did (one seed per beat, class by class, then the shuffle), so a
        // seed gives the same dataset as before the plan existed.
        SplittableRandom rng = new SplittableRandom(seed);
        DiagnosticClass[] byClass = new DiagnosticClass[n];
        long[] beatSeeds = new long[n];
        Split[] splitsByClass = new Split[n];
        int k = 0;
        for (DiagnosticClass c : DiagnosticClass.ALL) {
            for (int j = 0; j < perClass; j++, k++) {
                byClass[k] = c;
                beatSeeds[k] = rng.nextLong();
                splitsByClass[k] = splitOf(j, perClass);
            }
        }
        int[] order = shuffledIndices(n, rng);
        List<String> ids = new ArrayList<>(n);
        DiagnosticClass[] cls = new DiagnosticClass[n];
        long[] seeds = new long[n];
        Split[] splits = new Split[n];
        boolean[][] labels = new boolean[n][classes];
        for (int i = 0; i < n; i++) {
            ids.add(String.format(Locale.ROOT, "syn-%05d", i + 1));
            cls[i] = byClass[order[i]];
            seeds[i] = beatSeeds[order[i]];
            splits[i] = splitsByClass[order[i]];
            labels[i][cls[i].ordinal()] = true;
        }
        return new Plan("synthetic(seed=" + seed + ", perClass=" + perClass + ")", ids, cls, seeds, splits, labels);
    }

    static EcgDataset build(SyntheticEcgGenerator generator, int perClass, long seed) {
        Plan p = plan(perClass, seed);
        int n = p.ids().size();
        float[][][] signals = new float[n][][];
        float[][][] masks = new float[n][][];
        for (int i = 0; i < n; i++) {
            SyntheticBeat b = generator.beat(p.classes()[i], p.seeds()[i]);
            signals[i] = b.signal();
            masks[i] = b.mask();
        }
        return new EcgDataset(p.name(), p.ids(), signals, p.labels(), p.splits(), masks);
    }

    /** Writes the dataset {@link #build} makes to {@code npz}, one beat at a time (memory holds one beat). */
    static void write(SyntheticEcgGenerator generator, int perClass, long seed, Path npz, IntConsumer progress)
            throws IOException {
        Plan p = plan(perClass, seed);
        EcgDatasetFiles.write(npz, p.name(), p.ids(), p.labels(), p.splits(), EcgDatasetFiles.Masks.BINARY, i -> {
            SyntheticBeat b = generator.beat(p.classes()[i], p.seeds()[i]);
            progress.accept(i + 1);
            return new EcgDatasetFiles.Record(b.signal(), b.mask());
        });
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
