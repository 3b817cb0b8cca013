package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.attribution.ProgressListener;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.ecglab.metrics.Replacement;
import org.ecglab.metrics.ValueMode;
import org.ecglab.train.TaskModelTrainer;
import org.ecglab.train.TrainedTaskModel;
import org.ecglab.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Remove-and-retrain on a small synthetic set: removing every feature (replaced by zero) leaves constant ECGs, on
 * which any retrained model gives all test ECGs the same logit, so its test AUROC is exactly 0.5; the unperturbed
 * retraining is the original training again.
 */
class RemoveAndRetrainTest {
    @Test
    void removingEverythingLeavesAChanceAuroc(@TempDir Path cache) {
        EcgDataset data = new SyntheticEcgGenerator(SyntheticConfig.defaults()).dataset(6, 2L);
        TrainingConfig training = TrainingConfig.defaults().withMaxEpochs(1).withBatchSize(16).withShowProgress(false);
        try (TrainedTaskModel trained = new TaskModelTrainer(training).train(data, DiagnosticClass.LBBB)) {
            RemoveAndRetrainConfig config = new RemoveAndRetrainConfig(List.of(MethodSpec.of("saliency")),
                    List.of(100.0), 1, Replacement.ZERO, ValueMode.SIGNED, training, 50, 1L, cache);
            RemoveAndRetrain roar = new RemoveAndRetrain(config, ProgressListener.NONE);
            Table rows = roar.run(data, TaskModel.of(trained));
            assertEquals(List.of(RemoveAndRetrain.NONE, "saliency", PerturbationExperiment.RANDOM),
                    rows.stringColumn("method").asList());
            assertEquals(0.5, rows.doubleColumn("test_auroc").get(1), 0);
            assertEquals(0.5, rows.doubleColumn("test_auroc").get(2), 0);
            // Percentage 0 retrains on the same data with the same settings: the original model's test AUROC.
            assertEquals(trained.testAuroc(), rows.doubleColumn("test_auroc").get(0), 1e-12);
            assertTrue(rows.doubleColumn("ci_low").get(0) <= rows.doubleColumn("test_auroc").get(0));
            assertEquals(3, roar.trainedModels());
            RemoveAndRetrain again = new RemoveAndRetrain(config, ProgressListener.NONE);
            again.run(data, TaskModel.of(trained));
            assertEquals(0, again.trainedModels(), "every retrained model's row is cached");
        }
        assertThrows(IllegalArgumentException.class, () -> new RemoveAndRetrainConfig(List.of(MethodSpec.of(
                "saliency")), List.of(0.0), 1, Replacement.ZERO, ValueMode.SIGNED, training, 50, 1L, null));
    }
}
