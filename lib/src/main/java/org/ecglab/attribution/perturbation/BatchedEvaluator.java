package org.ecglab.attribution.perturbation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.ecglab.attribution.NativeRows;
import org.ecglab.attribution.Param;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;

/**
 * Evaluates the perturbed inputs of many {@link PerturbationPlan}s in forward passes of at most
 * {@code perturbationsPerEval} inputs, packing the rows of consecutive plans (ECGs) into the same pass. Native and
 * Java memory are bounded by one pass, whatever the number of ECGs and rows; no gradient is recorded.
 *
 * <p>Captum's {@code perturbations_per_eval} counts perturbations per example, so a Captum pass holds
 * {@code perturbations_per_eval × N} inputs; here it counts inputs per pass, across ECGs, so that memory does not grow
 * with {@code N}. Either way the batch size changes only float rounding, never which inputs are evaluated.
 */
public final class BatchedEvaluator {
    /** Default inputs per forward pass: near the CPU's best throughput for the default CNN, 1.8 MB of input. */
    public static final int DEFAULT_PERTURBATIONS_PER_EVAL = 64;
    private static final int ROW = EcgFormat.LEADS * EcgFormat.SAMPLES;

    private final int perturbationsPerEval;

    /**
     * @param perturbationsPerEval inputs per forward pass, at least 1
     */
    public BatchedEvaluator(int perturbationsPerEval) {
        if (perturbationsPerEval < 1) {
            throw new IllegalArgumentException("perturbations_per_eval must be >= 1, got " + perturbationsPerEval);
        }
        this.perturbationsPerEval = perturbationsPerEval;
    }

    /** The {@code perturbations_per_eval} parameter every perturbation method declares (Captum's name). */
    public static Param<Integer> perturbationsPerEvalParam() {
        return Param.integer("perturbations_per_eval", DEFAULT_PERTURBATIONS_PER_EVAL, 1,
                "perturbed ECGs per forward pass (across ECGs); bounds memory, changes results only at float "
                        + "rounding level");
    }

    /**
     * Evaluates every row of every plan, handing plan {@code p}'s logits of output {@code targets[p]} to it in row
     * order.
     *
     * @return the number of inputs evaluated
     */
    public long run(EcgClassifier model, List<? extends PerturbationPlan> plans, int[] targets) {
        if (plans.size() != targets.length) {
            throw new IllegalArgumentException(plans.size() + " plans for " + targets.length + " targets");
        }
        int k = model.numOutputs();
        float[] buffer = new float[perturbationsPerEval * ROW];
        int[] planOf = new int[perturbationsPerEval];
        int[] rowOf = new int[perturbationsPerEval];
        long evaluated = 0;
        int fill = 0;
        for (int p = 0; p < plans.size(); p++) {
            PerturbationPlan plan = plans.get(p);
            for (int r = 0; r < plan.rows(); r++) {
                plan.fill(r, buffer, fill * ROW);
                planOf[fill] = p;
                rowOf[fill] = r;
                if (++fill == perturbationsPerEval) {
                    evaluate(model, plans, targets, buffer, planOf, rowOf, fill, k);
                    evaluated += fill;
                    fill = 0;
                }
            }
        }
        if (fill > 0) {
            evaluate(model, plans, targets, buffer, planOf, rowOf, fill, k);
            evaluated += fill;
        }
        return evaluated;
    }

    private static void evaluate(EcgClassifier model, List<? extends PerturbationPlan> plans, int[] targets,
            float[] buffer, int[] planOf, int[] rowOf, int rows, int k) {
        float[] logits;
        try (NDManager m = model.manager().newSubManager()) {
            NativeRows chunk = NativeRows.allocate(m, rows);
            chunk.input().put(buffer, 0, rows * ROW);
            NDArray x = chunk.array();
            NDArray out = model.forward(x);
            if (out.getShape().get(0) != rows || out.getShape().get(1) != k) {
                throw new IllegalStateException("model " + model.id() + " returned logits of shape " + out.getShape()
                        + " for " + rows + " inputs; expected (" + rows + ", " + k + ")");
            }
            logits = out.toFloatArray();
        }
        for (int i = 0; i < rows; i++) {
            plans.get(planOf[i]).accept(rowOf[i], logits[i * k + targets[planOf[i]]]);
        }
    }

    /** Inputs per forward pass. */
    public int perturbationsPerEval() {
        return perturbationsPerEval;
    }

    @Override
    public String toString() {
        return "BatchedEvaluator[" + perturbationsPerEval + " inputs per pass]";
    }
}
