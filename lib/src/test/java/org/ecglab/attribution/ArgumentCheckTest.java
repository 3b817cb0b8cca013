package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecglab.attribution.path.IntegratedGradients;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The registry and every method reject bad ids, parameters and inputs with messages naming the problem. */
class ArgumentCheckTest {
    /** Methods that take one baseline per input (or one for all). */
    private static final Set<String> PER_INPUT_BASELINES = Set.of("integrated_gradients", "deeplift");
    private static EcgClassifier model;
    private static float[][][] x;

    @BeforeAll
    static void setUp() {
        model = TinyModels.linear(TinyModels.randomWeights(1), new float[2]);
        x = TinyModels.ecgs(2, 3);
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    private static String message(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void registryListsMethodsAndRejectsUnknownIds() {
        assertEquals(List.of("saliency", "integrated_gradients", "input_x_gradient", "smoothgrad", "gradient_shap",
                "grad_cam", "guided_grad_cam", "guided_backprop", "deconvolution", "deeplift", "deeplift_shap", "lrp_epsilon", "lrp_gamma",
                "lrp_alpha_beta", "lrp_z_plus", "lrp_flat", "lrp_epsilon_plus_flat", "lrp_epsilon_gamma_flat", "occlusion",
                "feature_ablation", "lime", "kernel_shap", "shapley_sampling"),
                AttributionMethods.ids());
        String m = message(() -> AttributionMethods.create("lrp_magic"));
        assertTrue(m.contains("lrp_magic") && m.contains("integrated_gradients"), m);
    }

    @Test
    void badParametersAreNamed() {
        String unknown = message(() -> AttributionMethods.create("saliency", Map.of("n_steps", 3)));
        assertTrue(unknown.contains("'n_steps'") && unknown.contains("[abs, internal_batch_size]"), unknown);
        String type = message(() -> AttributionMethods.create("integrated_gradients", Map.of("n_steps", "many")));
        assertTrue(type.contains("'n_steps'") && type.contains("integer"), type);
        String range = message(() -> AttributionMethods.create("integrated_gradients", Map.of("n_steps", 0)));
        assertTrue(range.contains(">= 1"), range);
        String choice = message(() -> AttributionMethods.create("integrated_gradients", Map.of("method", "simpson")));
        assertTrue(choice.contains("simpson") && choice.contains("riemann_left"), choice);
        String trapezoid = message(() -> AttributionMethods.create("integrated_gradients",
                Map.of("method", "riemann_trapezoid", "n_steps", 1)));
        assertTrue(trapezoid.contains("at least 2"), trapezoid);
        assertTrue(message(() -> AttributionMethods.create("saliency", Map.of("abs", "yes"))).contains("'abs'"));
        String ntType = message(() -> AttributionMethods.create("smoothgrad", Map.of("nt_type", "smoothgrad_cubed")));
        assertTrue(ntType.contains("'nt_type'") && ntType.contains("[smoothgrad, smoothgrad_sq, vargrad]"), ntType);
        String stdevs = message(() -> AttributionMethods.create("smoothgrad", Map.of("stdevs", -0.1)));
        assertTrue(stdevs.contains("'stdevs'") && stdevs.contains(">= 0.0"), stdevs);
        String samples = message(() -> AttributionMethods.create("gradient_shap", Map.of("n_samples", 0)));
        assertTrue(samples.contains("'n_samples'") && samples.contains(">= 1"), samples);
        String layer = message(() -> AttributionMethods.create("grad_cam", Map.of("layer", -2)));
        assertTrue(layer.contains("'layer'") && layer.contains(">= -1"), layer);
        String mode = message(() -> AttributionMethods.create("grad_cam", Map.of("interpolate_mode", "bicubic")));
        assertTrue(mode.contains("'interpolate_mode'") && mode.contains("[nearest, linear]"), mode);
    }

    @Test
    void layerMethodsNameTheMissingLayers() {
        String bare = message(() -> AttributionMethods.create("grad_cam").attribute(model, x, new int[] {0, 1}));
        assertTrue(bare.startsWith("method grad_cam needs the network's layers, but model linear"), bare);
    }

    @Test
    void parametersRoundTripThroughTheRegistry() {
        AttributionMethod ig = AttributionMethods.create("integrated_gradients",
                Map.of("n_steps", "32", "method", "riemann_middle"));
        assertEquals(Map.of("n_steps", 32, "method", "riemann_middle", "internal_batch_size", GradientComputer.DEFAULT_INTERNAL_BATCH_SIZE), ig.parameters());
        assertEquals(ig.parameters(), AttributionMethods.create(ig.id(), ig.parameters()).parameters());
    }

    @Test
    void badInputsAreRejectedByEveryMethod() {
        float[][][] nan = TinyModels.ecgs(1, 4);
        nan[0][5][42] = Float.NaN;
        float[][][] shortLead = TinyModels.ecgs(1, 4);
        shortLead[0][2] = new float[599];
        for (String id : AttributionMethods.ids()) {
            AttributionMethod m = AttributionMethods.create(id);
            assertTrue(message(() -> m.attribute(model, x, new int[] {0})).contains("targets has length 1"), id);
            assertTrue(message(() -> m.attribute(model, x, new int[] {0, 2})).contains("targets[1] = 2"), id);
            assertTrue(message(() -> m.attribute(model, nan, new int[] {0})).contains("inputs[0][5][42] is NaN"), id);
            assertTrue(message(() -> m.attribute(model, shortLead, new int[] {0}))
                    .contains("inputs[0][2] has 599 samples"), id);
            if (PER_INPUT_BASELINES.contains(id)) { // the others take no baseline, or a distribution
                assertTrue(message(() -> m.attribute(model, x, new int[] {0, 1}, Baselines.of(TinyModels.ecgs(3, 5))))
                        .contains("3 baselines for 2 inputs; give 1 or 2"), id);
            }
        }
    }

    @Test
    void everyNonFiniteValueIsFoundAndNamedAndExtremeFiniteOnesPass() {
        float[][][] x = new float[3][EcgFormat.LEADS][EcgFormat.SAMPLES];
        x[0][0][0] = Float.MAX_VALUE;
        x[1][11][599] = -Float.MAX_VALUE;
        x[2][6][300] = Float.MIN_VALUE;
        AttributionInputs.check(model, x, new int[3], Baselines.zero());
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc00001)};
        for (float v : bad) {
            for (int[] at : new int[][] {{0, 0, 0}, {1, 11, 599}, {2, 6, 301}}) {
                float[][][] y = new float[3][EcgFormat.LEADS][EcgFormat.SAMPLES];
                y[at[0]][at[1]][at[2]] = v;
                String m = message(() -> AttributionInputs.check(model, y, new int[3], Baselines.zero()));
                assertEquals("inputs[" + at[0] + "][" + at[1] + "][" + at[2] + "] is " + v + "; values must be finite",
                        m);
            }
        }
    }

