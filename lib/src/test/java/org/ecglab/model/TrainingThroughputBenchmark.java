package org.ecglab.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Training throughput of the default CNN on one thread (a benchmark, not part of the normal test run). Run with
 * {@code mvn -q -B -o test -Dtest=TrainingThroughputBenchmark -Decglab.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "ecglab.benchmark", matches = "true")
class TrainingThroughputBenchmark {
    @Test
    void defaultCnnTrainsAtLeast100EcgsPerSecond() {
        EcgDataset data = ToyEcgData.make(835, 0.2, 0.5, 0.05, 7); // 501 training records
        int trainRecords = data.indices(Split.TRAIN).length;
        int epochs = 4;
        TrainingConfig config = TrainingConfig.defaults().withMaxEpochs(epochs).withPatience(epochs)
                .withShowProgress(false);
        TaskModelTrainer trainer = new TaskModelTrainer(config);
        trainer.train(data.subset(java.util.stream.IntStream.range(0, 50).toArray()), ToyEcgData.TASK)
                .close(); // warm-up: native library, JIT
        long start = System.nanoTime();
        try (TrainedTaskModel m = trainer.train(data, ToyEcgData.TASK)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            double perSecond = m.epochsRun() * trainRecords / seconds;
            System.out.printf(Locale.ROOT, "default-cnn: %d epochs x %d training ECGs (+ %d validation, %d test "
                    + "predictions) in %.2f s = %.0f training ECGs/s, %.2f s/epoch%n", m.epochsRun(), trainRecords,
                    data.indices(Split.VALIDATION).length, data.indices(Split.TEST).length, seconds, perSecond,
                    seconds / m.epochsRun());
            assertTrue(perSecond > 100, "throughput " + perSecond + " ECGs/s");
        }
    }
}
