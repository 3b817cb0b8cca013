package org.ecglab.attribution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of an {@link AttributionMethod}: maps {@code [N][12][600]} plus provenance, so every number can be
 * traced to the method, its parameters, the model and the seed that made it.
 *
 * @param values           attribution maps {@code [N][12][600]}
 * @param methodId         the method's id
 * @param parameters       the method's resolved parameters
 * @param modelId          id of the explained model
 * @param seed             random seed the method used; 0 for deterministic methods
 * @param convergenceDelta per ECG, {@code Σ attribution − (f(x) − f(x'))} for methods that promise completeness
 *                         (integrated gradients, DeepLIFT, ...); null for methods that do not
 */
public record Attribution(float[][][] values, String methodId, Map<String, Object> parameters, String modelId,
        long seed, double[] convergenceDelta) {

    /** Checks that the parts are present and consistent and freezes the parameter map. */
    public Attribution {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(methodId, "methodId");
        Objects.requireNonNull(modelId, "modelId");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(parameters, "parameters")));
        if (convergenceDelta != null && convergenceDelta.length != values.length) {
            throw new IllegalArgumentException("convergenceDelta has " + convergenceDelta.length
                    + " entries for " + values.length + " maps");
        }
    }

    /** Number of maps. */
    public int size() {
        return values.length;
    }

    /** Map of ECG {@code i}, {@code [12][600]}. */
    public float[][] map(int i) {
        return values[i];
    }

    /** Largest {@code |convergence delta|} over the ECGs, or NaN if the method promises no completeness. */
    public double maxAbsConvergenceDelta() {
        if (convergenceDelta == null) {
            return Double.NaN;
        }
        double max = 0;
        for (double d : convergenceDelta) {
            max = Math.max(max, Math.abs(d));
        }
        return max;
    }

    @Override
    public String toString() {
        String shape = values.length == 0 ? "0" : values.length + "x" + values[0].length + "x" + values[0][0].length;
        String delta = convergenceDelta == null ? "" : String.format(", max|delta|=%.3g", maxAbsConvergenceDelta());
        return "Attribution[" + methodId + " " + parameters + ", model=" + modelId + ", seed=" + seed + ", "
                + shape + delta + "]";
    }
}
