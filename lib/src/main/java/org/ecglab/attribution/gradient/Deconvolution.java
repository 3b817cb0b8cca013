package org.ecglab.attribution.gradient;

import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.ConfiguredMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.attribution.GradientPassMethod;
import org.ecglab.attribution.MethodDescriptor;
import org.ecglab.attribution.ParameterSchema;
import org.ecglab.attribution.backprop.Composites;
import org.ecglab.nn.EcgClassifier;

/**
 * Deconvolution (Zeiler &amp; Fergus 2014, "Visualizing and understanding convolutional networks"; Springenberg et
 * al. 2015 for its relation to the gradient): the gradient of the target logit, except that every ReLU passes back
 * the positive part of the signal it receives whatever its input was, {@code g_in = max(g_out, 0)}; all other layers
 * backpropagate their ordinary gradient. As Captum's {@code Deconvolution}, which overrides the ReLU modules' backward
 * hooks with {@code relu(grad_output)}; it has no parameters but the internal batch size. Baselines are ignored. The
 * map is signed. Because the input never gates the signal at a ReLU, the map depends on the input only through max
 * pooling's winners: it shows what the weights look for more than what this ECG contains.
 *
 * <p>Cost: one forward pass, then one local forward and backward pass per layer (about 1.5 to 2 forward/backward
 * passes per ECG).
 */
public final class Deconvolution extends ConfiguredMethod<Deconvolution.Params> implements GradientPassMethod {
    /** Method id. */
    public static final String ID = "deconvolution";

    /** @param internalBatchSize ECGs per walk */
    public record Params(int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                GradientComputer.internalBatchSizeParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "gradient",
            "gradient with ReLUs passing back the positive part of any signal (Zeiler & Fergus 2014)",
            Params.SCHEMA, Deconvolution::new);

    /** With the default internal batch size. */
    public Deconvolution() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public Deconvolution(Params params) {
        super(DESCRIPTOR, params);
    }

    /** Builds from a parameter map ({@code internal_batch_size}). */
    public static Deconvolution fromParameters(Map<String, ?> parameters) {
        return new Deconvolution(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        return ModifiedReluGradient.attribute(this, Composites.deconvolution(), params.internalBatchSize(), model,
                inputs, targets, baselines);
    }

    /** {@inheritDoc} Here: one forward pass and one (modified) backward walk. */
    @Override
    public int passesPerEcg() {
        return 1;
    }
}
