package org.ecglab.attribution;

import java.util.Map;
import java.util.Objects;

/**
 * The part every method shares: its {@link MethodDescriptor} (id, family, parameter schema) and its validated
 * parameters, from which {@link #id()}, {@link #parameters()} and {@link #toString()} follow. A method class extends
 * it and implements only {@link #attribute}.
 *
 * @param <P> the method's parameter record
 */
public abstract class ConfiguredMethod<P extends Record> implements AttributionMethod {
    private final MethodDescriptor<P> descriptor;
    /** The method's parameters, validated by its schema. */
    protected final P params;

    /**
     * @param descriptor the method's registry entry
     * @param params     its parameters
     */
    protected ConfiguredMethod(MethodDescriptor<P> descriptor, P params) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public final String id() {
        return descriptor.id();
    }

    @Override
    public final Map<String, Object> parameters() {
        return descriptor.schema().toMap(params);
    }

    /** The typed parameters. */
    public final P params() {
        return params;
    }

    @Override
    public String toString() {
        return id() + parameters();
    }
}
