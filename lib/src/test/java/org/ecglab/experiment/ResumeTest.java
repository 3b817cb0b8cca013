package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.attribution.TinyModels;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A run killed halfway resumes without recomputing: the kill is a progress listener that throws once the first
 * chunk of ECGs has been explained by both methods, the way an interrupted notebook cell stops mid-loop.
 */
class ResumeTest {
    private static final List<MethodSpec> METHODS = List.of(MethodSpec.of("saliency"),
            MethodSpec.of("integrated_gradients", Map.of("n_steps", 2)));

    @Test
    void anInterruptedRunComputesOnlyTheMissingChunks(@TempDir Path cache, @TempDir Path fresh) {
        // 40 positives: chunks of 16, 16 and 8 ECGs.
        EcgDataset data = ExperimentFixtures.dataset(TinyModels.ecgs(40, 8), 40, null);
        try (EcgClassifier model = TinyModels.cnn(4, false)) {
            List<TaskModel> tasks = List.of(new TaskModel(DiagnosticClass.LBBB, model, 1));
            MethodSimilarityConfig config = MethodSimilarityConfig.of(METHODS, cache);
            MethodSimilarityExperiment killed = new MethodSimilarityExperiment(config, (done, total) -> {
                if (done == 2L * MapStore.CHUNK) {
                    throw new IllegalStateException("killed");
                }
            });
            assertThrows(IllegalStateException.class, () -> killed.run(data, tasks));
            assertEquals(2, killed.maps().computedChunks());

            MethodSimilarityExperiment resumed = new MethodSimilarityExperiment(config);
            Table rows = resumed.run(data, tasks);
            assertEquals(2, resumed.maps().loadedChunks(), "the first chunk of both methods comes from disk");
            assertEquals(4, resumed.maps().computedChunks(), "only the two missing chunks of both methods are computed");

            Table whole = new MethodSimilarityExperiment(MethodSimilarityConfig.of(METHODS, fresh)).run(data, tasks);
            assertEquals(whole.rowCount(), rows.rowCount());
            for (int r = 0; r < rows.rowCount(); r++) {
                assertEquals(whole.doubleColumn("score").get(r), rows.doubleColumn("score").get(r), 1e-12);
            }
            // The finished task is cached as a whole: a third run neither loads nor computes maps.
            MethodSimilarityExperiment third = new MethodSimilarityExperiment(config);
            third.run(data, tasks);
            assertEquals(0, third.computedTasks());
            assertEquals(0, third.maps().loadedChunks() + third.maps().computedChunks());
        }
    }
}
