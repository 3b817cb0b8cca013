package org.ecglab.data.synthetic;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Every beat of the notebooks' full-size synthetic dataset (300 patients per class, data seed 1, as
 * {@code LabDefaults} asks for at full size), rendered one at a time so that a test can measure all 2,700 without
 * holding them: the same patients with the default measurement noise or without any.
 */
final class FullSizeData {
    static final int PER_CLASS = 300;
    static final long SEED = 1;
    static final List<SyntheticDatasetBuilder.PlannedRecord> PLAN = SyntheticDatasetBuilder.plan(PER_CLASS, SEED);

    private FullSizeData() {
    }

    /** Renders every record of the plan with {@code config} and hands it to {@code check} with its plan entry. */
    static void forEachBeat(SyntheticConfig config, BiConsumer<SyntheticDatasetBuilder.PlannedRecord, SyntheticBeat> check) {
        SyntheticEcgGenerator generator = new SyntheticEcgGenerator(config);
        for (SyntheticDatasetBuilder.PlannedRecord r : PLAN) {
            check.accept(r, generator.beat(r.findings(), r.seed()));
        }
    }
}
