package org.ecglab.attribution.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.TinyModels;
import org.ecglab.attribution.TwoLayerNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each LRP rule on {@code y = W2 relu(W1 x + b1) + b2} against a naive matrix-form twin of its formula (as Zennit's
 * tests do), in double: relevance {@code R = y_c} at the target logit, the rule at each linear layer, relevance
 * passed through the ReLU. The input {@code x} is signed (an ECG), the hidden activations are not, so the rules'
 * positive and negative parts are both exercised.
 */
class LrpRulesTest {
    private static TwoLayerNet net;
    private static float[][][] x;
    private static final int[] TARGETS = {0, 1, 1};

    /** One layer's rule: relevance at the input from the input {@code a}, the weights and the output relevance. */
    private interface NaiveRule {
        double[] apply(double[][] w, double[] b, double[] a, double[] relevance);
    }

    @BeforeAll
    static void setUp() {
        net = new TwoLayerNet(16, true, 3);
        x = TinyModels.ecgs(3, 17);
    }

    @AfterAll
    static void tearDown() {
        net.close();
    }

    private static double stabilize(double z, double eps) {
        return z + eps * (z >= 0 ? 1 : -1);
    }

    private static double pos(double v) {
        return Math.max(v, 0);
    }

    private static double neg(double v) {
        return Math.min(v, 0);
    }

    static NaiveRule epsilon(double eps) {
        return (w, b, a, r) -> {
            double[] z = TwoLayerNet.affine(w, b, a);
            double[] out = new double[a.length];
            for (int i = 0; i < w.length; i++) {
                double s = r[i] / stabilize(z[i], eps);
                for (int j = 0; j < a.length; j++) {
                    out[j] += a[j] * w[i][j] * s;
                }
            }
            return out;
        };
    }

    static NaiveRule alphaBeta(double alpha, double beta, double eps) {
        return (w, b, a, r) -> {
            double[] out = new double[a.length];
            for (int i = 0; i < w.length; i++) {
                double zp = pos(b[i]);
                double zn = neg(b[i]);
                for (int j = 0; j < a.length; j++) {
                    zp += pos(a[j]) * pos(w[i][j]) + neg(a[j]) * neg(w[i][j]);
                    zn += pos(a[j]) * neg(w[i][j]) + neg(a[j]) * pos(w[i][j]);
                }
                double sp = r[i] / stabilize(zp, eps);
                double sn = r[i] / stabilize(zn, eps);
                for (int j = 0; j < a.length; j++) {
                    out[j] += alpha * (pos(a[j]) * pos(w[i][j]) + neg(a[j]) * neg(w[i][j])) * sp
                            - beta * (pos(a[j]) * neg(w[i][j]) + neg(a[j]) * pos(w[i][j])) * sn;
                }
            }
            return out;
        };
    }

    static NaiveRule gamma(double g, double eps) {
        return (w, b, a, r) -> {
            double[] z = TwoLayerNet.affine(w, b, a);
            double[] out = new double[a.length];
            for (int i = 0; i < w.length; i++) {
                // z > 0: positive inputs see w + g w+, negative inputs w + g w-; z < 0 the other way round.
                boolean up = z[i] > 0;
                if (z[i] == 0) {
                    continue;
                }
                double denominator = b[i] + g * (up ? pos(b[i]) : neg(b[i]));
                for (int j = 0; j < a.length; j++) {
                    denominator += pos(a[j]) * amplified(w[i][j], g, up) + neg(a[j]) * amplified(w[i][j], g, !up);
                }
                double s = r[i] / stabilize(denominator, eps);
                for (int j = 0; j < a.length; j++) {
                    out[j] += (pos(a[j]) * amplified(w[i][j], g, up) + neg(a[j]) * amplified(w[i][j], g, !up)) * s;
                }
            }
            return out;
        };
    }

    private static double amplified(double w, double g, boolean positivePart) {
        return w + g * (positivePart ? pos(w) : neg(w));
    }

