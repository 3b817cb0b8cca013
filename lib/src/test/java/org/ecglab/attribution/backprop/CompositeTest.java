package org.ecglab.attribution.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.TestModels;
import org.junit.jupiter.api.Test;

/** Composites give each layer its rule; the stabiliser keeps its sign; rules that do not fit a layer say so. */
class CompositeTest {
    @Test
    void epsilonGammaFlatPlanOnTheDefaultCnn() {
        try (EcgClassifier model = TestModels.nonTrivial(Architecture.defaultCnn(1), 1, List.of("a"))) {
            List<String> plan = new BackwardTraversal(Composites.epsilonGammaFlat(1e-6, 0.25, 1e-6),
                    BackwardTraversal.Start.LOGIT, 4).plan(model, "lrp_epsilon_gamma_flat");
            // 5 convolutions with their batch norms folded in, 5 ReLUs, 4 max pools, global pooling, flatten, linear
            assertEquals(17, plan.size(), String.join("\n", plan));
            assertTrue(plan.get(0).startsWith("0 Conv1d(12, 16") && plan.get(0).contains("folded in: flat"), plan.get(0));
            assertTrue(plan.get(1).endsWith("ReLU(): pass") && plan.get(2).endsWith(": gradient"), plan.toString());
            assertTrue(plan.get(3).contains("folded in: gamma(0.250000)"), plan.get(3));
            assertTrue(plan.get(14).contains("AdaptiveAvgPool1d") && plan.get(14).endsWith("norm(1.00000e-06)"),
                    plan.get(14));
            assertTrue(plan.get(16).contains("Linear") && plan.get(16).endsWith("epsilon(1.00000e-06)"), plan.get(16));
            List<String> captum = new BackwardTraversal(Composites.captumEpsilon(1e-9), BackwardTraversal.Start.LOGIT, 4)
                    .plan(model, "lrp_epsilon");
            assertEquals(Architecture.defaultCnn(1).layers().size(), captum.size(), "Captum's LRP folds nothing");
            assertTrue(captum.get(1).contains("BatchNorm1d") && captum.get(1).endsWith("epsilon(1.00000e-09)"));
        }
    }

    @Test
    void stabilizerMovesAwayFromZeroWithSignOfZeroPositive() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z = m.create(new float[] {-2f, 0f, 3f, -0f});
            assertArrayEquals(new float[] {-2.5f, 0.5f, 3.5f, 0.5f}, Stabilizer.stabilize(z, 0.5).toFloatArray());
        }
    }

    @Test
    void aParameterRuleOnALayerWithoutWeightsIsRefused() {
        Composite wrong = Composite.builder("wrong").type(LrpRule.zPlus(1e-6), "maxpool1d").build();
        try (EcgClassifier model = TestModels.nonTrivial(Architecture.defaultCnn(1), 1, List.of("a"))) {
            String m = assertThrows(IllegalArgumentException.class, () -> new BackwardTraversal(wrong,
                    BackwardTraversal.Start.LOGIT, 2).run(model, "test", TestModels.inputs(1, 1), null, new int[] {0}))
                    .getMessage();
            assertTrue(m.contains("MaxPool1d") && m.contains("has no weights"), m);
        }
    }

    @Test
    void alphaBetaMustDifferByOne() {
        String m = assertThrows(IllegalArgumentException.class, () -> LrpRule.alphaBeta(2, 0.5, 1e-6)).getMessage();
        assertTrue(m.contains("alpha - beta = 1"), m);
    }

    private static void assertArrayEquals(float[] expected, float[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, 0f);
    }
}
