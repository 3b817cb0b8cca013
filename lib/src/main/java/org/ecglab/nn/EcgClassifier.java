package org.ecglab.nn;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.ecglab.data.EcgFormat;

/**
 * A differentiable ECG classifier: a DJL {@link Block} mapping {@code (N, 12, 600)} mV input to
 * {@code (N, outputs)} logits, held in a DJL {@link Model} that owns its parameters. Attribution methods call
 * {@link #forward(NDArray)} inside a {@code GradientCollector}; the block always runs in inference mode (batch
 * norm uses running statistics, dropout is off), so attributions explain the deployed model.
 */
public final class EcgClassifier implements AutoCloseable {
    /** Records per forward pass of {@link #predictLogits(float[][][])}: bounds native memory, fast on a CPU. */
    public static final int INFERENCE_BATCH = 256;
    private final Model model;
    private final List<String> outputNames;
    private final Architecture architecture;

    private EcgClassifier(Model model, List<String> outputNames, Architecture architecture) {
        this.model = model;
        this.outputNames = List.copyOf(outputNames);
        this.architecture = architecture;
    }

    /**
     * A network built from {@code architecture} (initialised as {@link #of(String, Block, List)} does), which
     * propagation and CAM methods can walk layer by layer ({@link LayerwiseModel}).
     */
    public static EcgClassifier of(String id, Architecture architecture, List<String> outputNames) {
        EcgClassifier c = of(id, architecture.toBlock(), outputNames);
        return new EcgClassifier(c.model, c.outputNames, architecture);
    }

    /**
     * Wraps a DJL model whose block is {@code architecture}'s network (loaded, or to be trained: an uninitialised
     * block is checked by whoever initialises it).
     *
     * @throws IllegalArgumentException if an initialised block's layers or parameter shapes differ from the
     *                                  architecture's
     */
    public static EcgClassifier of(Model model, Architecture architecture, List<String> outputNames) {
        if (model.getBlock().isInitialized()) {
            ParameterLayout.check(architecture, model.getBlock());
        }
        return new EcgClassifier(model, outputNames, architecture);
    }

    /**
     * Wraps a block, initialising its parameters for input shape {@code (1, 12, 600)} unless already initialised.
     * Call {@code Engine.getInstance().setRandomSeed(seed)} first for a seeded initialisation. The parameters record
     * no gradients ({@link #stopParameterGradients()}): a model wrapped this way is explained, not trained.
     *
     * @param id          model id used in provenance (e.g. "LBBB-seed1")
     * @param block       the network
     * @param outputNames one name per logit (e.g. the task's class id)
     */
    public static EcgClassifier of(String id, Block block, List<String> outputNames) {
        Model model = Model.newInstance(id);
        model.setBlock(block);
        if (!block.isInitialized()) {
            block.initialize(model.getNDManager(), DataType.FLOAT32,
                    new Shape(1, EcgFormat.LEADS, EcgFormat.SAMPLES));
        }
        EcgClassifier classifier = new EcgClassifier(model, outputNames, null);
        classifier.stopParameterGradients();
        return classifier;
    }

    /**
     * Stops the parameters from recording gradients. DJL's {@code initialize} marks every trainable parameter as
     * requiring a gradient; a model that is only explained needs gradients with respect to its input, and otherwise
     * every attribution's backward pass would also compute, and accumulate into, one gradient per weight. Trainers
     * must not call this before training.
     */
    public void stopParameterGradients() {
        for (Pair<String, Parameter> p : block().getParameters()) {
            if (p.getValue().isInitialized()) {
                p.getValue().getArray().setRequiresGradient(false);
            }
        }
    }

