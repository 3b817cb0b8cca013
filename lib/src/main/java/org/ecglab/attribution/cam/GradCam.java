package org.ecglab.attribution.cam;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionInputs;
import org.ecglab.attribution.ChunkPipeline;
import org.ecglab.attribution.ConfiguredMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.attribution.GradientPassMethod;
import org.ecglab.attribution.MethodDescriptor;
import org.ecglab.attribution.Param;
import org.ecglab.attribution.ParameterSchema;
import org.ecglab.data.EcgFormat;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.LayerwiseModel;
import org.ecglab.nn.Tensors;

/**
 * Grad-CAM (Selvaraju et al. 2017, "Grad-CAM: visual explanations from deep networks via gradient-based
 * localization"), as Captum's {@code LayerGradCam} followed by {@code LayerAttribution.interpolate}. For the output
 * {@code A} {@code (C, L)} of layer {@code layer} and target logit {@code f_c}:
 * <pre>
 *   w_k = (1/L) Σ_t ∂f_c / ∂A_k(t)          (channel weight: the gradient averaged over time)
 *   m(t) = Σ_k w_k A_k(t)                    (ReLU'd when relu_attributions = true, as in the paper)
 *   a = upsample(m) to 600 samples
 * </pre>
 * The first convolution mixes the twelve leads, so the map has no lead axis: it is one relevance per time point,
 * reported as {@code [N][1][600]} ({@link Attribution#hasLeadAxis()} is false), not as twelve equal copies.
 *
 * <p>As Captum: attributions are to the layer's output, {@code relu_attributions=false} by default (signed maps; the
 * paper's ReLU on request), channels are summed. Choices of ours where Captum leaves them to the user: {@code layer}
 * is an index into the network's layers ({@code -1}, the default, is the last convolution; any layer whose output has
 * a time axis {@code (C, L)} is accepted), and the map is upsampled with {@code interpolate_mode="linear"} by default
 * (PyTorch's {@code align_corners=False}), because a linear ramp between the coarse layer's samples suits a signal
 * better than Captum's default {@code "nearest"} steps, which remain available ({@link Upsampling}).
 *
 * <p>Cost: one forward and one backward pass (from the layer on) per ECG.
 */
public final class GradCam extends ConfiguredMethod<GradCam.Params> implements GradientPassMethod {
    /** Method id. */
    public static final String ID = "grad_cam";
    /** The {@code layer} value that selects the last convolution. */
    public static final int LAST_CONVOLUTION = -1;

    /**
     * @param layer             index of the explained layer in the architecture, or {@value #LAST_CONVOLUTION} for
     *                          the last convolution
     * @param reluAttributions  keep only positive values (the paper's ReLU)
     * @param interpolateMode   how the layer's map is resized to 600 samples, {@link Upsampling#ids()}
     * @param internalBatchSize ECGs per forward/backward pass
     */
    public record Params(int layer, boolean reluAttributions, String interpolateMode, int internalBatchSize) {
        static final ParameterSchema<Params> SCHEMA = ParameterSchema.of(ID, Params.class, layerParam(),
                Param.bool("relu_attributions", false, "keep only positive values, as the paper's ReLU"),
                interpolateModeParam("linear"), GradientComputer.internalBatchSizeParam());
    }

    /** Registry entry. */
    public static final MethodDescriptor<Params> DESCRIPTOR = new MethodDescriptor<>(ID, "cam",
            "layer activations weighted by their time-averaged gradients, upsampled (Selvaraju et al. 2017)",
            Params.SCHEMA, GradCam::new);

    private final Upsampling upsampling;

    /** Defaults: the last convolution, signed, linear upsampling. */
    public GradCam() {
        this(Params.SCHEMA.defaults());
    }

    /** With the given parameters. */
    public GradCam(Params params) {
        super(DESCRIPTOR, params);
        this.upsampling = Upsampling.byId(params.interpolateMode());
    }

    /** Builds from a parameter map ({@link Params} names, e.g. {@code layer}). */
    public static GradCam fromParameters(Map<String, ?> parameters) {
        return new GradCam(Params.SCHEMA.parse(parameters));
    }

