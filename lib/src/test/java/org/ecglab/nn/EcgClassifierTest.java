package org.ecglab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.List;
import org.ecglab.experiment.ModelRandomizer;
import org.ecglab.experiment.RandomizationSteps;
import org.junit.jupiter.api.Test;

class EcgClassifierTest {
    private static EcgClassifier model() {
        Engine.getInstance().setRandomSeed(3);
        return EcgClassifier.of("m", Architecture.defaultCnn(1).toBlock(), List.of("LBBB"));
    }

    @Test
    void wrappedParametersRecordNoGradient() {
        try (EcgClassifier m = model()) {
            for (Pair<String, Parameter> p : m.block().getParameters()) {
                assertFalse(p.getValue().getArray().hasGradient(), p.getKey());
            }
        }
    }

    @Test
    void badBatchSizeIsRejected() {
        try (EcgClassifier m = model()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.predictLogits(new float[1][12][600], 0));
            assertTrue(e.getMessage().contains("batchSize"), e.getMessage());
        }
    }

    @Test
    void fingerprintFollowsTheWeightsNotTheId() {
        Architecture arch = Architecture.defaultCnn(1);
        try (EcgClassifier m = model(); EcgClassifier copy = ModelRandomizer.copy(m, arch, "other-id");
                RandomizationSteps steps = ModelRandomizer.cascade(m, arch, 1)) {
            assertEquals(m.parameterFingerprint(), copy.parameterFingerprint());
            assertNotEquals(m.parameterFingerprint(), steps.get(0).model().parameterFingerprint());
            assertEquals(64, m.parameterFingerprint().length());
        }
    }
}
