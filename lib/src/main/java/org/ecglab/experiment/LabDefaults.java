package org.ecglab.experiment;

import java.util.List;
import java.util.stream.LongStream;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.ecglab.registry.TaskModelSuite;
import org.ecglab.train.TrainingConfig;

/**
 * The data and training settings every notebook shares, written once. Notebooks share one model registry
 * ({@link Lab#models()}), and a registry entry is reused only for the same architecture, settings and data hash
 * (otherwise {@code TaskModelSuite} stops with a mismatch): so the notebook that trains the models first and those
 * that load them later must ask for exactly the same thing, which they do by calling these methods.
 *
 * <table>
 *   <caption>Sizes</caption>
 *   <tr><th></th><th>smoke</th><th>full</th></tr>
 *   <tr><td>{@link #perClass} (synthetic ECGs per class, 60/20/20 split)</td><td>80</td><td>300</td></tr>
 *   <tr><td>{@link #training} maximum epochs (else {@link TrainingConfig#defaults()})</td><td>8</td><td>30</td></tr>
 *   <tr><td>{@link #seeds} (task models per class)</td><td>1, 2</td><td>1..5</td></tr>
 *   <tr><td>{@link #minimumTestAuroc} (every task model reaches it)</td><td>0.75</td><td>0.95</td></tr>
 * </table>
 */
public final class LabDefaults {
    /** Seed of the synthetic data set all notebooks use. */
    public static final long DATA_SEED = 1L;

    private LabDefaults() {
    }

    /** Synthetic ECGs per diagnostic class: 80 (smoke) or 300 (full). */
    public static int perClass(Lab lab) {
        return lab.size(80, 300);
    }

    /**
     * The notebooks' synthetic data set: {@code new SyntheticEcgGenerator(SyntheticConfig.defaults())
     * .dataset(perClass(lab), DATA_SEED)}.
     */
    public static EcgDataset syntheticData(Lab lab) {
        return new SyntheticEcgGenerator(SyntheticConfig.defaults()).dataset(perClass(lab), DATA_SEED);
    }

    /**
     * Training settings of every task model: {@link TrainingConfig#defaults()} with at most 8 (smoke) or 30 (full)
     * epochs. The seed is set per model by {@link TaskModelSuite}.
     */
    public static TrainingConfig training(Lab lab) {
        return TrainingConfig.defaults().withMaxEpochs(lab.size(8, 30));
    }

    /**
     * Training seeds, i.e. task models per class: 1, 2 (smoke) or 1..5 (full, the study's K = 5 for the
     * self-consistency experiment).
     */
    public static List<Long> seeds(Lab lab) {
        return LongStream.rangeClosed(1, lab.size(2, 5)).boxed().toList();
    }

    /**
     * The test AUROC every task model must reach, which 01-quickstart and 03-training check: 0.95 at full size, the
     * bar all of the study's task models cleared; 0.75 at smoke size, where the models see fewer ECGs for fewer
     * epochs and the subtler classes (a PR interval a few tens of milliseconds longer, a normal ECG that must rule
     * out every other finding) are not yet fully learnt, but every model must still be clearly better than chance.
     */
    public static double minimumTestAuroc(Lab lab) {
        return lab.smoke() ? 0.75 : 0.95;
    }
}
