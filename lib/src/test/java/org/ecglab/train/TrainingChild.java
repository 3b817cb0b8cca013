package org.ecglab.train;

import org.ecglab.runtime.EngineSetup;

/**
 * Child JVM for {@link TrainingIdentityTest}: starts the engine as a notebook does, prints the effective settings,
 * trains a small task model (toy data, seed 1, two epochs, one thread) and prints its parameter fingerprint as one
 * {@code RESULT} line, so that two JVMs that differ in a setting that must not change numbers can be compared.
 */
public final class TrainingChild {
    private TrainingChild() {
    }

    /** Runs the child; exit status 0 on success. */
    public static void main(String[] args) {
        System.out.println(EngineSetup.start());
        TrainingConfig config = TrainingConfig.defaults().withMaxEpochs(2).withPatience(2).withShowProgress(false);
        try (TrainedTaskModel m = new TaskModelTrainer(config).train(ToyEcgData.make(160, 1 / 3.0, 0.5, 0.05, 3),
                ToyEcgData.TASK)) {
            System.out.println("RESULT " + m.classifier().parameterFingerprint());
        }
    }
}
