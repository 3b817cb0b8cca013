package org.ecglab.interop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Attribution maps as stored in a bundle: {@code attributions/<name>.npy} (float32 {@code [N, 12, 600]}) and
 * {@code attributions/<name>.json} ({@code {"method": methodId, "parameters": {...}}}). This package sits below
 * {@code org.ecglab.attribution} and cannot see its {@code Attribution}; convert one with
 * {@code new BundleAttribution(a.methodId(), a.parameters(), a.values())}.
 *
 * @param methodId   the method's snake_case id, e.g. {@code "saliency"}
 * @param parameters the method's resolved parameters (numbers, booleans, strings)
 * @param values     the maps {@code [N][12][600]}, one per bundle input; not copied
 */
public record BundleAttribution(String methodId, Map<String, Object> parameters, float[][][] values) {
    public BundleAttribution {
        Objects.requireNonNull(methodId, "methodId");
        Objects.requireNonNull(values, "values");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(parameters,
                "parameters")));
    }
}
