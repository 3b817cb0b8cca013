package org.ecglab.interop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.npy.NpyArray;

/**
 * Attribution maps as stored in a bundle, with what a reference implementation needs to recompute them:
 * <pre>
 *   attributions/&lt;name&gt;.npy            float32 [N, 12, 600] (or [N, 1, 600]: maps without a lead axis)
 *   attributions/&lt;name&gt;.json           {"method": id, "parameters": {...}, "signed": bool, "lead_axis": bool,
 *                                     "baselines": "zero" | "rows" | "distribution", "samples": [names]}
 *   attributions/&lt;name&gt;.baselines.npy  float32 [M, 12, 600], when baselines are not "zero"
 *   attributions/&lt;name&gt;.samples.npz    the method's random draws by name, when it drew any
 * </pre>
 * This package sits below {@code org.ecglab.attribution}; {@code Attribution.toBundle()} converts a result.
 *
 * @param methodId      the method's snake_case id, e.g. {@code "saliency"}
 * @param parameters    the method's resolved parameters (numbers, booleans, strings, lists)
 * @param values        the maps, one per bundle input; not copied
 * @param signed        whether the values can be negative
 * @param baselinesKind "zero", "rows" (one per input, or one for all) or "distribution"
 * @param baselineRows  the baseline ECGs, or null for "zero"
 * @param samples       the random draws by name; empty for deterministic methods
 */
public record BundleAttribution(String methodId, Map<String, Object> parameters, float[][][] values, boolean signed,
        String baselinesKind, float[][][] baselineRows, Map<String, NpyArray> samples) {
    private static final List<String> KINDS = List.of("zero", "rows", "distribution");

    /** Checks the parts and freezes the maps. */
    public BundleAttribution {
        Objects.requireNonNull(methodId, "methodId");
        Objects.requireNonNull(values, "values");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(parameters,
                "parameters")));
        if (!KINDS.contains(baselinesKind)) {
            throw new IllegalArgumentException("baselines kind must be one of " + KINDS + ", got " + baselinesKind);
        }
        if ((baselineRows == null) != baselinesKind.equals("zero")) {
            throw new IllegalArgumentException("baseline rows are given exactly when the kind is not zero");
        }
        samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples == null ? Map.of() : samples));
        for (String name : samples.keySet()) {
            if (!name.matches("[a-z0-9_]+")) {
                throw new IllegalArgumentException("sample name '" + name + "' must match [a-z0-9_]+");
            }
        }
    }

    /** Deterministic, signed maps against zero baselines (the simplest case). */
    public BundleAttribution(String methodId, Map<String, Object> parameters, float[][][] values) {
        this(methodId, parameters, values, true, "zero", null, Map.of());
    }

    /** Whether maps have one row per lead (false: {@code [N, 1, 600]}). */
    public boolean leadAxis() {
        return values.length == 0 || values[0].length == EcgFormat.LEADS;
    }
}
