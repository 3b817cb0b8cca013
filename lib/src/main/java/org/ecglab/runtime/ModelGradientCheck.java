package org.ecglab.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.WeakHashMap;
import org.ecglab.data.EcgFormat;

/**
 * Compares one network's batched input gradients with oneDNN convolutions on and off: the check that lets a CPU
 * whose {@link GradientProbe} fails keep oneDNN for networks it computes right (on the AMD EPYC virtual machines of
 * issue 7, every convolution whose output channels are a multiple of 16, as in the default CNN).
 *
 * <p>The gradient of a fixed random combination of the logits is taken for {@value #ROWS} random ECG-shaped rows in
 * one batch, and for the first four rows in another, in inference mode; in both, the median over rows of each row's
 * relative L2 difference between the backends must be within {@value #TOLERANCE}. A ReLU or max-pooling decision
 * within float32 rounding of its kink can differ between two correct backends and change one row's gradient; the
 * median ignores such rows, and a disagreement counts only if a second draw of rows disagrees too. The fault this
 * guards against changes every row. Batch norm runs
 * on its running statistics, so the network's state is unchanged; gradients the check adds to parameters that record
 * them (a network in training) are set back to zero.
 */
public final class ModelGradientCheck {
    static final int ROWS = 16;
    static final double TOLERANCE = 1e-4;
    /** Structures of initialised blocks, by identity; a block that is no longer used is dropped with it. */
    private static final Map<Block, String> STRUCTURES = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param agrees     whether the backends agree
     * @param difference the larger median per-row relative L2 difference of the draws made
     */
    public record Result(boolean agrees, double difference) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "oneDNN vs im2col convolutions %.2e (limit %.0e)", difference,
                    TOLERANCE);
        }
    }

    private ModelGradientCheck() {
    }

    /** Runs the check on {@code block} (initialised, parameters without gradients), toggling {@code oneDnn}. */
    static Result run(Block block, OneDnnSwitch oneDnn) {
        boolean before = oneDnn.enabled();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            double first = worstDifference(m, block, oneDnn, 1);
            if (first <= TOLERANCE) {
                return new Result(true, first);
            }
            double second = worstDifference(m, block, oneDnn, 2);
            return new Result(second <= TOLERANCE, Math.max(first, second));
        } finally {
            oneDnn.setEnabled(before);
            zeroParameterGradients(block);
        }
    }

    /** A network in training records parameter gradients; the check's backward passes must not leave any. */
    private static void zeroParameterGradients(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().isInitialized() && p.getValue().getArray().hasGradient()) {
                NDArray g = p.getValue().getArray().getGradient();
                g.subi(g);
            }
        }
    }

    /**
     * The larger over batches of {@value #ROWS} and 4 rows of the median over rows of each row's relative L2
     * difference between the two backends. The median ignores a row whose gradient path differs at a kink, while
     * the fault changes every row.
     */
    private static double worstDifference(NDManager m, Block block, OneDnnSwitch oneDnn, long seed) {
        int size = EcgFormat.LEADS * EcgFormat.SAMPLES;
        float[] rows = gaussian(ROWS * size, 1, seed);
        double worst = 0;
        for (int n : new int[] {ROWS, 4}) {
            float[] x = Arrays.copyOf(rows, n * size);
            oneDnn.setEnabled(true);
            float[] on = gradient(m, block, x, n, seed);
            oneDnn.setEnabled(false);
            float[] off = gradient(m, block, x, n, seed);
            double[] perRow = new double[n];
            for (int r = 0; r < n; r++) {
                perRow[r] = relativeL2(Arrays.copyOfRange(on, r * size, (r + 1) * size),
                        Arrays.copyOfRange(off, r * size, (r + 1) * size));
            }
            Arrays.sort(perRow);
            double median = n % 2 == 1 ? perRow[n / 2] : (perRow[n / 2 - 1] + perRow[n / 2]) / 2;
            worst = Math.max(worst, median);
        }
        return worst;
    }

    private static float[] gradient(NDManager parent, Block block, float[] rows, int n, long seed) {
        try (NDManager m = parent.newSubManager()) {
            NDArray x = m.create(rows, new Shape(n, EcgFormat.LEADS, EcgFormat.SAMPLES));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray logits = block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
                NDArray mix = m.create(gaussian((int) logits.size(), 1, seed + 100), logits.getShape());
                collector.backward(logits.mul(mix).sum());
            }
            return x.getGradient().toFloatArray();
        }
    }

    /**
     * A text that is equal for blocks of the same structure and shapes, whatever their values. Described once per
     * block whose parameters are all initialised: the lab initialises a block once, and its layers and parameter
     * shapes are then fixed.
     */
    static String structure(Block block) {
        String known = STRUCTURES.get(block);
        if (known != null) {
            return known;
        }
        // Block.toString gives each layer's output shape, which DJL finds by running every lambda layer (ReLU,
        // pooling) on zeros: 0.1 to 1.5 ms per call with two threads, on every call that computes gradients
        // (issue 10's pass profile), before this cache.
        StringBuilder sb = new StringBuilder(block.toString());
        boolean initialized = true;
        for (Pair<String, Parameter> p : block.getParameters()) {
            initialized &= p.getValue().isInitialized();
            sb.append(';').append(p.getKey()).append(p.getValue().isInitialized()
                    ? p.getValue().getArray().getShape() : "?");
        }
        String structure = sb.toString();
        if (initialized) {
            STRUCTURES.put(block, structure);
        }
        return structure;
    }

    /** ‖a − reference‖ / ‖reference‖; infinite when either holds a NaN or the reference is zero and a is not. */
    static double relativeL2(float[] a, float[] reference) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - reference[i];
            diff += d * d;
            norm += (double) reference[i] * reference[i];
        }
        if (!Double.isFinite(diff)) {
            return Double.POSITIVE_INFINITY;
        }
        return norm == 0 ? (diff == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(diff / norm);
    }

    /** {@code n} seeded normal values from {@link Random}, which leaves the engine's random state alone. */
    static float[] gaussian(int n, double sd, long seed) {
        Random random = new Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (sd * random.nextGaussian());
        }
        return out;
    }
}
