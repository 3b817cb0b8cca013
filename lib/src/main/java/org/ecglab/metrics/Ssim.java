package org.ecglab.metrics;

import java.util.Objects;
import org.ecglab.data.EcgFormat;

/**
 * Structural similarity (SSIM; Wang et al. 2004) of two maps, as Adebayo et al. (2018) use it to compare a map
 * before and after randomisation, computed along time lead by lead. Each map is first scaled by its largest
 * magnitude (an all-zero map stays zero), so SSIM compares shapes, not scales: absolute maps to [0, 1]; signed maps to
 * [−1, 1] and then to [0, 1] by {@code (v + 1) / 2}, zero relevance at 0.5. SSIM's luminance and contrast terms
 * assume non-negative intensities: on values of either sign both terms flip sign for a negated map and their
 * product does not, so a map and its negation would score close to 1. Then for every window of {@value #WINDOW} consecutive samples of a lead (valid positions only, as
 * scikit-image crops the borders), with uniform weights and sample (n − 1) variances as scikit-image's
 * {@code structural_similarity} defaults:
 * <pre>
 *   SSIM = (2 μa μb + C1)(2 σab + C2) / ((μa² + μb² + C1)(σa² + σb² + C2)),  C1 = (0.01 L)², C2 = (0.03 L)²
 * </pre>
 * with data range {@code L} = 1; the score is the mean over all windows of all
 * leads. Identical maps score 1. Windows run along time only because the leads are not neighbours in space the way
 * image rows are: a 2-D window would mix V6 with I.
 *
 * @param values absolute or signed values
 */
record Ssim(ValueMode values) implements MapMeasure {
    /** Window length in samples (scikit-image's default {@code win_size}). */
    static final int WINDOW = 7;

    Ssim {
        Objects.requireNonNull(values, "values");
    }

    @Override
    public String name() {
        return "ssim";
    }

    /** The flattened map scaled by its largest magnitude. */
    @Override
    public double[] prepare(float[][] map) {
        double[] v = MapMeasure.flatten(map, values);
        if (v.length % EcgFormat.SAMPLES != 0) {
            throw new IllegalArgumentException("SSIM needs maps of whole leads of " + EcgFormat.SAMPLES
                    + " samples, got " + v.length + " values");
        }
        double max = 0;
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("map value " + x + " is not finite");
            }
            max = Math.max(max, Math.abs(x));
        }
        boolean signed = values == ValueMode.SIGNED;
        for (int i = 0; i < v.length; i++) {
            double scaled = max > 0 ? v[i] / max : 0;
            v[i] = signed ? (scaled + 1) / 2 : scaled;
        }
        return v;
    }

    @Override
    public double between(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("maps differ in length: " + a.length + " vs " + b.length);
        }
        double c1 = 0.01 * 0.01;
        double c2 = 0.03 * 0.03;
        double sum = 0;
        int windows = 0;
        for (int lead = 0; lead < a.length; lead += EcgFormat.SAMPLES) {
            for (int s = lead; s + WINDOW <= lead + EcgFormat.SAMPLES; s++) {
                double ma = 0;
                double mb = 0;
                for (int i = s; i < s + WINDOW; i++) {
                    ma += a[i];
                    mb += b[i];
                }
                ma /= WINDOW;
                mb /= WINDOW;
                double va = 0;
                double vb = 0;
                double cov = 0;
                for (int i = s; i < s + WINDOW; i++) {
                    va += (a[i] - ma) * (a[i] - ma);
                    vb += (b[i] - mb) * (b[i] - mb);
                    cov += (a[i] - ma) * (b[i] - mb);
                }
                va /= WINDOW - 1;
                vb /= WINDOW - 1;
                cov /= WINDOW - 1;
                sum += (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
                windows++;
            }
        }
        return sum / windows;
    }

    @Override
    public String toString() {
        return label();
    }
}