    /** The {@code layer} parameter: an index into the network, {@value #LAST_CONVOLUTION} for the last convolution. */
    static Param<Integer> layerParam() {
        return Param.integer("layer", LAST_CONVOLUTION, LAST_CONVOLUTION, "index of the explained layer in the "
                + "network (its output is used); -1: the last convolution");
    }

    /** The {@code interpolate_mode} parameter with its default. */
    static Param<String> interpolateModeParam(String defaultMode) {
        return Param.choice("interpolate_mode", defaultMode, Upsampling.ids(),
                "how the layer's map is resized to 600 samples (PyTorch's F.interpolate modes)");
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, Baselines baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        return Attribution.of(this, model, inputs, maps(ID, params, upsampling, model, inputs, targets))
                .signed(!params.reluAttributions()).build();
    }

    /**
     * The Grad-CAM maps {@code [N][1][600]} of {@code params}, upsampled with {@code upsampling}; arguments checked.
     *
     * @param methodId named in errors
     */
    static float[][][] maps(String methodId, Params params, Upsampling upsampling, EcgClassifier model,
            float[][][] inputs, int[] targets) {
        LayerwiseModel layers = LayerwiseModel.of(model, methodId);
        int layer = resolveLayer(methodId, layers, params.layer());
        int length = Math.toIntExact(layers.architecture().outputShapes().get(layer)[1]);
        float[][][] out = new float[inputs.length][1][];
        new ChunkPipeline<Chunk, float[]>((m, start, b) -> new Chunk(Tensors.signals(m, inputs, start, start + b),
                Arrays.copyOfRange(targets, start, start + b)),
                chunk -> cams(layers, layer, chunk, params.reluAttributions()), (start, b, chunk, flat) -> {
                    for (int r = 0; r < b; r++) {
                        out[start + r][0] = upsampling.resize(flat, r * length, length, EcgFormat.SAMPLES);
                    }
                }).run(model, model.manager(), inputs.length, params.internalBatchSize());
        return out;
    }

    /** A chunk's inputs {@code (b, 12, 600)} and its rows' target logits. */
    private record Chunk(NDArray x, int[] targets) {
    }

    /** The chunk's maps at the layer's resolution, {@code b} rows of its length one after the other. */
    private static float[] cams(LayerwiseModel layers, int layer, Chunk chunk, boolean relu) {
        LayerGradient lg = LayerGradient.of(layers, layer, chunk.x(), chunk.targets());
        NDArray weights = lg.gradient().mean(new int[] {2}, true);
        NDArray cam = weights.mul(lg.activation()).sum(new int[] {1}, true);
        if (relu) {
            cam = cam.maximum(0f);
        }
        return cam.toFloatArray();
    }

    /**
     * The index of the explained layer.
     *
     * @throws IllegalArgumentException if the index is outside the network, its output has no time axis, or the
     *                                  network has no convolution for the default
     */
    static int resolveLayer(String methodId, LayerwiseModel layers, int layer) {
        List<long[]> shapes = layers.architecture().outputShapes();
        if (layer == LAST_CONVOLUTION) {
            List<Integer> convolutions = layers.indicesOf("conv1d");
            if (convolutions.isEmpty()) {
                throw new IllegalArgumentException("method " + methodId + ": network " + layers.architecture().name()
                        + " has no conv1d layer; give parameter 'layer' explicitly");
            }
            return convolutions.get(convolutions.size() - 1);
        }
        if (layer >= layers.size()) {
            throw new IllegalArgumentException("method " + methodId + ": parameter 'layer' is " + layer + " but network "
                    + layers.architecture().name() + " has layers 0.." + (layers.size() - 1));
        }
        if (shapes.get(layer).length != 2) {
            throw new IllegalArgumentException("method " + methodId + ": layer " + layer + " (" + layers.spec(layer)
                    .type() + ") has output shape " + Arrays.toString(shapes.get(layer))
                    + ", without a time axis; choose a layer with output (channels, time), e.g. a conv1d");
        }
        return layer;
    }

    /** {@inheritDoc} Here: one forward pass and one backward pass from the logits to the layer. */
    @Override
    public int passesPerEcg() {
        return 1;
    }
}
