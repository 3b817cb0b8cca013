package org.ecglab.model.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;
import org.ecglab.data.io.Json;
import org.ecglab.model.Architecture;
import org.ecglab.model.LayerSpec;
import org.ecglab.model.LayerSpecs;

/**
 * {@code model.json}: format tag, model id, architecture name, the input specification, the class names (one per
 * logit) and the layer list, each layer an object with {@code "type"} and its PyTorch constructor arguments:
 *
 * <pre>
 * {
 *   "format": "ecglab-interop-1",
 *   "model_id": "ASTE-seed1",
 *   "architecture": "default-cnn",
 *   "input": {"shape": [12, 600], "sampling_rate_hz": 500, "units": "mV", "leads": ["I", ..., "V6"]},
 *   "class_names": ["ASTE"],
 *   "layers": [{"type": "conv1d", "in_channels": 12, "out_channels": 16, "kernel_size": 7, ...}, ...]
 * }
 * </pre>
 */
final class ModelJson {
    /** Format tag; readers reject other values. */
    static final String FORMAT = "ecglab-interop-1";

    private ModelJson() {
    }

    /** What {@code model.json} describes. */
    record Description(String modelId, Architecture architecture, List<String> classNames) {
    }

    static String write(String modelId, Architecture architecture, List<String> classNames) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("model_id", modelId);
        root.put("architecture", architecture.name());
        root.put("input", inputSpec());
        root.put("class_names", classNames);
        List<Object> layers = new ArrayList<>();
        for (LayerSpec layer : architecture.layers()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("type", layer.type());
            l.putAll(layer.parameters());
            layers.add(l);
        }
        root.put("layers", layers);
        return Json.write(root);
    }

    private static Map<String, Object> inputSpec() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("shape", List.of(EcgFormat.LEADS, EcgFormat.SAMPLES));
        input.put("sampling_rate_hz", EcgFormat.SAMPLING_RATE_HZ);
        input.put("units", "mV");
        input.put("leads", Lead.STANDARD_ORDER.stream().map(Lead::label).toList());
        return input;
    }

    /**
     * @param source names the file in error messages
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    static Description read(String text, String source) {
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        Map<?, ?> root = object(parsed, source, "top level");
        String format = string(root, "format", source);
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException(source + ": format is '" + format + "', expected '" + FORMAT + "'");
        }
        Map<?, ?> input = object(field(root, "input", source), source, "input");
        checkInput(input, source);
        List<String> classNames = new ArrayList<>();
        for (Object o : list(root, "class_names", source)) {
            if (!(o instanceof String s)) {
                throw new IllegalArgumentException(source + ": class_names must be strings, got " + o);
            }
            classNames.add(s);
        }
        List<LayerSpec> layers = new ArrayList<>();
        List<?> rawLayers = list(root, "layers", source);
        for (int i = 0; i < rawLayers.size(); i++) {
            Map<?, ?> l = object(rawLayers.get(i), source, "layer " + i);
            Map<String, String> args = new LinkedHashMap<>();
            l.forEach((k, v) -> args.put(String.valueOf(k), String.valueOf(v)));
            String type = args.remove("type");
            if (type == null) {
                throw new IllegalArgumentException(source + ": layer " + i + " has no \"type\"");
            }
            try {
                layers.add(LayerSpecs.fromParameters(type, args));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": layer " + i + ": " + e.getMessage(), e);
            }
        }
        Architecture architecture;
        try {
            architecture = new Architecture(string(root, "architecture", source), layers);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        if (classNames.size() != architecture.outputs()) {
            throw new IllegalArgumentException(source + ": " + classNames.size() + " class_names for "
                    + architecture.outputs() + " logits");
        }
        return new Description(string(root, "model_id", source), architecture, classNames);
    }

    /** The bundle's inputs must be the lab's format; a different one would be silently misread. */
    private static void checkInput(Map<?, ?> input, String source) {
        Map<String, Object> expected = inputSpec();
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Object got = input.get(e.getKey());
            if (got == null || !String.valueOf(got).equals(String.valueOf(e.getValue()))) {
                throw new IllegalArgumentException(source + ": input." + e.getKey() + " is " + got + ", expected "
                        + e.getValue());
            }
        }
    }

    private static Object field(Map<?, ?> m, String key, String source) {
        if (!m.containsKey(key)) {
            throw new IllegalArgumentException(source + ": missing field \"" + key + "\"");
        }
        return m.get(key);
    }

    private static String string(Map<?, ?> m, String key, String source) {
        if (!(field(m, key, source) instanceof String s)) {
            throw new IllegalArgumentException(source + ": field \"" + key + "\" must be a string");
        }
        return s;
    }

    private static List<?> list(Map<?, ?> m, String key, String source) {
        if (!(field(m, key, source) instanceof List<?> l)) {
            throw new IllegalArgumentException(source + ": field \"" + key + "\" must be an array");
        }
        return l;
    }

    private static Map<?, ?> object(Object o, String source, String what) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(source + ": " + what + " must be a JSON object");
        }
        return m;
    }
}
