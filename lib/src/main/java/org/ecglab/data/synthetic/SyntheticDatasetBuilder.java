package org.ecglab.data.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.ecglab.data.BeatFiducials;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.EcgDatasetFiles;
import org.ecglab.data.Split;

/**
 * Assembles an {@link EcgDataset} of synthetic beats. For each of the nine classes it draws {@code perClass}
 * patients:
 * <ul>
 * <li>NORM: normal patients without findings;</li>
 * <li>any other class c: 25 % borderline cases (one finding of c at a severity just short of its criterion,
 *     {@link SeverityScale}), the rest positive at a severity spread over the positive range, of which 20 % also
 *     carry a second positive finding that {@link Comorbidities} pairs with c (chosen uniformly among c's partners;
 *     for classes without partners these patients have c alone).</li>
 * </ul>
 * The kinds follow a fixed pattern within each class and split ({@link #kind}), so every split gets the same
 * shares and the first patient of each class in each split is a plain positive (even the smallest dataset has
 * positives of every class in every split); severities and partners are drawn at random.
 * Labels are multi-hot (the criteria the findings meet); a borderline case is labelled NORM if it stays within NORM's
 * limits and otherwise carries no label. Within each class's patients the first 60 % go to TRAIN, the next 20 % to
 * VALIDATION and the rest to TEST (rounded), so every split is stratified; the records are then shuffled and named
 * "syn-00001", "syn-00002", ... in order. Finally {@link LabelNoise} flips labels at the configured rate within each
 * split; the labels before that are kept as {@link EcgDataset#trueLabels}. Every record carries its RR interval and
 * designed fiducial points. Random streams (patients, composition, order, label noise) are split from the seed in
 * that order, so the same seed gives the same patients whatever the noise settings.
 *
 * <p>Everything but the beats (findings, seeds, splits, labels before and after label noise) is decided first,
 * without rendering a beat; the beats are then generated one at a time, so a dataset can be written to a file without
 * holding it in memory ({@link #write}), and the file is the same whether it was written that way or from
 * {@link #build}.
 */
final class SyntheticDatasetBuilder {
    /** Ten million records: 288 GB of signals, far beyond the study's 873,710 ECGs. */
    static final int MAX_RECORDS = 10_000_000;
    /**
     * Smallest class size whose 20 % is a whole record. Below 4 a split gets no record of the class; 4 would give
     * 2/1/1, which is not 60/20/20 any more.
     */
    static final int MIN_PER_CLASS = 5;
    /** The kind of a patient within a class and split repeats with this period. */
    static final int PATTERN = 20;

    /** What a patient of a pathological class has. */
    enum Kind {
        /** One finding of the class at a positive severity. */
        POSITIVE,
        /** A positive finding of the class and a positive finding of a partner class. */
        COMORBID,
        /** One finding of the class at a borderline severity. */
        BORDERLINE
    }

    private SyntheticDatasetBuilder() {
    }

    /**
     * One record of a planned dataset: who the patient is and what they have, before anything is rendered.
     *
     * @param group    the class the patient was drawn for
     * @param findings the findings to build into the beat
     * @param seed     the patient's seed
     * @param split    the record's split
     */
    record PlannedRecord(DiagnosticClass group, List<Finding> findings, long seed, Split split) {
    }

    /**
     * The kind of the {@code i}-th patient of a class within its split: of every 20, numbers 3, 7, 11, 15 and 19 are
     * borderline (25 %) and 1, 5 and 9 comorbid (20 % of the 15 positives).
     */
    static Kind kind(int i) {
        int slot = i % PATTERN;
        return slot % 4 == 3 ? Kind.BORDERLINE : slot == 1 || slot == 5 || slot == 9 ? Kind.COMORBID : Kind.POSITIVE;
    }

    /**
     * The records of {@code build(generator, perClass, seed)} in their final order, without rendering them: cheap,
     * so tests can render and measure every beat of a full-size dataset one at a time.
     */
    static List<PlannedRecord> plan(int perClass, long seed) {
        int classes = DiagnosticClass.ALL.size();
        if (perClass < MIN_PER_CLASS) {
            throw new IllegalArgumentException("perClass must be at least " + MIN_PER_CLASS + ", got " + perClass
                    + ": each class is split 60/20/20 into train/validation/test (rounded), and " + MIN_PER_CLASS
                    + " is the smallest size whose 20 % is a whole record (3 would give 2/1/0, an empty test split)");
        }
        if ((long) perClass * classes > MAX_RECORDS) {
            throw new IllegalArgumentException("perClass " + perClass + " gives more than " + MAX_RECORDS + " records");
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom patients = root.split();
        SplittableRandom composition = root.split();
        SplittableRandom shuffle = root.split();
        List<PlannedRecord> drawn = new ArrayList<>(perClass * classes);
        for (DiagnosticClass c : DiagnosticClass.ALL) {
            int inSplit = 0;
            for (int k = 0; k < perClass; k++) {
                Split split = splitOf(k, perClass);
                inSplit = k > 0 && split != splitOf(k - 1, perClass) ? 0 : inSplit;
                drawn.add(new PlannedRecord(c, findings(c, kind(inSplit++), composition), patients.nextLong(), split));
            }
        }
        int[] order = shuffledIndices(drawn.size(), shuffle);
        List<PlannedRecord> out = new ArrayList<>(drawn.size());
        for (int i : order) {
            out.add(drawn.get(i));
        }
        return out;
    }

    /** The random stream of the label noise, split from the dataset seed after those {@link #plan} uses. */
    static SplittableRandom labelNoiseStream(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < 3; i++) {
            root.split();
        }
        return root.split();
    }

