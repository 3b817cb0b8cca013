package org.ecglab.attribution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.ecglab.data.DatasetHash;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.interop.BundleAttribution;
import org.ecglab.nn.EcgClassifier;

/**
 * The result of an {@link AttributionMethod}: maps plus provenance, so every number can be traced to the method,
 * its parameters, the model's weights, the inputs and the seed that made it.
 *
 * <p>A map is {@code [12][600]}, or {@code [1][600]} for methods whose maps have no lead axis (Grad-CAM on a layer
 * that mixes the leads): such a map is one relevance per time point, reported as it is, not as twelve identical
 * copies ({@link #hasLeadAxis()}; comparisons must treat it accordingly).
 *
 * @param values           attribution maps {@code [N][12][600]} or {@code [N][1][600]}
 * @param methodId         the method's id
 * @param parameters       the method's resolved parameters
 * @param baselines        the baselines the maps were computed against ({@link Baselines#zero()} for methods
 *                         without one)
 * @param signed           whether values can be negative (false for e.g. {@code |gradient|})
 * @param modelId          id of the explained model
 * @param modelFingerprint {@link EcgClassifier#parameterFingerprint()} of the explained weights
 * @param inputHash        {@link DatasetHash#ofSignals} of the explained inputs
 * @param seed             random seed the method used; 0 for deterministic methods
 * @param convergenceDelta per ECG, {@code Σ attribution − (f(x) − f(x'))} for methods that promise completeness
 *                         (integrated gradients, DeepLIFT, ...); null for methods that do not
 * @param samples          the random draws a method used (e.g. noise, path positions), by name, so that a reference
 *                         implementation can reproduce the maps exactly; empty for deterministic methods. Every
 *                         array's first axis is the ECG axis (entry {@code i} holds what ECG {@code i} drew), so the
 *                         draws of results over consecutive chunks of ECGs join into those of the whole
 */
public record Attribution(float[][][] values, String methodId, Map<String, Object> parameters, Baselines baselines,
        boolean signed,
        String modelId, String modelFingerprint, String inputHash, long seed, double[] convergenceDelta,
        Map<String, NpyArray> samples) {

    /** Checks that the parts are present and consistent and freezes the maps. */
    public Attribution {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(methodId, "methodId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelFingerprint, "modelFingerprint");
        Objects.requireNonNull(inputHash, "inputHash");
        Objects.requireNonNull(baselines, "baselines");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(parameters, "parameters")));
        samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples == null ? Map.of() : samples));
        if (convergenceDelta != null && convergenceDelta.length != values.length) {
            throw new IllegalArgumentException("convergenceDelta has " + convergenceDelta.length
                    + " entries for " + values.length + " maps");
        }
        for (Map.Entry<String, NpyArray> e : samples.entrySet()) {
            int[] shape = e.getValue().shape();
            if (shape.length == 0 || shape[0] != values.length) {
                throw new IllegalArgumentException("sample " + e.getKey() + " has shape "
                        + java.util.Arrays.toString(shape) + "; its first axis must be the " + values.length
                        + " ECGs");
            }
        }
        int leads = values.length == 0 ? EcgFormat.LEADS : values[0].length;
        if (leads != EcgFormat.LEADS && leads != 1) {
            throw new IllegalArgumentException("maps have " + leads + " rows; expected " + EcgFormat.LEADS
                    + " (one per lead) or 1 (no lead axis)");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != leads || values[i][0].length != EcgFormat.SAMPLES) {
                throw new IllegalArgumentException("map " + i + " is " + values[i].length + "x" + values[i][0].length
                        + "; expected " + leads + "x" + EcgFormat.SAMPLES + " like map 0");
            }
        }
    }

    /**
     * Starts a result for {@code method} on {@code model} and {@code inputs} (hashed now), with the given maps.
     */
    public static Builder of(AttributionMethod method, EcgClassifier model, float[][][] inputs, float[][][] values) {
        return new Builder(method.id(), method.parameters(), model.id(), model.parameterFingerprint(),
                DatasetHash.ofSignals(inputs), values);
    }

    /** Collects the optional parts of a result. */
    public static final class Builder {
        private final String methodId;
        private final Map<String, Object> parameters;
        private final String modelId;
        private final String fingerprint;
        private final String inputHash;
        private final float[][][] values;
        private Baselines baselines = Baselines.zero();
        private boolean signed = true;
        private long seed;
        private double[] delta;
        private final Map<String, NpyArray> samples = new LinkedHashMap<>();

        private Builder(String methodId, Map<String, Object> parameters, String modelId, String fingerprint,
                String inputHash, float[][][] values) {
            this.methodId = methodId;
            this.parameters = new LinkedHashMap<>(parameters);
            this.modelId = modelId;
            this.fingerprint = fingerprint;
            this.inputHash = inputHash;
            this.values = values;
        }

        /** Whether the values can be negative (default true). */
        public Builder signed(boolean s) {
            this.signed = s;
            return this;
        }

        /** The seed the method drew with. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Per-ECG completeness gap. */
        public Builder convergenceDelta(double[] d) {
            this.delta = d;
            return this;
        }

        /** The baselines the maps were computed against (default zero). */
        public Builder baselines(Baselines b) {
            this.baselines = Objects.requireNonNull(b, "baselines");
            return this;
        }

        /** A named array of random draws, for reference implementations; its first axis is the ECG axis. */
        public Builder sample(String name, NpyArray draws) {
            samples.put(name, draws);
            return this;
        }

        /** The result. */
        public Attribution build() {
            return new Attribution(values, methodId, parameters, baselines, signed, modelId, fingerprint, inputHash,
                    seed, delta, samples);
        }
    }

    /** This result as the interop bundle stores it (maps, parameters, sign, baselines, random draws). */
    public BundleAttribution toBundle() {
        String kind = baselines.kind();
        return new BundleAttribution(methodId, parameters, values, signed, kind,
                kind.equals("zero") ? null : baselines.rows(), samples);
    }

    /** Number of maps. */
    public int size() {
        return values.length;
    }

    /** Map of ECG {@code i}, {@code [12][600]} or {@code [1][600]}. */
    public float[][] map(int i) {
        return values[i];
    }

    /** Whether maps have one row per lead (false: one relevance per time point, e.g. Grad-CAM). */
    public boolean hasLeadAxis() {
        return values.length == 0 || values[0].length == EcgFormat.LEADS;
    }

    /** Largest {@code |convergence delta|} over the ECGs, or NaN if the method promises no completeness. */
    public double maxAbsConvergenceDelta() {
        if (convergenceDelta == null) {
            return Double.NaN;
        }
        double max = 0;
        for (double d : convergenceDelta) {
            max = Math.max(max, Math.abs(d));
        }
        return max;
    }

    @Override
    public String toString() {
        String shape = values.length == 0 ? "0" : values.length + "x" + values[0].length + "x" + values[0][0].length;
        String delta = convergenceDelta == null ? ""
                : String.format(Locale.ROOT, ", max|delta|=%.3g", maxAbsConvergenceDelta());
        return "Attribution[" + methodId + " " + parameters + ", baselines " + baselines + ", "
                + (signed ? "signed" : "unsigned") + ", model="
                + modelId + " (" + DatasetHash.shortForm(modelFingerprint) + "), inputs "
                + DatasetHash.shortForm(inputHash) + ", seed=" + seed + ", " + shape + delta + "]";
    }
}
