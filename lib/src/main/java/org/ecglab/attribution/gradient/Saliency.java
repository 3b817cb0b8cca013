package org.ecglab.attribution.gradient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionInputs;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.attribution.MethodParameters;
import org.ecglab.nn.EcgClassifier;

/**
 * Saliency (Simonyan, Vedaldi &amp; Zisserman 2014, "Deep inside convolutional networks"): the gradient of the
 * target logit with respect to the input, {@code a = |∂f_c(x)/∂x|}, or the signed gradient {@code ∂f_c(x)/∂x}
 * when {@code abs=false}. As in Captum, {@code abs=true} is the default. Baselines are ignored.
 *
 * <p>Parameters: {@code abs} (boolean, default true), {@code internal_batch_size} (default
 * {@value GradientComputer#DEFAULT_INTERNAL_BATCH_SIZE}). Cost: one forward and one backward pass per ECG.
 */
public final class Saliency implements AttributionMethod {
    /** Method id. */
    public static final String ID = "saliency";
    private static final List<String> PARAMETERS = List.of("abs", "internal_batch_size");

    private final boolean abs;
    private final GradientComputer gradients;

    /** Captum's defaults: absolute gradients. */
    public Saliency() {
        this(true, GradientComputer.DEFAULT_INTERNAL_BATCH_SIZE);
    }

    /**
     * @param abs               return {@code |grad|} (true) or the signed gradient (false)
     * @param internalBatchSize ECGs per forward/backward pass, at least 1
     */
    public Saliency(boolean abs, int internalBatchSize) {
        this.abs = abs;
        this.gradients = new GradientComputer(internalBatchSize);
    }

    /** Builds from a parameter map; see the class comment for the names. */
    public static Saliency fromParameters(Map<String, ?> parameters) {
        MethodParameters p = MethodParameters.of(ID, parameters, PARAMETERS);
        return new Saliency(p.getBoolean("abs", true),
                p.getInt("internal_batch_size", GradientComputer.DEFAULT_INTERNAL_BATCH_SIZE, 1));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("abs", abs);
        p.put("internal_batch_size", gradients.internalBatchSize());
        return p;
    }

    @Override
    public Attribution attribute(EcgClassifier model, float[][][] inputs, int[] targets, float[][][] baselines) {
        AttributionInputs.check(model, inputs, targets, baselines);
        float[][][] g = gradients.gradients(model, inputs, targets);
        if (abs) {
            for (float[][] map : g) {
                for (float[] lead : map) {
                    for (int t = 0; t < lead.length; t++) {
                        lead[t] = Math.abs(lead[t]);
                    }
                }
            }
        }
        return new Attribution(g, ID, parameters(), model.id(), 0L, null);
    }

    @Override
    public String toString() {
        return ID + parameters();
    }
}
