package org.ecglab.experiment;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.ParameterLayout;
import org.ecglab.nn.ParameterSnapshot;

/**
 * Model-parameter randomisation tests (Adebayo et al. 2018, "Sanity checks for saliency maps", NeurIPS): copies of
 * a trained model in which layers are re-initialised, so that an attribution method's dependence on the learned
 * weights can be measured. The trained model is never changed; every copy is a new {@link EcgClassifier} that the
 * caller closes (through {@link RandomizationSteps#close()}).
 *
 * <p><b>Cascading</b> ({@link #cascade}): the layers with parameters are re-initialised from the output layer
 * towards the input, one more layer per step; step {@code k} has the top {@code k + 1} parameterised layers
 * re-initialised and all others as trained. <b>Independent</b> ({@link #independent}): each step re-initialises
 * exactly one layer, same order. Parameter-free layers (ReLU, pooling, flatten, dropout) are not steps.
 *
 * <p><b>Initialisers.</b> A layer is reset to what its DJL block would hold when newly created: each parameter is
 * re-initialised by its own {@link Parameter#getInitializer() initialiser}. With DJL's defaults
 * ({@code Parameter.Type}) that is, for Conv1d and Linear weights, {@code XavierInitializer(GAUSSIAN, IN, 2)} =
 * He-normal {@code N(0, 2 / fan_in)} with {@code fan_in = in_channels * kernel_size} (resp. {@code in_features}),
 * not Glorot's {@code 2 / (fan_in + fan_out)}; biases 0; batch norm {@code gamma = 1}, {@code beta = 0}, and its
 * running statistics reset as well ({@code running_mean = 0}, {@code running_var = 1}), because they are
 * parameters of the layer fitted to the trained weights below it and keeping them would leave the layer partly
 * trained. A re-initialised batch norm therefore computes {@code x / sqrt(1 + eps)}: it is deterministic, not
 * random, exactly as a fresh layer. (PyTorch would draw weights from Kaiming-uniform instead; the study's protocol
 * is not public, so we use the library's own initialisers and say so.)
 *
 * <p><b>Seeds.</b> Layer {@code i} is re-initialised after seeding the engine with a value derived from
 * {@code (seed, i)} only, so a layer gets the same new weights in every step and in both modes: step {@code k + 1}
 * of a cascade equals step {@code k} plus one more layer. This reseeds the engine's global generator
 * ({@link Engine#setRandomSeed}); do not run other seeded DJL work concurrently.
 */
public final class ModelRandomizer {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private ModelRandomizer() {
    }

