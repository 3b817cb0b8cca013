package org.ecglab.interop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;
import org.ecglab.data.io.Json;
import org.ecglab.data.io.JsonFields;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.LayerSpec;
import org.ecglab.nn.LayerSpecs;

/**
 * {@code model.json}: format tag, model id, architecture name, the input specification, the class names (one per
 * logit) and the layer list, each layer an object with {@code "type"} and its PyTorch constructor arguments
 * ({@link LayerSpecs#toJson}):
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
        root.put("layers", LayerSpecs.toJson(architecture.layers()));
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
        JsonFields root = JsonFields.parse(text, source);
        String format = root.string("format");
        if (!FORMAT.equals(format)) {
            throw root.error("format", "is '" + format + "', expected '" + FORMAT + "'");
        }
        checkInput(root.object("input"));
        List<String> classNames = root.strings("class_names");
        String name = root.string("architecture");
        List<LayerSpec> layers = LayerSpecs.fromJson(root.objects("layers"));
        Architecture architecture;
        try {
            architecture = new Architecture(name, layers);
        } catch (IllegalArgumentException e) {
            throw root.problem(e.getMessage());
        }
        if (classNames.size() != architecture.outputs()) {
            throw root.error("class_names", "has " + classNames.size() + " names for " + architecture.outputs()
                    + " logits");
        }
        return new Description(root.string("model_id"), architecture, classNames);
    }

    /** The bundle's inputs must be the lab's format; a different one would be silently misread. */
    private static void checkInput(JsonFields input) {
        for (Map.Entry<String, Object> e : inputSpec().entrySet()) {
            Object got = input.has(e.getKey()) ? input.asMap().get(e.getKey()) : null;
            if (got == null || !String.valueOf(got).equals(String.valueOf(e.getValue()))) {
                throw input.error(e.getKey(), "is " + got + ", expected " + e.getValue());
            }
        }
    }
}
