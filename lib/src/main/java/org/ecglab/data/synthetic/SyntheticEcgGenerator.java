package org.ecglab.data.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.EcgDatasetFiles;

/**
 * Generates synthetic 12-lead median beats of the nine {@link DiagnosticClass}es from a physiological dipole
 * model (see the package documentation for the model, the class criteria and the references).
 *
 * <p>A seed fixes a patient: every beat with seed {@code s} is the same person (rate, intervals, orientation,
 * amplitudes, noise) with different findings, and {@code beat(NORM, s).cleanSignal()} equals
 * {@code beat(findings, s).cleanWithoutPathology()}. Four independent random streams are split from the seed, in a
 * fixed order: patient, pathology details, noise, severity (used only by {@link #beat(DiagnosticClass, long)}).
 */
public final class SyntheticEcgGenerator {
    /** The fewest beats per class of a dataset: 5, the smallest class whose 20 % test split is a whole record. */
    public static final int MIN_PER_CLASS = SyntheticDatasetBuilder.MIN_PER_CLASS;
    /** The most records of a dataset. */
    public static final int MAX_RECORDS = SyntheticDatasetBuilder.MAX_RECORDS;

    private final SyntheticConfig config;
    private final PatientSampler sampler;

    /** @param config noise levels, mask threshold, onset jitter and label noise */
    public SyntheticEcgGenerator(SyntheticConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.sampler = new PatientSampler(config.qrsOnsetJitterMs());
    }

    /** The settings of this generator. */
    public SyntheticConfig config() {
        return config;
    }

    /**
     * One patient's beat of class {@code cls}: for NORM the patient as drawn, otherwise one finding of {@code cls} at
     * a severity drawn uniformly over the class's positive range ({@link SeverityScale#of}).
     *
     * @param cls  the diagnostic class
     * @param seed fixes the patient, the severity and details of the pathology, and the noise
     */
    public SyntheticBeat beat(DiagnosticClass cls, long seed) {
        Objects.requireNonNull(cls, "cls");
        if (cls == DiagnosticClass.NORM) {
            return beat(List.of(), seed);
        }
        SplittableRandom severityRng = streams(seed)[3];
        return beat(List.of(new Finding(cls, SeverityScale.of(cls).drawPositive(severityRng))), seed);
    }

    /**
     * One patient's beat with the given findings (none: a normal beat; two: a pair {@link Comorbidities} allows).
     *
     * @param findings the diseases and their designed severities
     * @param seed     fixes the patient, the details of the pathology and the noise
     * @throws IllegalArgumentException if the findings cannot be combined in one beat
     */
    public SyntheticBeat beat(List<Finding> findings, long seed) {
        Comorbidities.check(findings);
        SplittableRandom[] streams = streams(seed);
        BeatModel healthy = sampler.sample(streams[0]);
        BeatModel diseased = Pathologies.apply(healthy, findings, streams[1]);
        double[][] noise = MeasurementNoise.sample(config, streams[2]);

        float[][] cleanWithout = DowerProjection.project(healthy.dipole().render());
        float[][] clean = findings.isEmpty() ? copy(cleanWithout) : DowerProjection.project(diseased.dipole().render());
        float[][] signal = MeasurementNoise.addTo(clean, noise);
        float[][] signalWithout = MeasurementNoise.addTo(cleanWithout, noise);
        float[][] mask = GroundTruthMask.compute(signal, signalWithout, config.maskThresholdMv());
        return new SyntheticBeat(findings, DesignedLabels.of(findings, diseased), seed, signal, clean, cleanWithout, mask,
                diseased.params());
    }

    /**
     * The labels {@code beat(findings, seed)} carries, read from the designed beat without rendering it (a dataset's
     * labels are needed before its beats are written).
     */
    boolean[] designedLabels(List<Finding> findings, long seed) {
        Comorbidities.check(findings);
        SplittableRandom[] streams = streams(seed);
        return DesignedLabels.of(findings, Pathologies.apply(sampler.sample(streams[0]), findings, streams[1]));
    }

    /**
     * A dataset of {@code perClass} patients for each of the nine classes, multi-hot labelled, with ground-truth
     * masks, designed fiducial points and RR intervals; see {@link SyntheticDatasetBuilder} for its composition
     * (positive severities spread past each criterion's threshold, borderline cases short of it, co-occurring
     * findings, label noise at {@link SyntheticConfig#labelNoiseRate()}). Within each class's patients the first 60 %
     * go to TRAIN, the next 20 % to VALIDATION, the rest to TEST (rounded), so every split is stratified; the
     * records are then shuffled and named "syn-00001", "syn-00002", ... in order.
     *
     * @throws IllegalArgumentException if {@code perClass < }{@value #MIN_PER_CLASS} (the smallest size whose 20 % is
     *                                  a whole record; 3 or fewer would leave a split without records of a class) or
     *                                  the dataset would exceed {@value #MAX_RECORDS} records
     */
    public EcgDataset dataset(int perClass, long seed) {
        return SyntheticDatasetBuilder.build(this, perClass, seed);
    }

    /**
     * Writes the dataset {@link #dataset(int, long)} makes, byte for byte the file {@link EcgDatasetFiles#save} writes
     * of it, to {@code npz}, generating one beat at a time: memory holds one beat and the plan of the dataset (each
     * record's findings, seed and labels, about a hundred bytes a record), so a million ECGs fit in a small heap.
     *
     * @throws IllegalArgumentException as {@link #dataset(int, long)}
     * @throws IOException              naming the file if it cannot be written (it is then unchanged)
     */
    public void writeDataset(int perClass, long seed, Path npz) throws IOException {
        writeDataset(perClass, seed, npz, done -> { });
    }

    /**
     * As {@link #writeDataset(int, long, Path)}, telling {@code progress} the number of records written so far after
     * each one.
     */
    public void writeDataset(int perClass, long seed, Path npz, IntConsumer progress) throws IOException {
        SyntheticDatasetBuilder.write(this, perClass, seed, npz, progress);
    }

    private static SplittableRandom[] streams(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        return new SplittableRandom[] {root.split(), root.split(), root.split(), root.split()};
    }

    private static float[][] copy(float[][] a) {
        float[][] out = new float[a.length][];
        for (int l = 0; l < a.length; l++) {
            out[l] = a[l].clone();
        }
        return out;
    }

    @Override
    public String toString() {
        return "SyntheticEcgGenerator[" + config + "]";
    }
}
