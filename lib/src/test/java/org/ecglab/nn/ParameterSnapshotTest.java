package org.ecglab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.engine.Engine;
import java.util.Arrays;
import java.util.List;
import org.ecglab.train.ToyEcgData;
import org.junit.jupiter.api.Test;

class ParameterSnapshotTest {
    @Test
    void restoringASnapshotReproducesTheLogitsItWasTakenFrom() {
        float[][][] x = ToyEcgData.make(4, 0.5, 0.5, 0.1, 1).signals();
        Engine.getInstance().setRandomSeed(1);
        try (EcgClassifier first = EcgClassifier.of("a", Architecture.defaultCnn(1).toBlock(), List.of("y"))) {
            Engine.getInstance().setRandomSeed(2);
            try (EcgClassifier second = EcgClassifier.of("b", Architecture.defaultCnn(1).toBlock(), List.of("y"))) {
                float[][] logitsA = first.predictLogits(x, 4);
                float[][] logitsB = second.predictLogits(x, 4);
                assertFalse(Arrays.deepEquals(logitsA, logitsB));
                ParameterSnapshot a = ParameterSnapshot.of(first.block());
                ParameterSnapshot.of(second.block()).restoreInto(first.block(), first.manager());
                assertArrayEquals(logitsB, first.predictLogits(x, 4));
                a.restoreInto(first.block(), first.manager());
                assertArrayEquals(logitsA, first.predictLogits(x, 4));
            }
        }
    }
}
