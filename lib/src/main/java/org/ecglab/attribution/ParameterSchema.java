package org.ecglab.attribution;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A method's parameters as a record type {@code P} and the {@link Param} declarations that read it from a map:
 * component {@code nSteps} is parameter {@code n_steps}, in the same order. Parsing checks each value
 * ({@link Param#valueOf}), rejects names the method does not know, and then runs the record's constructor, which
 * checks what involves several parameters. So a method holds typed, validated parameters, and the map form (for
 * the command line, provenance and the interop bundle) is derived from them in one place.
 *
 * @param <P> the record of parameter values
 */
public final class ParameterSchema<P extends Record> {
    private final String methodId;
    private final Class<P> type;
    private final List<Param<?>> params;
    private final RecordComponent[] components;
    private final Constructor<P> constructor;

    private ParameterSchema(String methodId, Class<P> type, List<Param<?>> params) {
        this.methodId = Objects.requireNonNull(methodId, "methodId");
        this.type = Objects.requireNonNull(type, "type");
        this.params = List.copyOf(params);
        this.components = type.getRecordComponents();
        if (components.length != this.params.size()) {
            throw new IllegalArgumentException(type.getSimpleName() + " has " + components.length
                    + " components but " + this.params.size() + " parameters are declared");
        }
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Param<?> p = this.params.get(i);
            if (!camelCase(p.name()).equals(components[i].getName())) {
                throw new IllegalArgumentException("parameter " + i + " of " + type.getSimpleName() + " is declared as "
                        + p.name() + " but the component is " + components[i].getName());
            }
            types[i] = components[i].getType();
        }
        try {
            this.constructor = type.getDeclaredConstructor(types);
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("no canonical constructor in " + type, e);
        }
    }

    /** The schema of record {@code type} of method {@code methodId}, its components declared by {@code params}. */
    public static <P extends Record> ParameterSchema<P> of(String methodId, Class<P> type, Param<?>... params) {
        return new ParameterSchema<>(methodId, type, List.of(params));
    }

    /** The declared parameters in order. */
    public List<Param<?>> params() {
        return params;
    }

    /** The record type. */
    public Class<P> type() {
        return type;
    }

    /** The values with every parameter at its default. */
    public P defaults() {
        return parse(Map.of());
    }

    /**
     * Values from a map (missing names take their defaults).
     *
     * @throws IllegalArgumentException naming an unknown parameter (and the known ones) or a bad value
     */
    public P parse(Map<String, ?> given) {
        Map<String, ?> map = given == null ? Map.of() : given;
        List<String> names = params.stream().map(Param::name).toList();
        for (String key : map.keySet()) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' for method " + methodId
                        + "; allowed: " + new TreeSet<>(names));
            }
        }
        Object[] values = new Object[params.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = params.get(i).valueOf(methodId, map.get(params.get(i).name()));
        }
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw new IllegalArgumentException("method " + methodId + ": " + iae.getMessage(), iae);
            }
            throw new IllegalStateException("parameters of " + methodId + " could not be built", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("parameters of " + methodId + " could not be built", e);
        }
    }

    /** The map form of {@code values}, in declaration order: what provenance and the bundle record. */
    public Map<String, Object> toMap(P values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            try {
                out.put(params.get(i).name(), components[i].getAccessor().invoke(values));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + components[i].getName(), e);
            }
        }
        return out;
    }

    /** One line per parameter, for {@code ecglab methods} and documentation. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Param<?> p : params) {
            out.add(p.describe());
        }
        return out;
    }

    static String camelCase(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
