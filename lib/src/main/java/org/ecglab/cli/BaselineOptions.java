package org.ecglab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.Baselines;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.npy.Npy;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.data.npy.NpyDType;
import org.ecglab.nn.EcgClassifier;
import picocli.CommandLine.Option;

/**
 * The baseline options of {@code explain} and {@code export} (a picocli mixin), as Captum's {@code baselines}
 * argument: {@code --baseline zero} (the default) or {@code --baseline FILE.npy} with one ECG for every explained ECG
 * or one per explained ECG, in the order of the selection; or {@code --baseline-distribution FILE.npy}, ECGs that a
 * sampling method (gradient SHAP, DeepLIFT SHAP) draws from. A file holds float32 {@code [K, 12, 600]} (or
 * {@code [12, 600]} for one ECG) in mV, e.g. {@code np.save("b.npy", x.astype("<f4"))}.
 */
final class BaselineOptions {
    /** The word that selects zero baselines. */
    static final String ZERO = "zero";

    @Option(names = "--baseline", paramLabel = "zero|FILE.npy",
            description = "Baseline of methods that explain f(x) - f(baseline): 'zero' (default) or a float32 .npy "
                    + "[K, 12, 600] in mV with one ECG for all (K = 1) or one per explained ECG, in selection order.")
    String baseline;

    @Option(names = "--baseline-distribution", paramLabel = "FILE.npy",
            description = "ECGs a sampling method (e.g. gradient_shap, deeplift_shap) draws its baselines from: a "
                    + "float32 .npy [K, 12, 600] in mV.")
    Path distribution;

    /** The rows read from a file, before the number of explained ECGs is known. */
    private float[][][] rows;

    /**
     * Reads and checks the baseline file, before any dataset or model is read.
     *
     * @throws IllegalArgumentException if both options are given, or the file's content is not ECGs
     * @throws IOException              naming the file if it cannot be read
     */
    void read() throws IOException {
        if (baseline != null && distribution != null) {
            throw new IllegalArgumentException("give either --baseline or --baseline-distribution, not both");
        }
        Path file = distribution != null ? distribution
                : baseline == null || baseline.equalsIgnoreCase(ZERO) ? null : Path.of(baseline);
        if (file == null) {
            return;
        }
        String option = distribution != null ? "--baseline-distribution" : "--baseline";
        NpyArray a = Npy.read(file);
        int[] shape = a.shape();
        boolean one = Arrays.equals(shape, new int[] {EcgFormat.LEADS, EcgFormat.SAMPLES});
        if (a.dtype() != NpyDType.FLOAT32 || !(one || (shape.length == 3 && shape[0] >= 1
                && shape[1] == EcgFormat.LEADS && shape[2] == EcgFormat.SAMPLES))) {
            throw new IllegalArgumentException(option + " " + file + " holds " + a.dtype().descr() + " "
                    + Arrays.toString(shape) + "; expected float32 [K, 12, 600] (or [12, 600] for one ECG) in mV");
        }
        float[][][] r = one ? new float[][][] {toRows(a.toFloats())} : a.toFloats3d();
        try {
            (distribution != null ? Baselines.distribution(r) : Baselines.of(r)).rows();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + file + ": " + e.getMessage(), e);
        }
        rows = r;
    }

    private static float[][] toRows(float[] flat) {
        float[][] out = new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int l = 0; l < EcgFormat.LEADS; l++) {
            System.arraycopy(flat, l * EcgFormat.SAMPLES, out[l], 0, EcgFormat.SAMPLES);
        }
        return out;
    }

    /** Whether a baseline file was given. */
    boolean given() {
        return rows != null;
    }

    /**
     * The baselines for {@code n} explained ECGs.
     *
     * @throws IllegalArgumentException if a per-ECG file has neither 1 nor {@code n} rows
     */
    Baselines forInputs(int n) {
        if (rows == null) {
            return Baselines.zero();
        }
        if (distribution != null) {
            return Baselines.distribution(rows);
        }
        if (rows.length != 1 && rows.length != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--baseline %s has %d ECGs for %d selected "
                    + "ECGs; give 1 (for all) or %d (one per selected ECG, in the order of the selection)", baseline,
                    rows.length, n, n));
        }
        return Baselines.of(rows);
    }

    /**
     * Whether {@code method} computes against the baselines given (true when none was), tried on one ECG with the
     * first baseline ECG: a method that ignores baselines records zero baselines in its result. Call it before
     * {@link #forInputs}, so that a method without baselines is named before a row count that would not fit anyway.
     */
    boolean usedBy(AttributionMethod method, EcgClassifier model, float[][] firstEcg, int target) {
        if (rows == null) {
            return true;
        }
        float[][][] first = {rows[0]};
        Baselines probe = distribution != null ? Baselines.distribution(first) : Baselines.of(first);
        Attribution a = method.attribute(model, new float[][][] {firstEcg}, new int[] {target}, probe);
        return !a.baselines().kind().equals(ZERO);
    }

    /** What the sidecar records: the kind, the file and its number of ECGs. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", rows == null ? ZERO : distribution != null ? "distribution" : "rows");
        m.put("file", distribution != null ? distribution.toString() : rows == null ? null : baseline);
        m.put("ecgs", rows == null ? 0 : rows.length);
        return m;
    }
}
