package org.ecglab.attribution;

import java.util.Map;
import org.ecglab.nn.EcgClassifier;

/**
 * An attribution method: explains, for each ECG, one logit of a model as a relevance map over the input.
 *
 * <p>Call shape (as Captum's {@code attribute}): {@code inputs} are {@code (N, 12, 600)} ECGs in mV,
 * {@code targets[i]} is the logit index explained for ECG {@code i}, {@code baselines} are the reference inputs of
 * methods that use one ({@link Baselines}; ignored by the others). The result has the inputs' shape, or one row per
 * ECG for maps without a lead axis. Implementations are immutable, batch internally so memory is bounded whatever
 * {@code N} is, and are deterministic (methods that sample take a seed parameter and report it in the result).
 * Each implementation declares a {@link MethodDescriptor} (id, family, parameters) for the registry.
 */
public interface AttributionMethod {

    /** Snake_case method id, e.g. {@code "integrated_gradients"}; the key in {@link AttributionMethods}. */
    String id();

    /**
     * All parameters with their resolved values (defaults included), in a stable order. Passing them back to
     * {@link AttributionMethods#create(String, Map)} rebuilds an equivalent method.
     */
    Map<String, Object> parameters();

    /**
     * Attributes {@code model}'s logit {@code targets[i]} to the points of {@code inputs[i]}.
     *
     * @param model     the classifier (run in inference mode)
     * @param inputs    {@code [N][12][600]}, finite
     * @param targets   one logit index per ECG, in {@code [0, model.numOutputs())}
     * @param baselines reference inputs ({@link Baselines#zero()} for the default; ignored by methods without a
     *                  baseline)
     * @return the attribution maps with provenance
     * @throws IllegalArgumentException naming the first bad argument
     */
    Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines);

    /** {@link #attribute(EcgClassifier, float[][][], int[], Baselines)} with zero baselines. */
    default Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets) {
        return attribute(model, inputs, targets, Baselines.zero());
    }
}
