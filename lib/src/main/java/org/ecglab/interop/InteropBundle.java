package org.ecglab.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.io.AtomicFiles;
import org.ecglab.data.io.Json;
import org.ecglab.data.io.JsonFields;
import org.ecglab.data.npy.Npy;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.data.npy.NpyDType;
import org.ecglab.data.npy.Npz;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;

/**
 * The interop bundle: a folder with which Python users can rebuild, check and reuse a model and its attributions
 * ({@code lib/src/test/python/check_bundle.py} does all three with PyTorch).
 *
 * <pre>
 *   model.json                      input spec, class names, layers with PyTorch's argument names ({@link ModelJson})
 *   weights.npz                     torch.nn.Sequential(*layers).state_dict() as arrays ({@link StateDict})
 *   inputs.npy                      float32 [N, 12, 600], mV
 *   targets.npy                     int64 [N], the logit index explained for each input
 *   logits.npy                      float32 [N, outputs], the model's logits on inputs (inference mode)
 *   attributions/&lt;name&gt;.*         maps and what made them, see {@link BundleAttribution}
 * </pre>
 *
 * A bundle is written to a temporary sibling folder and renamed into place, so a failed write never leaves a
 * half-written bundle under the target name; an existing bundle there is replaced, anything else is refused.
 */
public final class InteropBundle {
    public static final String MODEL_JSON = "model.json";
    public static final String WEIGHTS = "weights.npz";
    public static final String INPUTS = "inputs.npy";
    public static final String TARGETS = "targets.npy";
    public static final String LOGITS = "logits.npy";
    public static final String ATTRIBUTIONS = "attributions";
    /** Suffix of an attribution's baseline rows beside its maps. */
    public static final String BASELINES_SUFFIX = ".baselines.npy";
    /** Suffix of an attribution's random draws beside its maps. */
    public static final String SAMPLES_SUFFIX = ".samples.npz";
    private static final int BATCH = 32;

    private InteropBundle() {
    }

