package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ecglab.attribution.MethodSpec;
import org.ecglab.attribution.ProgressListener;
import org.ecglab.attribution.TinyModels;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.Test;

/** Drawing methods get a seeded background of training ECGs, every other method zeros. */
class BaselinePolicyTest {
    @Test
    void backgroundIsSixteenDistinctTrainingEcgsAndDeterministic() {
        EcgDataset data = new SyntheticEcgGenerator(SyntheticConfig.defaults()).dataset(5, 3L);
        BaselinePolicy policy = BaselinePolicy.of(data);
        assertEquals(BaselinePolicy.BACKGROUND_SIZE, policy.background().length);
        Set<Integer> train = new HashSet<>();
        for (int i : data.indices(Split.TRAIN)) {
            train.add(i);
        }
        Set<float[][]> distinct = new HashSet<>(List.of(policy.background()));
        assertEquals(16, distinct.size());
        for (float[][] row : policy.background()) {
            int index = -1;
            for (int i = 0; i < data.size(); i++) {
                if (data.signal(i) == row) {
                    index = i;
                }
            }
            assertTrue(train.contains(index), "background ECG " + index + " is not a training ECG");
        }
        assertEquals(policy.key(), BaselinePolicy.of(data).key());
        assertEquals("zero", policy.key(MethodSpec.of("integrated_gradients")));
        assertNotEquals("zero", policy.key(MethodSpec.of("deeplift_shap")));
        assertEquals("distribution", policy.forMethod(MethodSpec.of("gradient_shap")).kind());
        assertEquals("zero", policy.forMethod(MethodSpec.of("saliency")).kind());
        // DeepLIFT SHAP runs through the map store with the background.
        try (EcgClassifier model = TinyModels.cnn(2, false)) {
            float[][][] maps = new MapStore(null).maps(MethodSpec.of("deeplift_shap"), model,
                    new float[][][] {data.signal(0)}, new int[] {1}, policy, ProgressListener.NONE);
            assertArrayEquals(new int[] {12, 600}, new int[] {maps[0].length, maps[0][0].length});
        }
    }

    @Test
    void dataWithoutTrainingEcgsRefuseOnlyDrawingMethods() {
        BaselinePolicy none = BaselinePolicy.of(ExperimentFixtures.dataset(TinyModels.ecgs(3, 1), 1, null));
        assertEquals("zero", none.forMethod(MethodSpec.of("saliency")).kind());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> none.forMethod(MethodSpec.of("deeplift_shap")));
        assertTrue(e.getMessage().contains("deeplift_shap") && e.getMessage().contains("0 training ECGs"),
                e.getMessage());
    }
}
