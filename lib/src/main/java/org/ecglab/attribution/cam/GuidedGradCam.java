package org.ecglab.attribution.cam;

import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionInputs;
import org.ecglab.attribution.ConfiguredMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.attribution.GradientPassMethod;
import org.ecglab.attribution.MethodDescriptor;
import org.ecglab.attribution.ParameterSchema;
import org.ecglab.attribution.gradient.GuidedBackprop;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;

/**
 * Guided Grad-CAM (Selvaraju et al. 2017, section 3): the guided-backpropagation map, which has a lead axis, times
 * the Grad-CAM map of a layer with the paper's ReLU, upsampled to 600 samples and shared by the twelve leads,
 * <pre>
 *   a(l, t) = GB(l, t) · upsample(max(Σ_k w_k A_k, 0))(t)
 * </pre>
 * as Captum's {@code GuidedGradCam}: {@code F.relu(LayerGradCam(...))} whatever {@code relu_attributions} says,
 * times {@code GuidedBackprop}, upsampled with {@code interpolate_mode="nearest"} by default (Captum's default; unlike
 * {@link GradCam}'s linear default). The map keeps the lead axis and is signed (guided backpropagation's signs).
 *
 * <p>Cost: Grad-CAM's forward and backward pass plus guided backpropagation's walk, per ECG.
 */
public final class GuidedGradCam extends ConfiguredMethod<GuidedGradCam.Params> implements GradientPassMethod {
    /** Method id. */
    public static final String ID = "guided_grad_cam";

    /**
     * @param layer             index of the Grad-CAM layer, {@value GradCam#LAST_CONVOLUTION} for the last convolution
     * @param interpolateMode   how Grad-CAM's map is resized to 600 samples, {@link Upsampling#ids()}
     * @param internalBatchSize ECGs per forward/backward pass
     */
    public record Params(int layer, String interpolateMode, int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class, GradCam.layerParam(),
                GradCam.interpolateModeParam("nearest"), GradientComputer.internalBatchSizeParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "cam",
            "guided backpropagation times the upsampled, rectified Grad-CAM map (Selvaraju et al. 2017)",
            Params.SCHEMA, GuidedGradCam::new);

    private final Upsampling upsampling;

    /** Captum's defaults: the last convolution, nearest upsampling. */
    public GuidedGradCam() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public GuidedGradCam(Params params) {
        super(DESCRIPTOR, params);
        this.upsampling = Upsampling.byId(params.interpolateMode());
    }

    /** Builds from a parameter map ({@link Params} names). */
    public static GuidedGradCam fromParameters(Map<String, ?> parameters) {
        return new GuidedGradCam(Params.SCHEMA.parse(parameters));
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        GradCam.Params cam = new GradCam.Params(params.layer(), true, params.interpolateMode(),
                params.internalBatchSize());
        float[][][] weights = GradCam.maps(ID, cam, upsampling, model, inputs, targets);
        float[][][] guided = new GuidedBackprop(new GuidedBackprop.Params(params.internalBatchSize()))
                .attribute(model, inputs, targets, baselines).values();
        for (int i = 0; i < guided.length; i++) {
            for (int l = 0; l < EcgFormat.LEADS; l++) {
                for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                    guided[i][l][t] *= weights[i][0][t];
                }
            }
        }
        return Attribution.of(this, model, inputs, guided).build();
    }

    /** {@inheritDoc} Here: Grad-CAM's pass and guided backpropagation's walk. */
    @Override
    public int passesPerEcg() {
        return 2;
    }
}
