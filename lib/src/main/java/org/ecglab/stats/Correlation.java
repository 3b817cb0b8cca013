package org.ecglab.stats;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Correlation coefficients between two equally long vectors.
 *
 * <ul>
 *   <li>{@link #PEARSON}: {@code r = Σ(a−ā)(b−b̄) / sqrt(Σ(a−ā)² Σ(b−b̄)²)}.</li>
 *   <li>{@link #SPEARMAN}: Pearson's r of the ranks, ties given their average (mid) rank, as in
 *       {@code scipy.stats.spearmanr} and Commons Math's {@code SpearmansCorrelation}.</li>
 * </ul>
 *
 * <p>Constant vectors: if either vector has zero variance (for Spearman: all values tied) the coefficient is
 * undefined and {@link #between} returns {@code NaN}, as SciPy does. All-zero maps happen in practice (a saliency map
 * of a dead model, a Grad-CAM map clipped to zero), so callers must expect NaN and count it rather than average it.
 *
 * <p>The computation is split into {@link #prepare} (ranking, done once per map) and {@link #ofPrepared} (done per
 * pair), so comparing M maps pairwise ranks each map once instead of M − 1 times.
 */
public enum Correlation {
    /** Spearman rank correlation with midranks for ties. */
    SPEARMAN("spearman"),
    /** Pearson product-moment correlation. */
    PEARSON("pearson");

    private final String label;

    Correlation(String label) {
        this.label = label;
    }

    /** Lower-case name used in result tables. */
    public String label() {
        return label;
    }

    /**
     * The correlation of {@code a} and {@code b}, NaN if either is constant.
     *
     * @throws IllegalArgumentException if the lengths differ, are below 2, or a value is not finite
     */
    public double between(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
        }
        return ofPrepared(prepare(a), prepare(b));
    }

    /**
     * The correlation of two float vectors, e.g. two models' logits; as {@link #between(double[], double[])}.
     *
     * @throws IllegalArgumentException if the lengths differ, are below 2, or a value is not finite
     */
    public double between(float[] a, float[] b) {
        double[] x = new double[a.length];
        double[] y = new double[b.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = a[i];
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = b[i];
        }
        return between(x, y);
    }

    /** The vector this coefficient correlates: midranks for Spearman, a copy of the values for Pearson. */
    public double[] prepare(double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("need at least 2 values to correlate, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is " + values[i] + "; values must be finite");
            }
        }
        if (this == PEARSON) {
            return values.clone();
        }
        return new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(values);
    }

    /** Pearson's r of two vectors returned by {@link #prepare}; NaN if either is constant. */
    public static double ofPrepared(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
        }
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < a.length; i++) {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= a.length;
        meanB /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - meanA;
            double db = b[i] - meanB;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0 || sbb == 0) {
            return Double.NaN;
        }
        // Clamp: rounding can push |r| of identical vectors a hair above 1.
        return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
    }
}
