package org.ecglab.nn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ecglab.data.io.JsonFields;

/**
 * {@link LayerSpec}s as JSON objects: the layer's {@code "type"} followed by its PyTorch-named constructor arguments,
 * e.g. {@code {"type": "conv1d", "in_channels": 12, "out_channels": 16, "kernel_size": 7, ...}}. The interop
 * bundle's {@code model.json} and the registry's provenance both store layer lists in this one form.
 */
public final class LayerSpecs {
    private LayerSpecs() {
    }

    /** The layers as JSON-ready maps: {@code "type"}, then {@link LayerSpec#parameters()} in PyTorch's order. */
    public static List<Map<String, Object>> toJson(List<LayerSpec> layers) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LayerSpec layer : layers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", layer.type());
            m.putAll(layer.parameters());
            out.add(m);
        }
        return out;
    }

    /**
     * Reads what {@link #toJson} wrote.
     *
     * @throws IllegalArgumentException naming the source, the layer index and what is wrong
     */
    public static List<LayerSpec> fromJson(List<JsonFields> layers) {
        List<LayerSpec> out = new ArrayList<>();
        for (JsonFields layer : layers) {
            Map<String, String> args = layer.scalarsAsText();
            if (args.size() != layer.keys().size()) {
                throw layer.problem("layer arguments must be strings, numbers or booleans");
            }
            String type = layer.string("type");
            args.remove("type");
            try {
                out.add(fromParameters(type, args));
            } catch (IllegalArgumentException e) {
                throw layer.problem(e.getMessage());
            }
        }
        return out;
    }

    /**
     * Builds a layer from its type and PyTorch-named arguments (all required except where PyTorch has a default:
     * conv1d stride 1, padding 0, dilation 1, bias true; pools stride = kernel_size, padding 0; batchnorm1d eps
     * 1e-5; linear bias true; dropout p 0.5; adaptive_avgpool1d output_size 1).
     *
     * @throws IllegalArgumentException for an unknown type, a missing, unknown or malformed argument
     */
    public static LayerSpec fromParameters(String type, Map<String, String> params) {
        Args a = new Args(type, params);
        LayerSpec layer = switch (type.toLowerCase(Locale.ROOT)) {
            case "conv1d" -> new LayerSpec.Conv1d(a.integer("in_channels", null), a.integer("out_channels", null),
                    a.integer("kernel_size", null), a.integer("stride", 1), a.integer("padding", 0),
                    a.integer("dilation", 1), a.bool("bias", true));
            case "batchnorm1d" -> new LayerSpec.BatchNorm1d(a.integer("num_features", null),
                    a.real("eps", LayerSpec.BatchNorm1d.DEFAULT_EPS));
            case "relu" -> new LayerSpec.Relu();
            case "maxpool1d" -> {
                int k = a.integer("kernel_size", null);
                yield new LayerSpec.MaxPool1d(k, a.integer("stride", k), a.integer("padding", 0));
            }
            case "avgpool1d" -> {
                int k = a.integer("kernel_size", null);
                yield new LayerSpec.AvgPool1d(k, a.integer("stride", k), a.integer("padding", 0));
            }
            case "adaptive_avgpool1d" -> new LayerSpec.AdaptiveAvgPool1d(a.integer("output_size", 1));
            case "flatten" -> new LayerSpec.Flatten();
            case "linear" -> new LayerSpec.Linear(a.integer("in_features", null), a.integer("out_features", null),
                    a.bool("bias", true));
            case "dropout" -> new LayerSpec.Dropout(a.real("p", 0.5));
            default -> throw new IllegalArgumentException("unknown layer type '" + type + "'; known: conv1d, "
                    + "batchnorm1d, relu, maxpool1d, avgpool1d, adaptive_avgpool1d, flatten, linear, dropout");
        };
        a.rejectUnused();
        return layer;
    }

    /** Typed access to string arguments, remembering which were read so leftovers can be rejected. */
    private static final class Args {
        private final String type;
        private final Map<String, String> values;
        private final Set<String> used = new HashSet<>();

        Args(String type, Map<String, String> values) {
            this.type = type;
            this.values = values;
        }

        private String raw(String name, Object fallback) {
            used.add(name);
            String v = values.get(name);
            if (v == null && fallback == null) {
                throw new IllegalArgumentException(type + ": missing argument " + name);
            }
            return v;
        }

        int integer(String name, Integer fallback) {
            String v = raw(name, fallback);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(type + ": " + name + " must be an integer, got '" + v + "'", e);
            }
        }

        double real(String name, Double fallback) {
            String v = raw(name, fallback);
            if (v == null) {
                return fallback;
            }
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(type + ": " + name + " must be a number, got '" + v + "'", e);
            }
        }

        boolean bool(String name, Boolean fallback) {
            String v = raw(name, fallback);
            if (v == null) {
                return fallback;
            }
            return switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(type + ": " + name + " must be true or false, got '"
                        + v + "'");
            };
        }

        void rejectUnused() {
            for (String k : values.keySet()) {
                if (!used.contains(k)) {
                    throw new IllegalArgumentException(type + ": unknown argument " + k);
                }
            }
        }
    }
}