    /**
     * Indices of the layers that hold parameters, from the output towards the input (the order of both modes).
     */
    public static List<Integer> parameterisedLayersTopDown(Architecture architecture) {
        List<Integer> out = new ArrayList<>();
        for (int i = architecture.layers().size() - 1; i >= 0; i--) {
            if (ParameterLayout.hasParameters(architecture.layers().get(i))) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Cascading randomisation: step {@code k} re-initialises the top {@code k + 1} parameterised layers.
     *
     * @param model        the trained model (left unchanged)
     * @param architecture the network {@code model} was built from
     * @param seed         seed of the new weights
     * @return one step per parameterised layer, output layer first; close it to free the copies
     * @throws IllegalArgumentException if the model's parameters do not match the architecture
     */
    public static RandomizationSteps cascade(EcgClassifier model, Architecture architecture, long seed) {
        List<Integer> order = parameterisedLayersTopDown(architecture);
        List<RandomizationStep> steps = new ArrayList<>();
        try {
            for (int k = 0; k < order.size(); k++) {
                int layer = order.get(k);
                String id = String.format(Locale.ROOT, "%s-cascade%d-to%d", model.id(), seed, layer);
                steps.add(new RandomizationStep(layer, label(architecture, layer),
                        randomizeLayers(model, architecture, order.subList(0, k + 1), seed, id)));
            }
        } catch (RuntimeException e) {
            RandomizationSteps.closeAll(steps);
            throw e;
        }
        return new RandomizationSteps(steps);
    }

    /**
     * Independent randomisation: each step re-initialises exactly one parameterised layer, output layer first.
     *
     * @throws IllegalArgumentException if the model's parameters do not match the architecture
     */
    public static RandomizationSteps independent(EcgClassifier model, Architecture architecture, long seed) {
        List<RandomizationStep> steps = new ArrayList<>();
        try {
            for (int layer : parameterisedLayersTopDown(architecture)) {
                String id = String.format(Locale.ROOT, "%s-independent%d-%d", model.id(), seed, layer);
                steps.add(new RandomizationStep(layer, label(architecture, layer),
                        randomizeLayers(model, architecture, List.of(layer), seed, id)));
            }
        } catch (RuntimeException e) {
            RandomizationSteps.closeAll(steps);
            throw e;
        }
        return new RandomizationSteps(steps);
    }

    /**
     * A copy of {@code model} with the given layers re-initialised (see the class comment) and all other arrays
     * copied bit for bit.
     *
     * @param layers indices into {@link Architecture#layers()}; each must hold parameters
     * @param id     the copy's model id (provenance)
     * @return a new classifier the caller must close
     * @throws IllegalArgumentException for an index out of range or of a layer without parameters, or if the
     *                                  model's parameters do not match the architecture
     */
    public static EcgClassifier randomizeLayers(EcgClassifier model, Architecture architecture,
            Collection<Integer> layers, long seed, String id) {
        Objects.requireNonNull(model, "model");
        ParameterLayout.check(architecture, model.block());
        TreeSet<Integer> chosen = new TreeSet<>(layers);
        for (int i : chosen) {
            if (i < 0 || i >= architecture.layers().size()) {
                throw new IllegalArgumentException("layer index " + i + " out of range 0.."
                        + (architecture.layers().size() - 1));
            }
            if (!ParameterLayout.hasParameters(architecture.layers().get(i))) {
                throw new IllegalArgumentException("layer " + label(architecture, i) + " has no parameters to "
                        + "re-initialise");
            }
        }
        EcgClassifier copy = copy(model, architecture, id);
        try {
            NDManager manager = copy.manager();
            for (int i : chosen) {
                Engine.getInstance().setRandomSeed(Long.hashCode(layerSeed(seed, i)));
                Block layer = copy.block().getChildren().get(i).getValue();
                for (Parameter p : ParameterLayout.parameters(layer).values()) {
                    p.close();
                    p.initialize(manager, DataType.FLOAT32);
                    // Copies are explained, not trained: like the copied arrays, the new ones need no gradient.
                    p.getArray().setRequiresGradient(false);
                }
            }
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
        return copy;
    }

    /** An exact copy of {@code model} (same arrays, batch-norm statistics included) in its own DJL model. */
    public static EcgClassifier copy(EcgClassifier model, Architecture architecture, String id) {
        ParameterLayout.check(architecture, model.block());
        ParameterSnapshot snapshot = ParameterSnapshot.of(model.block());
        Model djl = Model.newInstance(id, Device.cpu());
        try {
            Block block = architecture.toBlock();
            djl.setBlock(block);
            snapshot.restoreInto(block, djl.getNDManager());
            return EcgClassifier.of(djl, architecture, model.outputNames());
        } catch (RuntimeException e) {
            djl.close();
            throw e;
        }
    }

    /** {@code "<index> <type>"}, e.g. {@code "17 linear"}. */
    public static String label(Architecture architecture, int layer) {
        return layer + " " + architecture.layers().get(layer).type();
    }

    /** SplitMix64 finaliser of {@code seed} and the layer index: independent streams per layer. */
    static long layerSeed(long seed, int layer) {
        long z = seed + GOLDEN_GAMMA * (layer + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
