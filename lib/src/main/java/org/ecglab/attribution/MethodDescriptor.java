package org.ecglab.attribution;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the registry knows of a method: its id, family, a one-line summary with the paper, its parameter schema
 * and how to build it from typed parameters. Each method class declares one as {@code DESCRIPTOR}.
 *
 * @param id      snake_case id (the interop bundle's {@code attributions/<id>.npy})
 * @param family  sub-package: gradient, path, propagation, cam or perturbation
 * @param summary one line, e.g. "gradient of the target logit (Simonyan et al. 2014)"
 * @param schema  the parameters
 * @param factory builds the method from validated parameters
 * @param <P>     the parameter record
 */
public record MethodDescriptor<P extends Record>(String id, String family, String summary,
        ParameterSchema<P> schema, Function<P, AttributionMethod> factory) {

    /** Checks that the parts are present. */
    public MethodDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(factory, "factory");
    }

    /** The method with {@code parameters} (missing ones at their defaults). */
    public AttributionMethod create(Map<String, ?> parameters) {
        return factory.apply(schema.parse(parameters));
    }
}
