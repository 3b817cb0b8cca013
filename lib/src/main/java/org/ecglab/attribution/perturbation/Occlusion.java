package org.ecglab.attribution.perturbation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionInputs;
import org.ecglab.attribution.ConfiguredMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.MethodDescriptor;
import org.ecglab.attribution.Param;
import org.ecglab.attribution.ParameterSchema;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;

/**
 * Occlusion (Zeiler &amp; Fergus 2014, "Visualizing and understanding convolutional networks"; Captum's
 * {@code Occlusion}): a window of {@code sliding_window_shapes = (leads, samples)} slides over the ECG with
 * {@code strides = (leads, samples)}; at each position {@code w} the window is replaced by the baseline and every
 * point gets the mean drop of the windows that cover it:
 * <pre>
 *   a_i = (1 / |{w ∋ i}|) Σ_{w ∋ i} [ f_c(x) − f_c(x with window w set to x') ]
 * </pre>
 * As Captum, a dimension takes {@code ⌈(size − window) / stride⌉ + 1} positions, so when the stride does not divide
 * {@code size − window} the last window is cut at the edge and every point is covered; a stride may exceed the window
 * only where the window spans the whole dimension. Exact for a linear model with non-overlapping windows:
 * {@code a_i = Σ_{k∈w(i)} w_k (x_k − x'_k)}. Captum has no default window; ours is one lead × 50 samples (100 ms,
 * about a QRS), with Captum's default stride 1. Cost: (positions + 1) forward passes per ECG, e.g.
 * {@code 12 × 551 + 1 = 6613} at the defaults, batched {@code perturbations_per_eval} at a time across ECGs.
 */
public final class Occlusion extends ConfiguredMethod<Occlusion.Params> {
    /** Method id. */
    public static final String ID = "occlusion";

    /**
     * @param slidingWindowShapes  window size in leads and samples
     * @param strides              step in leads and samples
     * @param perturbationsPerEval perturbed ECGs per forward pass
     */
    public record Params(List<Integer> slidingWindowShapes, List<Integer> strides, int perturbationsPerEval) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                Param.integers("sliding_window_shapes", List.of(1, 50), 2, 1,
                        "occluded window in (leads, samples); Captum has no default"),
                Param.integers("strides", List.of(1, 1), 2, 1, "step of the window in (leads, samples); Captum's "
                        + "default 1"),
                BatchedEvaluator.perturbationsPerEvalParam());

        /** Checks the window against the ECG's shape and the strides against the window, as Captum. */
        public Params {
            int[] dims = {EcgFormat.LEADS, EcgFormat.SAMPLES};
            String[] names = {"leads", "samples"};
            for (int d = 0; d < 2; d++) {
                int window = slidingWindowShapes.get(d);
                if (window > dims[d]) {
                    throw new IllegalArgumentException("sliding_window_shapes " + slidingWindowShapes + ": the window "
                            + "spans " + window + " " + names[d] + " but an ECG has " + dims[d]);
                }
                if (window < dims[d] && strides.get(d) > window) {
                    throw new IllegalArgumentException("strides " + strides + ": a stride of " + strides.get(d) + " "
                            + names[d] + " exceeds the window's " + window + " and would skip points");
                }
            }
        }
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "perturbation",
            "mean drop of the logit under sliding baseline windows (Zeiler & Fergus 2014, Captum)", Params.SCHEMA,
            Occlusion::new);

    /** Our default window (1 lead × 50 samples) with Captum's stride 1. */
    public Occlusion() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public Occlusion(Params params) {
        super(DESCRIPTOR, params);
    }

    /** Builds from a parameter map ({@link Params} names, e.g. {@code sliding_window_shapes}). */
    public static Occlusion fromParameters(Map<String, ?> parameters) {
        return new Occlusion(Params.SCHEMA.parse(parameters));
    }

    /** Forward passes per ECG: one per window position, plus the ECG itself. */
    public long evaluationsPerEcg() {
        return windows().length + 1L;
    }

    /** The windows in Captum's order (lead position fastest), as lead-major point indices. */
    int[][] windows() {
        int wl = params.slidingWindowShapes().get(0);
        int wt = params.slidingWindowShapes().get(1);
        int sl = params.strides().get(0);
        int st = params.strides().get(1);
        int cl = positions(EcgFormat.LEADS, wl, sl);
        int ct = positions(EcgFormat.SAMPLES, wt, st);
        int[][] out = new int[cl * ct][];
        for (int j = 0; j < out.length; j++) {
            int l0 = (j % cl) * sl;
            int t0 = (j / cl) * st;
            int l1 = Math.min(EcgFormat.LEADS, l0 + wl);
            int t1 = Math.min(EcgFormat.SAMPLES, t0 + wt);
            int[] points = new int[(l1 - l0) * (t1 - t0)];
            int p = 0;
            for (int l = l0; l < l1; l++) {
                for (int t = t0; t < t1; t++) {
                    points[p++] = l * EcgFormat.SAMPLES + t;
                }
            }
            out[j] = points;
        }
        return out;
    }

    /** Captum's shift count: {@code ⌈(size − window) / stride⌉ + 1}. */
    static int positions(int size, int window, int stride) {
        return (size - window + stride - 1) / stride + 1;
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        float[][][] base = baselines.perInput(ID, inputs.length);
        int[][] windows = windows();
        int[] cover = new int[MaskedEcgs.SIZE];
        for (int[] w : windows) {
            for (int i : w) {
                cover[i]++;
            }
        }
        List<AblationPlan> plans = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            plans.add(new AblationPlan(MaskedEcgs.flatten(inputs[i]), MaskedEcgs.flatten(base[i]), windows));
        }
        new BatchedEvaluator(params.perturbationsPerEval()).run(model, plans, targets);
        float[][][] values = new float[inputs.length][EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int i = 0; i < inputs.length; i++) {
            double[] sum = new double[MaskedEcgs.SIZE];
            double[] drops = plans.get(i).drops();
            for (int w = 0; w < windows.length; w++) {
                for (int p : windows[w]) {
                    sum[p] += drops[w];
                }
            }
            for (int p = 0; p < sum.length; p++) {
                values[i][p / EcgFormat.SAMPLES][p % EcgFormat.SAMPLES] = (float) (sum[p] / cover[p]);
            }
        }
        return Attribution.of(this, model, inputs, values).baselines(baselines).build();
    }

}
