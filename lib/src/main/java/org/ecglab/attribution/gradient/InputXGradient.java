package org.ecglab.attribution.gradient;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionInputs;
import org.ecglab.attribution.ConfiguredMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.attribution.GradientPassMethod;
import org.ecglab.attribution.MethodDescriptor;
import org.ecglab.attribution.ParameterSchema;
import org.ecglab.nn.EcgClassifier;

/**
 * Input × gradient (Shrikumar et al. 2016, "Not just a black box"; Ancona et al. 2018, "Towards better understanding
 * of gradient-based attribution methods"): {@code a = x ⊙ ∂f_c(x)/∂x}, the first-order Taylor term of each input
 * against a zero reference. For a linear model it equals integrated gradients from a zero baseline, {@code w ⊙ x}.
 * As Captum's {@code InputXGradient}: the product is taken in float32, no baseline is used (baselines given are
 * ignored), and the map is signed. Cost: one forward and one backward pass per ECG.
 */
public final class InputXGradient extends ConfiguredMethod<InputXGradient.Params> implements GradientPassMethod {
    /** Method id. */
    public static final String ID = "input_x_gradient";

    /**
     * @param internalBatchSize ECGs per forward/backward pass
     */
    public record Params(int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class,
                GradientComputer.internalBatchSizeParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "gradient",
            "input times the gradient of the target logit (Shrikumar et al. 2016)", Params.SCHEMA,
            InputXGradient::new);

    private final GradientComputer gradients;

    /** Captum's defaults. */
    public InputXGradient() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public InputXGradient(Params params) {
        super(DESCRIPTOR, params);
        this.gradients = new GradientComputer(params.internalBatchSize());
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        // g ⊙ x in the engine, where both already are: float32 products, the same bits as Captum's.
        float[][][] g = gradients.gradients(model, inputs, targets, NDArray::mul);
        return Attribution.of(this, model, inputs, g).build();
    }

    /** {@inheritDoc} Here: one forward and backward pass. */
    @Override
    public int passesPerEcg() {
        return 1;
    }
}