    @Test
    void manyInputsAreScannedInParallelAndTheFirstBadOneIsNamed() {
        int n = AttributionInputs.PARALLEL_FROM * 3;
        float[][][] y = new float[n][EcgFormat.LEADS][EcgFormat.SAMPLES];
        AttributionInputs.check(model, y, new int[n], Baselines.zero());
        y[n - 1][5][10] = Float.NaN;
        y[n / 2][2][0] = Float.NEGATIVE_INFINITY;
        assertEquals("inputs[" + n / 2 + "][2][0] is -Infinity; values must be finite",
                message(() -> AttributionInputs.check(model, y, new int[n], Baselines.zero())));
        y[n / 3] = new float[EcgFormat.LEADS - 1][EcgFormat.SAMPLES];
        assertEquals("inputs[" + n / 3 + "] has 11 leads; expected 12",
                message(() -> AttributionInputs.check(model, y, new int[n], Baselines.zero())));
        y[1][4] = new float[EcgFormat.SAMPLES + 1];
        assertEquals("inputs[1][4] has 601 samples; expected 600",
                message(() -> AttributionInputs.check(model, y, new int[n], Baselines.zero())));
    }

    @Test
    void deepLiftShapNeedsADistributionOfTwoBaselines() {
        AttributionMethod shap = AttributionMethods.create("deeplift_shap");
        assertTrue(message(() -> shap.attribute(model, x, new int[] {0, 1}))
                .contains("needs a distribution of at least 2 baseline ECGs"));
        assertTrue(message(() -> shap.attribute(model, x, new int[] {0, 1}, Baselines.of(TinyModels.ecgs(1, 5))))
                .contains("needs at least 2 baseline ECGs to draw from; 1 given"));
    }

    @Test
    void methodsThatWalkTheLayersNameTheMissingArchitecture() {
        // The linear test model wraps a bare DJL block: checks of the arguments come first, then this.
        for (String id : List.of("guided_backprop", "deconvolution", "deeplift", "lrp_epsilon", "lrp_epsilon_gamma_flat")) {
            String m = message(() -> AttributionMethods.create(id).attribute(model, x, new int[] {0, 1}));
            assertTrue(m.contains("method " + id + " needs the network's layers") && m.contains("model linear"), m);
        }
    }

    @Test
    void badLrpAndDeepLiftParametersAreNamed() {
        String alphaBeta = message(() -> AttributionMethods.create("lrp_alpha_beta", Map.of("alpha", 2.0)));
        assertTrue(alphaBeta.contains("alpha - beta must be 1"), alphaBeta);
        String gamma = message(() -> AttributionMethods.create("lrp_gamma", Map.of("gamma", -0.5)));
        assertTrue(gamma.contains("'gamma'") && gamma.contains(">= 0.0"), gamma);
        String eps = message(() -> AttributionMethods.create("lrp_epsilon", Map.of("epsilon", "tiny")));
        assertTrue(eps.contains("'epsilon'") && eps.contains("a number"), eps);
        String stab = message(() -> AttributionMethods.create("lrp_z_plus", Map.of("epsilon", 1e-3)));
        assertTrue(stab.contains("unknown parameter 'epsilon'") && stab.contains("stabilizer"), stab);
        String dl = message(() -> AttributionMethods.create("deeplift", Map.of("multiply_by_inputs", "maybe")));
        assertTrue(dl.contains("'multiply_by_inputs'") && dl.contains("true or false"), dl);
    }

    @Test
    void resultCarriesProvenance() {
        Attribution a = new IntegratedGradients().attribute(model, x, new int[] {0, 1});
        String s = a.toString();
        assertTrue(s.contains("integrated_gradients") && s.contains("model=linear") && s.contains("2x12x600")
                && s.contains("max|delta|"), s);
        assertEquals(2, a.convergenceDelta().length);
    }
}