    /**
     * Writes a bundle. Logits are computed here, with {@code model} in inference mode.
     *
     * @param folder       the bundle folder (created; an earlier bundle there is replaced)
     * @param architecture the network {@code model} was built from
     * @param classNames   one name per logit
     * @param inputs       ECGs {@code [N][12][600]} in mV
     * @param targets      explained logit index per ECG
     * @param attributions maps by file name ({@code [a-z0-9_]+}, usually the method id); may be empty
     * @throws IllegalArgumentException if shapes, counts, targets, names or the model's parameters do not fit
     * @throws IOException              if writing fails or {@code folder} exists and is not a bundle
     */
    public static void write(Path folder, Architecture architecture, EcgClassifier model, List<String> classNames,
            float[][][] inputs, int[] targets, Map<String, BundleAttribution> attributions) throws IOException {
        Objects.requireNonNull(model, "model");
        int outputs = architecture.outputs();
        if (classNames.size() != outputs) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + outputs + " logits");
        }
        checkInputs(inputs, targets, outputs);
        attributions.forEach((name, a) -> checkAttribution(name, a, inputs.length));
        Map<String, NpyArray> weights = StateDict.export(architecture, model);
        float[][] logits = model.predictLogits(inputs, BATCH);

        AtomicFiles.writeFolder(folder, MODEL_JSON, "an interop bundle", tmp -> {
            Files.writeString(tmp.resolve(MODEL_JSON), ModelJson.write(model.id(), architecture, classNames),
                    StandardCharsets.UTF_8);
            Npz.write(tmp.resolve(WEIGHTS), weights, false);
            Npy.write(tmp.resolve(INPUTS), NpyArray.ofFloats(inputs));
            long[] t = new long[targets.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = targets[i];
            }
            Npy.write(tmp.resolve(TARGETS), NpyArray.ofLongs(t, t.length));
            Npy.write(tmp.resolve(LOGITS), NpyArray.ofFloats(flatten(logits), logits.length, outputs));
            if (!attributions.isEmpty()) {
                Path dir = Files.createDirectory(tmp.resolve(ATTRIBUTIONS));
                for (Map.Entry<String, BundleAttribution> e : attributions.entrySet()) {
                    writeAttribution(dir, e.getKey(), e.getValue());
                }
            }
        });
    }

    /**
     * Reads a bundle and rebuilds its model from {@code model.json} and {@code weights.npz}. The caller closes the
     * result (it owns the model's native memory).
     *
     * @throws NoSuchFileException if the folder or a required file is missing
     * @throws IOException         naming the file and what is wrong if a part is corrupt or inconsistent
     */
    public static LoadedBundle read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no interop bundle folder");
        }
        Path modelFile = required(folder, MODEL_JSON);
        ModelJson.Description d;
        try {
            d = ModelJson.read(Files.readString(modelFile, StandardCharsets.UTF_8), modelFile.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        float[][][] inputs = floats3d(required(folder, INPUTS));
        int n = inputs.length;
        int[] targets = targets(required(folder, TARGETS), n, d.classNames().size());
        float[][] logits = logits(required(folder, LOGITS), n, d.classNames().size());
        Map<String, BundleAttribution> attributions = readAttributions(folder.resolve(ATTRIBUTIONS), n);
        Path weightsFile = required(folder, WEIGHTS);
        Map<String, NpyArray> weights = Npz.read(weightsFile);
        EcgClassifier model;
        try {
            model = StateDict.load(d.architecture(), weights, d.modelId(), d.classNames(), weightsFile.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new LoadedBundle(d.architecture(), model, d.classNames(), inputs, targets, logits, attributions);
    }

    private static void checkInputs(float[][][] inputs, int[] targets, int outputs) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException("a bundle needs at least one input");
        }
        if (targets.length != inputs.length) {
            throw new IllegalArgumentException(targets.length + " targets for " + inputs.length + " inputs");
        }
        for (int i = 0; i < inputs.length; i++) {
            EcgFormat.validate(inputs[i], "input " + i);
            if (targets[i] < 0 || targets[i] >= outputs) {
                throw new IllegalArgumentException("target " + targets[i] + " of input " + i + " is not a logit index"
                        + " 0.." + (outputs - 1));
            }
        }
    }

    private static void writeAttribution(Path dir, String name, BundleAttribution a) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", a.methodId());
        json.put("parameters", a.parameters());
        json.put("signed", a.signed());
        json.put("lead_axis", a.leadAxis());
        json.put("baselines", a.baselinesKind());
        json.put("samples", List.copyOf(a.samples().keySet()));
        Npy.write(dir.resolve(name + ".npy"), NpyArray.ofFloats(a.values()));
        if (a.baselineRows() != null) {
            Npy.write(dir.resolve(name + BASELINES_SUFFIX), NpyArray.ofFloats(a.baselineRows()));
        }
        if (!a.samples().isEmpty()) {
            Npz.write(dir.resolve(name + SAMPLES_SUFFIX), a.samples(), false);
        }
        Files.writeString(dir.resolve(name + ".json"), Json.write(json), StandardCharsets.UTF_8);
    }

    private static void checkAttribution(String name, BundleAttribution a, int n) {
        if (name == null || !name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("attribution name '" + name + "' must match [a-z0-9_]+ (a file name)");
        }
        if (a.values().length != n) {
            throw new IllegalArgumentException("attribution " + name + " has " + a.values().length + " maps for " + n
                    + " inputs");
        }
        int leads = a.leadAxis() ? EcgFormat.LEADS : 1;
        for (int i = 0; i < n; i++) {
            float[][] m = a.values()[i];
            if (m.length != leads || m[0].length != EcgFormat.SAMPLES) {
                throw new IllegalArgumentException("attribution " + name + " map " + i + " is not [" + leads
                        + "][600] like map 0 ([12][600], or [1][600] without a lead axis)");
            }
        }
    }

    private static Path required(Path folder, String name) throws NoSuchFileException {
        Path p = folder.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException(p.toString(), null, "missing part of interop bundle " + folder);
        }
        return p;
    }

    private static float[][][] floats3d(Path file) throws IOException {
        NpyArray a = Npy.read(file);
        int[] s = a.shape();
        if (a.dtype() != NpyDType.FLOAT32 || s.length != 3 || s[1] != EcgFormat.LEADS || s[2] != EcgFormat.SAMPLES) {
            throw new IOException(file + ": expected float32 [N, 12, 600], got " + a);
        }
        return a.toFloats3d();
    }

    private static int[] targets(Path file, int n, int outputs) throws IOException {
        NpyArray a = Npy.read(file);
        if (a.dtype() != NpyDType.INT64 || a.shape().length != 1 || a.shape()[0] != n) {
            throw new IOException(file + ": expected int64 [" + n + "], got " + a);
        }
        long[] t = a.toLongs();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (t[i] < 0 || t[i] >= outputs) {
                throw new IOException(file + ": target " + t[i] + " at " + i + " is not a logit index 0.."
                        + (outputs - 1));
            }
            out[i] = (int) t[i];
        }
        return out;
    }

    private static float[][] logits(Path file, int n, int outputs) throws IOException {
        NpyArray a = Npy.read(file);
        if (a.dtype() != NpyDType.FLOAT32 || a.shape().length != 2 || a.shape()[0] != n || a.shape()[1] != outputs) {
            throw new IOException(file + ": expected float32 [" + n + ", " + outputs + "], got " + a);
        }
        float[] flat = a.toFloats();
        float[][] out = new float[n][outputs];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * outputs, out[i], 0, outputs);
        }
        return out;
    }

    private static BundleAttribution readAttribution(Path dir, String name, JsonFields json, int n)
            throws IOException {
        Path mapsFile = required(dir, name + ".npy");
        try {
            String kind = json.has("baselines") ? json.string("baselines") : "zero";
            float[][][] values = maps(mapsFile, json.has("lead_axis") ? json.bool("lead_axis") : true);
            if (values.length != n) {
                throw new IOException(mapsFile + ": " + values.length + " maps for " + n + " inputs");
            }
            float[][][] rows = kind.equals("zero") ? null : floats3d(required(dir, name + BASELINES_SUFFIX));
            Map<String, NpyArray> samples = json.has("samples") && !json.strings("samples").isEmpty()
                    ? Npz.read(required(dir, name + SAMPLES_SUFFIX)) : Map.of();
            if (!samples.keySet().equals(new java.util.HashSet<>(json.has("samples") ? json.strings("samples")
                    : List.of()))) {
                throw new IOException(dir.resolve(name + SAMPLES_SUFFIX) + ": holds " + samples.keySet()
                        + " but " + name + ".json lists " + json.strings("samples"));
            }
            return new BundleAttribution(json.string("method"), json.object("parameters").asMap(), values,
                    !json.has("signed") || json.bool("signed"), kind, rows, samples);
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(name + ".json") + ": " + e.getMessage(), e);
        }
    }

    /** Maps {@code [N, 12, 600]}, or {@code [N, 1, 600]} for a result without a lead axis. */
    private static float[][][] maps(Path file, boolean leadAxis) throws IOException {
        NpyArray a = Npy.read(file);
        int[] s = a.shape();
        int leads = leadAxis ? EcgFormat.LEADS : 1;
        if (a.dtype() != NpyDType.FLOAT32 || s.length != 3 || s[1] != leads || s[2] != EcgFormat.SAMPLES) {
            throw new IOException(file + ": expected float32 [N, " + leads + ", 600], got " + a);
        }
        return a.toFloats3d();
    }

    private static Map<String, BundleAttribution> readAttributions(Path dir, int n) throws IOException {
        Map<String, BundleAttribution> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        for (Path f : files) {
            String file = f.getFileName().toString();
            if (file.endsWith(".npy") && !file.endsWith(BASELINES_SUFFIX)
                    && !Files.isRegularFile(dir.resolve(file.replaceAll("\\.npy$", ".json")))) {
                throw new NoSuchFileException(dir.resolve(file.replaceAll("\\.npy$", ".json")).toString(), null,
                        "attribution maps without their description");
            }
            if (!file.endsWith(".json")) {
                continue;
            }
            String name = file.substring(0, file.length() - ".json".length());
            JsonFields json;
            try {
                json = JsonFields.parse(Files.readString(f, StandardCharsets.UTF_8), f.toString());
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
            out.put(name, readAttribution(dir, name, json, n));
        }
        return out;
    }

    private static float[] flatten(float[][] rows) {
        int k = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * k];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * k, k);
        }
        return flat;
    }
}
