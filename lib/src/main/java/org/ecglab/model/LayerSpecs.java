package org.ecglab.model;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Text form of {@link LayerSpec}s: a layer's type followed by its PyTorch-named arguments, e.g.
 * {@code conv1d in_channels=12 out_channels=16 kernel_size=7 stride=1 padding=3 dilation=1 bias=false}. Used by the
 * model store; {@link #fromParameters} also serves readers of {@code model.json}.
 */
public final class LayerSpecs {
    private LayerSpecs() {
    }

    /** One line: the type, then {@code name=value} for each of {@link LayerSpec#parameters()}. */
    public static String format(LayerSpec layer) {
        StringBuilder sb = new StringBuilder(layer.type());
        layer.parameters().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }

    /**
     * Parses the output of {@link #format}.
     *
     * @throws IllegalArgumentException naming the line and what is wrong
     */
    public static LayerSpec parse(String line) {
        String[] tokens = line.trim().split("\\s+");
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("layer '" + line + "': expected name=value, got '" + tokens[i] + "'");
            }
            if (params.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1)) != null) {
                throw new IllegalArgumentException("layer '" + line + "': duplicate argument " + tokens[i]);
            }
        }
        return fromParameters(tokens[0], params);
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
