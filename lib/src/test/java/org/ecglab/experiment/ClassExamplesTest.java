package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.TinyModels;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.ecglab.metrics.Roughness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The method notebooks' examples: the first positive test ECGs per class with their task models, explained. */
class ClassExamplesTest {
    @TempDir
    Path tmp;

    @Test
    void firstPositivesWithTheirTaskModelsExplainedAsTheMethodDoes() {
        Lab lab = Lab.fromEnvironment(Map.of("ECGLAB_BUILD", tmp.toString(), "ECGLAB_SIZE", "smoke"), tmp);
        EcgDataset data = new SyntheticEcgGenerator(SyntheticConfig.defaults()).dataset(10, 3L);
        List<DiagnosticClass> classes = List.of(DiagnosticClass.LBBB, DiagnosticClass.LQT);
        try (ClassExamples ex = ClassExamples.load(lab, data, classes, 2)) {
            assertEquals(classes, ex.classes());
            assertEquals(2, ex.models().rowCount());
            Map<DiagnosticClass, Attribution> saliency = ex.explain("saliency", Map.of());
            for (DiagnosticClass c : classes) {
                assertArrayEquals(Arrays.copyOf(data.positives(Split.TEST, c), 2), ex.indices(c));
                float[][][] x = ex.signals(c);
                assertArrayEquals(data.signal(ex.indices(c)[1])[4], x[1][4], 0f);
                float[][][] direct = AttributionMethods.create("saliency").attribute(ex.model(c), x, new int[2])
                        .values();
                assertEquals(0, TinyModels.maxAbsDiff(direct, saliency.get(c).values()), 0);
            }
            double byHand = 0;
            for (Attribution a : saliency.values()) {
                for (float[][] map : a.values()) {
                    byHand += Roughness.of(map) / 4;
                }
            }
            assertEquals(byHand, ClassExamples.mean(saliency, Roughness::of), 1e-12);
            assertEquals(0, ClassExamples.mean(saliency, saliency, (a, b) -> TinyModels.maxAbsDiff(
                    new float[][][] {a}, new float[][][] {b})), 0);
            assertTrue(ex.toString().contains("LBBB: 2 ECGs"), ex.toString());
            String tooMany = assertThrows(IllegalArgumentException.class, () -> ClassExamples.load(lab, data,
                    classes, 50)).getMessage();
            assertTrue(tooMany.contains("LBBB has") && tooMany.contains("50 asked for"), tooMany);
        }
    }
}