    static NaiveRule flat(double eps) {
        return (w, b, a, r) -> {
            double[] out = new double[a.length];
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < a.length; j++) {
                    out[j] += r[i] / stabilize(a.length, eps);
                }
            }
            return out;
        };
    }

    /**
     * Relevance at the input of the two-layer net, {@code first} at layer 1 and {@code second} at layer 2; with
     * {@code flattenEpsilon} > 0 also Captum's epsilon rule at the flatten layer, {@code R_j x_j / stab(x_j)}.
     */
    private static double[] twin(float[][] ecg, int target, NaiveRule first, NaiveRule second, double flattenEpsilon) {
        double[] in = TwoLayerNet.flatten(ecg);
        double[] a = TwoLayerNet.relu(net.hidden(in));
        double[] y = TwoLayerNet.affine(net.w2, net.b2, a);
        double[] r = new double[2];
        r[target] = y[target];
        double[] out = first.apply(net.w1, net.b1, in, second.apply(net.w2, net.b2, a, r));
        for (int j = 0; flattenEpsilon > 0 && j < out.length; j++) {
            out[j] *= in[j] / stabilize(in[j], flattenEpsilon);
        }
        return out;
    }

    private static void assertTwin(String id, Map<String, Object> params, NaiveRule first, NaiveRule second) {
        assertTwin(id, params, first, second, 0);
    }

    private static void assertTwin(String id, Map<String, Object> params, NaiveRule first, NaiveRule second,
            double flattenEpsilon) {
        Attribution a = AttributionMethods.create(id, params).attribute(net.model, x, TARGETS);
        for (int i = 0; i < x.length; i++) {
            double err = TwoLayerNet.relativeError(a.map(i), twin(x[i], TARGETS[i], first, second, flattenEpsilon));
            assertTrue(err < 1e-4, id + " " + params + ", ECG " + i + ": relative error " + err);
        }
    }

    @Test
    void epsilonRuleAsCaptumOnEveryLayerFlattenIncluded() {
        assertTwin("lrp_epsilon", Map.of(), epsilon(1e-9), epsilon(1e-9), 1e-9);
        // A large epsilon absorbs relevance at every layer, the flatten layer too (Captum needs a rule there).
        assertTwin("lrp_epsilon", Map.of("epsilon", 0.5), epsilon(0.5), epsilon(0.5), 0.5);
    }

    @Test
    void gammaRule() {
        assertTwin("lrp_gamma", Map.of(), gamma(0.25, 1e-6), gamma(0.25, 1e-6));
        assertTwin("lrp_gamma", Map.of("gamma", 2.0, "stabilizer", 0.1), gamma(2, 0.1), gamma(2, 0.1));
    }

    @Test
    void alphaBetaRule() {
        assertTwin("lrp_alpha_beta", Map.of(), alphaBeta(1, 0, 1e-6), alphaBeta(1, 0, 1e-6));
        assertTwin("lrp_alpha_beta", Map.of("alpha", 2.0, "beta", 1.0), alphaBeta(2, 1, 1e-6), alphaBeta(2, 1, 1e-6));
    }

    @Test
    void zPlusRuleIsAlphaOneBetaZero() {
        assertTwin("lrp_z_plus", Map.of(), alphaBeta(1, 0, 1e-6), alphaBeta(1, 0, 1e-6));
    }

    @Test
    void flatRule() {
        assertTwin("lrp_flat", Map.of(), flat(1e-6), flat(1e-6));
    }

    @Test
    void compositesUseFlatFirstAndEpsilonForTheLastLinearLayer() {
        // No convolutions here: the first linear layer is the first weighted layer (flat), the last one epsilon.
        assertTwin("lrp_epsilon_plus_flat", Map.of("epsilon", 0.01), flat(1e-6), epsilon(0.01));
        assertTwin("lrp_epsilon_gamma_flat", Map.of(), flat(1e-6), epsilon(1e-6));
    }

    @Test
    void gammaZeroIsTheEpsilonRuleAndAlphaOneBetaZeroIsZPlus() {
        // With gamma 0 both sign groups use the plain weights, so their denominators are z itself: LRP-epsilon with
        // the stabilizer as epsilon. The methods' own outputs are compared, not the twins.
        float[][][] g0 = AttributionMethods.create("lrp_gamma", Map.of("gamma", 0.0, "stabilizer", 1e-3))
                .attribute(net.model, x, TARGETS).values();
        float[][][] eps = AttributionMethods.create("lrp_epsilon", Map.of("epsilon", 1e-3))
                .attribute(net.model, x, TARGETS).values();
        float[][][] ab = AttributionMethods.create("lrp_alpha_beta").attribute(net.model, x, TARGETS).values();
        float[][][] zPlus = AttributionMethods.create("lrp_z_plus").attribute(net.model, x, TARGETS).values();
        for (int i = 0; i < x.length; i++) {
            // lrp_epsilon also applies epsilon at the flatten layer (Captum): x / (x + 1e-3 sign x), about 1e-3 here.
            assertTrue(TinyModels.maxAbsDiff(new float[][][] {g0[i]}, new float[][][] {eps[i]})
                    < 5e-3 * TinyModels.maxAbs(eps[i]), "ECG " + i);
            assertEquals(0, TinyModels.maxAbsDiff(new float[][][] {ab[i]}, new float[][][] {zPlus[i]}),
                    1e-6 * TinyModels.maxAbs(zPlus[i]), "ECG " + i);
        }
    }

    @Test
    void conservationIsReportedAsTheConvergenceDelta() {
        for (String id : new String[] {"lrp_epsilon", "lrp_z_plus", "lrp_epsilon_gamma_flat"}) {
            Attribution a = AttributionMethods.create(id).attribute(net.model, x, TARGETS);
            float[][] logits = net.model.predictLogits(x);
            for (int i = 0; i < x.length; i++) {
                double gap = TinyModels.sum(a.map(i)) - logits[i][TARGETS[i]];
                assertEquals(gap, a.convergenceDelta()[i], 1e-5 * Math.abs(logits[i][TARGETS[i]]) + 1e-6, id);
            }
        }
    }
}
