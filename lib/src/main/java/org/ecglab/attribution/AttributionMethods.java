package org.ecglab.attribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.cam.GradCam;
import org.ecglab.attribution.cam.GuidedGradCam;
import org.ecglab.attribution.gradient.InputXGradient;
import org.ecglab.attribution.gradient.Deconvolution;
import org.ecglab.attribution.gradient.GuidedBackprop;
import org.ecglab.attribution.gradient.Saliency;
import org.ecglab.attribution.gradient.SmoothGrad;
import org.ecglab.attribution.path.GradientShap;
import org.ecglab.attribution.path.IntegratedGradients;
import org.ecglab.attribution.perturbation.FeatureAblation;
import org.ecglab.attribution.perturbation.KernelShap;
import org.ecglab.attribution.perturbation.Lime;
import org.ecglab.attribution.perturbation.Occlusion;
import org.ecglab.attribution.perturbation.ShapleyValueSampling;
import org.ecglab.attribution.propagation.DeepLift;
import org.ecglab.attribution.propagation.DeepLiftShap;
import org.ecglab.attribution.propagation.LrpAlphaBeta;
import org.ecglab.attribution.propagation.LrpEpsilon;
import org.ecglab.attribution.propagation.LrpEpsilonGammaFlat;
import org.ecglab.attribution.propagation.LrpEpsilonPlusFlat;
import org.ecglab.attribution.propagation.LrpFlat;
import org.ecglab.attribution.propagation.LrpGamma;
import org.ecglab.attribution.propagation.LrpZPlus;

/**
 * Registry from method id to {@link MethodDescriptor}. Ids are the snake_case names of the design (and of the
 * interop bundle's {@code attributions/<method-id>.npy}). Adding a method means adding one line below.
 */
public final class AttributionMethods {
    private static final Map<String, MethodDescriptor<?>> METHODS = new LinkedHashMap<>();

    static {
        register(Saliency.DESCRIPTOR);
        register(IntegratedGradients.DESCRIPTOR);
        register(InputXGradient.DESCRIPTOR);
        register(SmoothGrad.DESCRIPTOR);
        register(GradientShap.DESCRIPTOR);
        register(GradCam.DESCRIPTOR);
        register(GuidedGradCam.DESCRIPTOR);
        register(GuidedBackprop.DESCRIPTOR);
        register(Deconvolution.DESCRIPTOR);
        register(DeepLift.DESCRIPTOR);
        register(DeepLiftShap.DESCRIPTOR);
        register(LrpEpsilon.DESCRIPTOR);
        register(LrpGamma.DESCRIPTOR);
        register(LrpAlphaBeta.DESCRIPTOR);
        register(LrpZPlus.DESCRIPTOR);
        register(LrpFlat.DESCRIPTOR);
        register(LrpEpsilonPlusFlat.DESCRIPTOR);
        register(LrpEpsilonGammaFlat.DESCRIPTOR);
        register(Occlusion.DESCRIPTOR);
        register(FeatureAblation.DESCRIPTOR);
        register(Lime.DESCRIPTOR);
        register(KernelShap.DESCRIPTOR);
        register(ShapleyValueSampling.DESCRIPTOR);
    }

    private AttributionMethods() {
    }

    private static void register(MethodDescriptor<?> d) {
        if (METHODS.putIfAbsent(d.id(), d) != null) {
            throw new IllegalStateException("method id registered twice: " + d.id());
        }
    }

    /** Ids of all registered methods, in registration order. */
    public static List<String> ids() {
        return List.copyOf(METHODS.keySet());
    }

    /** Every registered method's descriptor, in registration order. */
    public static List<MethodDescriptor<?>> descriptors() {
        return List.copyOf(METHODS.values());
    }

    /**
     * The descriptor of {@code id}.
     *
     * @throws IllegalArgumentException naming an unknown id and the known ones
     */
    public static MethodDescriptor<?> descriptor(String id) {
        MethodDescriptor<?> d = METHODS.get(id);
        if (d == null) {
            throw new IllegalArgumentException("unknown attribution method '" + id + "'; available: " + ids());
        }
        return d;
    }

    /** Method {@code id} with its default parameters. */
    public static AttributionMethod create(String id) {
        return create(id, Map.of());
    }

    /**
     * Method {@code id} with {@code parameters} (missing ones take their defaults).
     *
     * @throws IllegalArgumentException naming an unknown id (and the known ones), or an unknown or bad parameter
     */
    public static AttributionMethod create(String id, Map<String, ?> parameters) {
        return descriptor(id).create(parameters == null ? Map.of() : parameters);
    }
}
