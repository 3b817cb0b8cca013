package org.ecglab.data.synthetic;

import java.io.IOException;
import java.nio.file.Path;
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
 * <p>A seed fixes a patient: {@code beat(c, s)} for every class {@code c} is the same person (rate, intervals,
 * orientation, amplitudes, noise) with a different disease, and {@code beat(NORM, s).cleanSignal()} equals
 * {@code beat(c, s).cleanWithoutPathology()}. Three independent random streams are split from the seed, in a fixed
 * order: patient, pathology severity, noise.
 */
public final class SyntheticEcgGenerator {
    /** The fewest beats per class of a dataset: 5, the smallest class whose 20 % test split is a whole record. */
    public static final int MIN_PER_CLASS = SyntheticDatasetBuilder.MIN_PER_CLASS;
    /** The most records of a dataset. */
    public static final int MAX_RECORDS = SyntheticDatasetBuilder.MAX_RECORDS;

    private final SyntheticConfig config;
    private final PatientSampler sampler;

    /** @param config noise levels, mask threshold and onset jitter */
    public SyntheticEcgGenerator(SyntheticConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.sampler = new PatientSampler(config.qrsOnsetJitterMs());
    }

    /** The settings of this generator. */
    public SyntheticConfig config() {
        return config;
    }

    /**
     * One patient's beat of class {@code cls}.
     *
     * @param cls  the diagnostic class
     * @param seed fixes the patient, the severity of the pathology and the noise
     */
    public SyntheticBeat beat(DiagnosticClass cls, long seed) {
        Objects.requireNonNull(cls, "cls");
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom patientRng = root.split();
        SplittableRandom pathologyRng = root.split();
        SplittableRandom noiseRng = root.split();

        BeatModel healthy = sampler.sample(patientRng);
        BeatModel diseased = Pathologies.of(cls).apply(healthy, pathologyRng);
        double[][] noise = MeasurementNoise.sample(config, noiseRng);

        float[][] cleanWithout = DowerProjection.project(healthy.dipole().render());
        float[][] clean = cls == DiagnosticClass.NORM ? cleanWithout : DowerProjection.project(diseased.dipole().render());
        float[][] signal = MeasurementNoise.addTo(clean, noise);
        float[][] signalWithout = MeasurementNoise.addTo(cleanWithout, noise);
        float[][] mask = GroundTruthMask.compute(signal, signalWithout, config.maskThresholdMv());
        if (clean == cleanWithout) {
            clean = copy(cleanWithout);
        }
        return new SyntheticBeat(cls, seed, signal, clean, cleanWithout, mask, diseased.params());
    }

    /**
     * {@code perClass} beats of each of the nine classes, one-hot labelled, with ground-truth masks. Within each
     * class the first 60 % of patients go to TRAIN, the next 20 % to VALIDATION, the rest to TEST (rounded), so
     * every split is stratified; the records are then shuffled and named "syn-00001", "syn-00002", ... in order.
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
     * of it, to {@code npz}, generating one beat at a time: memory holds one beat whatever the size, so a million
     * ECGs fit in a small heap.
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
