package org.ecglab.data.synthetic;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;

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
     * A dataset of {@code perClass} patients for each of the nine classes, multi-hot labelled, with ground-truth
     * masks, designed fiducial points and RR intervals; see {@link SyntheticDatasetBuilder} for its composition
     * (positive severities spread past each criterion's threshold, borderline cases short of it, co-occurring
     * findings, label noise at {@link SyntheticConfig#labelNoiseRate()}). Within each class's patients the first 60 %
     * go to TRAIN, the next 20 % to VALIDATION, the rest to TEST (rounded), so every split is stratified; the
     * records are then shuffled and named "syn-00001", "syn-00002", ... in order.
     *
     * @throws IllegalArgumentException if {@code perClass < 5} (the smallest size whose 20 % is a whole record; 3
     *                                  or fewer would leave a split without records of a class) or the dataset would
     *                                  exceed 99,999 records
     */
    public EcgDataset dataset(int perClass, long seed) {
        return SyntheticDatasetBuilder.build(this, perClass, seed);
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
