package org.ecglab.attribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ecglab.attribution.gradient.Saliency;
import org.ecglab.attribution.path.IntegratedGradients;

/**
 * Registry from method id to factory. Ids are the snake_case names of the design (and of the interop bundle's
 * {@code attributions/<method-id>.npy}). Adding a method means adding one line to the map below.
 */
public final class AttributionMethods {
    private static final Map<String, Function<Map<String, ?>, AttributionMethod>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put(Saliency.ID, Saliency::fromParameters);
        FACTORIES.put(IntegratedGradients.ID, IntegratedGradients::fromParameters);
    }

    private AttributionMethods() {
    }

    /** Ids of all registered methods, in registration order. */
    public static List<String> ids() {
        return List.copyOf(FACTORIES.keySet());
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
        Function<Map<String, ?>, AttributionMethod> factory = FACTORIES.get(id);
        if (factory == null) {
            throw new IllegalArgumentException("unknown attribution method '" + id + "'; available: " + ids());
        }
        return factory.apply(parameters == null ? Map.of() : parameters);
    }
}
