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
 * Guided backpropagation (Springenberg, Dosovitskiy, Brox &amp; Riedmiller 2015, "Striving for simplicity: the all
 * convolutional net"): the gradient of the target logit, except that every ReLU passes back only positive values
 * and only where its input was positive, {@code g_in = max(g_out ⊙ 1[x > 0], 0)}; all other layers backpropagate
 * their ordinary gradient. As Captum's {@code GuidedBackprop}, which overrides the ReLU modules' backward hooks with
 * {@code relu(grad_input)}; it has no parameters but the internal batch size. Baselines are ignored. The map is
 * signed (negative values survive other layers, e.g. the first convolution).
 *
 * <p>Cost: one forward pass, then one local forward and backward pass per layer (about 1.5 to 2 forward/backward
 * passes per ECG).
 */
public final class GuidedBackprop extends ConfiguredMethod<GuidedBackprop.Params> implements GradientPassMethod {
    /** Method id. */
    public static final String ID = "guided_backprop";

    /** @param internalBatchSize ECGs per walk */
    public record Params(int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                GradientComputer.internalBatchSizeParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "gradient",
            "gradient with only positive signals passed back through ReLUs (Springenberg et al. 2015)",
            Params.SCHEMA, GuidedBackprop::new);

    /** With the default internal batch size. */
    public GuidedBackprop() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public GuidedBackprop(Params params) {
        super(DESCRIPTOR, params);
    }

    /** Builds from a parameter map ({@code internal_batch_size}). */
    public static GuidedBackprop fromParameters(Map<String, ?> parameters) {
        return new GuidedBackprop(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        return ModifiedReluGradient.attribute(this, Composites.guidedBackprop(), params.internalBatchSize(), model,
                inputs, targets, baselines);
    }

    /** {@inheritDoc} Here: one forward pass and one (modified) backward walk. */
    @Override
    public int passesPerEcg() {
        return 1;
    }
}
