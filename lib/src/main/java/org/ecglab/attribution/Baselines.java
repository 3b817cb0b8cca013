package org.ecglab.attribution;

import java.util.Arrays;
import java.util.Objects;
import org.ecglab.data.EcgFormat;

/**
 * The reference inputs of methods that explain a difference {@code f(x) − f(x')}: none given (zeros), one ECG for
 * all, one ECG per input, or a distribution of ECGs from which shap-style methods draw (as Captum's
 * {@code baselines} argument, whose meaning also depends on the method).
 *
 * <ul>
 *   <li>{@link #zero()}: {@code x' = 0} (Captum's default);</li>
 *   <li>{@link #of(float[][][])} with one row: that ECG for every input; with N rows: row {@code i} for input
 *       {@code i};</li>
 *   <li>{@link #distribution(float[][][])}: rows a method draws from (gradient SHAP draws one per sample, DeepLIFT
 *       SHAP averages over all).</li>
 * </ul>
 * Rows are {@code [12][600]} in mV and finite.
 */
public abstract sealed class Baselines permits Baselines.Zero, Baselines.Rows {
    private Baselines() {
    }

    /** No baseline given: zeros. */
    public static Baselines zero() {
        return Zero.INSTANCE;
    }

    /**
     * One row for all inputs, or one row per input.
     *
     * @throws IllegalArgumentException if a row is not {@code [12][600]} or holds a NaN or an infinity
     */
    public static Baselines of(float[][][] rows) {
        return new Rows(rows, false);
    }

    /**
     * A distribution to draw from (at least one row).
     *
     * @throws IllegalArgumentException if a row is not {@code [12][600]} or holds a NaN or an infinity
     */
    public static Baselines distribution(float[][][] rows) {
        return new Rows(rows, true);
    }

    /**
     * One baseline per input, {@code [n][12][600]}: zeros, the one row repeated, or the rows as given.
     *
     * @param methodId for the error message
     * @throws IllegalArgumentException if there are rows and neither 1 nor {@code n} of them, or this is a
     *                                  distribution (which the method does not take)
     */
    public abstract float[][][] perInput(String methodId, int n);

    /**
     * The rows to draw from: one row of zeros when none was given.
     *
     * @param methodId for the error message
     * @param minRows  the method's minimum number of rows (DeepLIFT SHAP needs 2)
     * @throws IllegalArgumentException if there are fewer rows
     */
    public abstract float[][][] rowsToDrawFrom(String methodId, int minRows);

    /** The baselines of inputs {@code [from, to)}: per-input rows are sliced, the others stay as they are. */
    public abstract Baselines slice(int from, int to);

    /** How the bundle's {@code .json} names these baselines: "zero", "rows" or "distribution". */
    public abstract String kind();

    /** The rows ({@code [0][][]} for zero), not copied. */
    public abstract float[][][] rows();

    /** Zeros. */
    static final class Zero extends Baselines {
        static final Zero INSTANCE = new Zero();

        @Override
        public float[][][] perInput(String methodId, int n) {
            return new float[n][EcgFormat.LEADS][EcgFormat.SAMPLES];
        }

        @Override
        public float[][][] rowsToDrawFrom(String methodId, int minRows) {
            if (minRows > 1) {
                throw new IllegalArgumentException("method " + methodId + " needs a distribution of at least "
                        + minRows + " baseline ECGs (e.g. training ECGs); none was given");
            }
            return new float[1][EcgFormat.LEADS][EcgFormat.SAMPLES];
        }

        @Override
        public Baselines slice(int from, int to) {
            return this;
        }

        @Override
        public String kind() {
            return "zero";
        }

        @Override
        public float[][][] rows() {
            return new float[0][][];
        }

        @Override
        public String toString() {
            return "zero";
        }
    }

    /** Given rows: per input (1 or N) or a distribution. */
    static final class Rows extends Baselines {
        private final float[][][] rows;
        private final boolean distribution;

        Rows(float[][][] rows, boolean distribution) {
            Objects.requireNonNull(rows, "baseline rows");
            if (rows.length == 0) {
                throw new IllegalArgumentException("baselines: no rows given");
            }
            for (int i = 0; i < rows.length; i++) {
                AttributionInputs.checkEcg("baseline", i, rows[i]);
            }
            this.rows = rows;
            this.distribution = distribution;
        }

        @Override
        public float[][][] perInput(String methodId, int n) {
            if (distribution) {
                throw new IllegalArgumentException("method " + methodId + " takes one baseline for all inputs or one "
                        + "per input, not a distribution to draw from");
            }
            if (rows.length == n) {
                return rows;
            }
            if (rows.length == 1) {
                float[][][] out = new float[n][][];
                Arrays.fill(out, rows[0]);
                return out;
            }
            throw new IllegalArgumentException("method " + methodId + ": " + rows.length + " baselines for " + n
                    + " inputs; give 1 or " + n);
        }

        @Override
        public float[][][] rowsToDrawFrom(String methodId, int minRows) {
            if (rows.length < minRows) {
                throw new IllegalArgumentException("method " + methodId + " needs at least " + minRows
                        + " baseline ECGs to draw from; " + rows.length + " given");
            }
            return rows;
        }

        @Override
        public Baselines slice(int from, int to) {
            if (distribution || rows.length == 1) {
                return this;
            }
            return new Rows(Arrays.copyOfRange(rows, from, to), false);
        }

        @Override
        public String kind() {
            return distribution ? "distribution" : "rows";
        }

        @Override
        public float[][][] rows() {
            return rows;
        }

        @Override
        public String toString() {
            return kind() + "[" + rows.length + "]";
        }
    }
}