    /**
     * A planned dataset with its labels: the records in dataset order, their ids, the labels their designed findings
     * meet ({@code trueLabels}) and the labels after label noise.
     */
    private record LabelledPlan(String name, List<String> ids, List<PlannedRecord> records, boolean[][] trueLabels,
            boolean[][] labels, Split[] splits) {
    }

    /** The plan and its labels, read from each patient's designed beat without rendering it. */
    private static LabelledPlan labelledPlan(SyntheticEcgGenerator generator, int perClass, long seed) {
        List<PlannedRecord> plan = plan(perClass, seed);
        int n = plan.size();
        List<String> ids = new ArrayList<>(n);
        boolean[][] trueLabels = new boolean[n][];
        Split[] splits = new Split[n];
        int[] splitGroups = new int[n];
        for (int i = 0; i < n; i++) {
            PlannedRecord r = plan.get(i);
            ids.add(String.format(Locale.ROOT, "syn-%05d", i + 1));
            trueLabels[i] = generator.designedLabels(r.findings(), r.seed());
            splits[i] = r.split();
            splitGroups[i] = r.split().ordinal();
        }
        boolean[][] labels = LabelNoise.apply(trueLabels, generator.config().labelNoiseRate(), labelNoiseStream(seed),
                splitGroups);
        String name = "synthetic(seed=" + seed + ", perClass=" + perClass + ")";
        return new LabelledPlan(name, ids, plan, trueLabels, labels, splits);
    }

    static EcgDataset build(SyntheticEcgGenerator generator, int perClass, long seed) {
        LabelledPlan p = labelledPlan(generator, perClass, seed);
        int n = p.ids().size();
        float[][][] signals = new float[n][][];
        float[][][] masks = new float[n][][];
        BeatFiducials[] fiducials = new BeatFiducials[n];
        for (int i = 0; i < n; i++) {
            PlannedRecord r = p.records().get(i);
            SyntheticBeat b = generator.beat(r.findings(), r.seed());
            signals[i] = b.signal();
            masks[i] = b.mask();
            fiducials[i] = b.fiducials();
        }
        return new EcgDataset(p.name(), p.ids(), signals, p.labels(), p.splits(), masks)
                .withTrueLabels(p.trueLabels()).withBeatFiducials(fiducials);
    }

    /** Writes the dataset {@link #build} makes to {@code npz}, one beat at a time (memory holds one beat). */
    static void write(SyntheticEcgGenerator generator, int perClass, long seed, Path npz, IntConsumer progress)
            throws IOException {
        LabelledPlan p = labelledPlan(generator, perClass, seed);
        EcgDatasetFiles.write(npz, p.name(), p.ids(), p.labels(), p.splits(), EcgDatasetFiles.Masks.BINARY,
                new EcgDatasetFiles.Annotations(p.trueLabels(), true), i -> {
                    PlannedRecord r = p.records().get(i);
                    SyntheticBeat b = generator.beat(r.findings(), r.seed());
                    progress.accept(i + 1);
                    return new EcgDatasetFiles.Record(b.signal(), b.mask(), b.fiducials());
                });
    }

    /** The findings of a patient of {@code kind} drawn for class {@code c} (a fixed number of draws). */
    static List<Finding> findings(DiagnosticClass c, Kind kind, SplittableRandom rng) {
        double severity = rng.nextDouble();
        double partnerPick = rng.nextDouble();
        double partnerSeverity = rng.nextDouble();
        if (c == DiagnosticClass.NORM) {
            return List.of();
        }
        SeverityScale scale = SeverityScale.of(c);
        if (kind == Kind.BORDERLINE) {
            return List.of(new Finding(c, lerp(scale.borderlineFrom(), scale.borderlineTo(), severity)));
        }
        Finding main = new Finding(c, lerp(scale.positiveFrom(), scale.positiveTo(), severity));
        List<DiagnosticClass> partners = Comorbidities.partners(c);
        if (kind == Kind.POSITIVE || partners.isEmpty()) {
            return List.of(main);
        }
        DiagnosticClass p = partners.get(Math.min(partners.size() - 1, (int) (partnerPick * partners.size())));
        SeverityScale ps = SeverityScale.of(p);
        return List.of(main, new Finding(p, lerp(ps.positiveFrom(), ps.positiveTo(), partnerSeverity)));
    }

    private static double lerp(double from, double to, double u) {
        return from + (to - from) * u;
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