    /**
     * SHA-256 (hex) over the names, shapes and float values of every parameter, batch-norm running statistics
     * included: equal for models that compute the same function with the same weights, so results derived from a
     * model can be cached by it (a model id such as {@code LBBB-seed1} does not identify retrained weights).
     */
    public String parameterFingerprint() {
        MessageDigest sha = sha256();
        for (Pair<String, Parameter> p : block().getParameters()) {
            NDArray a = p.getValue().getArray();
            sha.update((p.getKey() + a.getShape()).getBytes(StandardCharsets.UTF_8));
            sha.update(a.toByteArray());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Wraps an already loaded DJL model. */
    public static EcgClassifier of(Model model, List<String> outputNames) {
        return new EcgClassifier(model, outputNames, null);
    }

    /** The layers as data, when the classifier was built from an {@link Architecture}. */
    public Optional<Architecture> architecture() {
        return Optional.ofNullable(architecture);
    }

    /**
     * The architecture, for a method that needs the layers.
     *
     * @throws IllegalArgumentException naming the method when this classifier wraps a bare DJL block
     */
    public Architecture requireArchitecture(String methodId) {
        if (architecture == null) {
            throw new IllegalArgumentException("method " + methodId + " needs the network's layers, but model " + id()
                    + " wraps a bare DJL block; build it with EcgClassifier.of(id, architecture, outputNames)");
        }
        return architecture;
    }

    /** Model id used in provenance. */
    public String id() {
        return model.getName();
    }

    /** The DJL model (owns the parameters). */
    public Model model() {
        return model;
    }

    /** The network. */
    public Block block() {
        return model.getBlock();
    }

    /** Manager owning the parameters; create per-call sub-managers from it. */
    public NDManager manager() {
        return model.getNDManager();
    }

    /** Names of the logits, one per output. */
    public List<String> outputNames() {
        return outputNames;
    }

    /** Number of logits. */
    public int numOutputs() {
        return outputNames.size();
    }

    /** Logits {@code (N, outputs)} for input {@code (N, 12, 600)}, in inference mode, differentiable. */
    public NDArray forward(NDArray input) {
        NDList out = block().forward(new ParameterStore(input.getManager(), false), new NDList(input), false);
        NDArray logits = out.singletonOrThrow();
        return logits.getShape().dimension() == 1 ? logits.reshape(-1, 1) : logits;
    }

    /** Logits {@code [N][outputs]} of signals {@code [N][12][600]}, in chunks of {@value #INFERENCE_BATCH}. */
    public float[][] predictLogits(float[][][] signals) {
        return predictLogits(signals, INFERENCE_BATCH);
    }

    /**
     * Logit {@code output} of every signal, e.g. a binary task model's scores for AUROC or a ROC curve.
     *
     * @throws IllegalArgumentException if {@code output} is not a logit index of this model
     */
    public float[] predictLogit(float[][][] signals, int output) {
        if (output < 0 || output >= numOutputs()) {
            throw new IllegalArgumentException("output " + output + " is not a logit index 0.." + (numOutputs() - 1)
                    + " of model " + id() + " " + outputNames);
        }
        return column(predictLogits(signals), output);
    }

    /** Logit {@code output} of every row of {@code logits} {@code [N][outputs]}. */
    public static float[] column(float[][] logits, int output) {
        float[] column = new float[logits.length];
        for (int i = 0; i < column.length; i++) {
            column[i] = logits[i][output];
        }
        return column;
    }

    /** Logits for a batch of signals {@code [N][12][600]}, computed in chunks of {@code batchSize}. */
    public float[][] predictLogits(float[][][] signals, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        float[][] result = new float[signals.length][];
        for (int start = 0; start < signals.length; start += batchSize) {
            int end = Math.min(signals.length, start + batchSize);
            try (NDManager m = manager().newSubManager()) {
                NDArray x = Tensors.signals(m, signals, start, end);
                NDArray logits = forward(x);
                float[] flat = logits.toFloatArray();
                int k = numOutputs();
                for (int i = start; i < end; i++) {
                    result[i] = java.util.Arrays.copyOfRange(flat, (i - start) * k, (i - start + 1) * k);
                }
            }
        }
        return result;
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return "EcgClassifier[" + id() + ", outputs=" + outputNames + "]";
    }
}
