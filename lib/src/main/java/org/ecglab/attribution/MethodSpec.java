package org.ecglab.attribution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A method as configured in an experiment: a label (unique within the experiment, defaults to the id), the
 * method id and its parameters. Validated on construction, so a bad config fails before any work is done.
 *
 * @param label      name used in result tables, e.g. {@code "ig_riemann"}
 * @param id         registered method id
 * @param parameters parameters as for {@link AttributionMethods#create(String, Map)}
 */
public record MethodSpec(String label, String id, Map<String, Object> parameters) {

    /** Validates the id and parameters by building the method once. */
    public MethodSpec {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(id, "id");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
        AttributionMethods.create(id, parameters);
    }

    /** Method {@code id} with its defaults, labelled by its id. */
    public static MethodSpec of(String id) {
        return new MethodSpec(id, id, Map.of());
    }

    /** Method {@code id} with {@code parameters}, labelled by its id. */
    public static MethodSpec of(String id, Map<String, ?> parameters) {
        return new MethodSpec(id, id, new LinkedHashMap<>(parameters));
    }

    /** A new method instance. */
    public AttributionMethod create() {
        return AttributionMethods.create(id, parameters);
    }

    /**
     * A canonical text form (label, id, resolved parameters sorted by name) for config hashes: equal for specs that
     * build the same method, whatever order or spelling of defaults was used. {@code internal_batch_size} is left
     * out: it bounds memory and changes results only at float rounding level (the batch-size invariance test holds
     * them to 1e-6), so changing it must not invalidate cached results.
     */
    public String canonical() {
        Map<String, String> sorted = new TreeMap<>();
        create().parameters().forEach((k, v) -> sorted.put(k, String.valueOf(v)));
        sorted.remove("internal_batch_size");
        return label + "=" + id + sorted;
    }
}
