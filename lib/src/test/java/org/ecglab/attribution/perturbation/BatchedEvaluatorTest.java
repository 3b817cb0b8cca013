package org.ecglab.attribution.perturbation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.ecglab.attribution.TinyModels;
import org.ecglab.nn.DirectMemory;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.Test;

class BatchedEvaluatorTest {
    /** Evaluates the ECGs themselves, one row each, and keeps the logits it is handed. */
    private static final class Identity implements PerturbationPlan {
        private final float[][][] ecgs;
        private final float[] logits;

        Identity(float[][][] ecgs) {
            this.ecgs = ecgs;
            this.logits = new float[ecgs.length];
        }

        @Override
        public int rows() {
            return ecgs.length;
        }

        @Override
        public void fill(int row, float[] dest, int offset) {
            for (float[] lead : ecgs[row]) {
                System.arraycopy(lead, 0, dest, offset, lead.length);
                offset += lead.length;
            }
        }

        @Override
        public void accept(int row, float logit) {
            logits[row] = logit;
        }
    }

    @Test
    void rowsAcrossPlansAndPassesGetTheirOwnTargetLogit() {
        try (EcgClassifier model = TinyModels.cnn(41, false)) {
            float[][][] x = TinyModels.ecgs(7, 42);
            List<Identity> plans = List.of(new Identity(java.util.Arrays.copyOfRange(x, 0, 4)),
                    new Identity(java.util.Arrays.copyOfRange(x, 4, 7)));
            int[] targets = {1, 0};
            // 3 rows per pass: passes cut across the two plans, and the last one is short.
            assertEquals(7, new BatchedEvaluator(3).run(model, plans, targets));
            float[][] expected = model.predictLogits(x, 7);
            for (int p = 0; p < 2; p++) {
                float[] want = new float[plans.get(p).rows()];
                for (int r = 0; r < want.length; r++) {
                    want[r] = expected[4 * p + r][targets[p]];
                }
                assertArrayEquals(want, plans.get(p).logits, 1e-5f, "plan " + p);
            }
        }
    }

    @Test
    void passesTakeNoJavaDirectMemory() {
        try (EcgClassifier model = TinyModels.cnn(41, false)) {
            float[][][] x = TinyModels.ecgs(64, 43);
            List<Identity> plans = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                plans.add(new Identity(x));
            }
            // 20 passes of 1.8 MB: through DJL's own buffers, 37 MB until a garbage collection.
            DirectMemory.assertLeavesNoneBehind(() -> new BatchedEvaluator(64).run(model, plans, new int[20]));
        }
    }
}
