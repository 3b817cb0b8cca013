package org.ecglab.data.synthetic;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.ecglab.data.DiagnosticClass;

/**
 * The quantity by which a class's criterion ({@link DiagnosticClass#criterion()}) is decided, with its threshold and
 * the two ranges the generator draws from: <em>positive</em> severities from just past the threshold to well beyond
 * it, and <em>borderline</em> severities just short of it. A borderline finding is the same disease model at a
 * sub-threshold severity (an incomplete bundle branch block, a PR of 195 ms, ST elevation of 0.15 mV), so a task
 * model must learn where the threshold lies, not only what the disease looks like.
 *
 * <p>The severity is a design value: what the pathology model builds into the waves it changes (read on those waves
 * alone, see {@link WaveProbe}, where it is not set directly). A reader measuring the finished beat finds it within a
 * few ms or hundredths of a mV, which the tests check.
 *
 * @param quantity       what is measured, e.g. "PR interval"
 * @param unit           its unit, e.g. "ms"
 * @param criterion      how the criterion compares the severity with {@code threshold}
 * @param threshold      the criterion's cut-off
 * @param normal         how NORM's criterion compares the severity with {@code normalLimit}
 * @param normalLimit    NORM's own limit on the quantity (e.g. QTc &lt; 450 ms while LQT needs &gt; 470 ms)
 * @param positiveFrom   end of the positive range nearest the threshold
 * @param positiveTo     far end of the positive range
 * @param borderlineFrom end of the borderline range farthest from the threshold
 * @param borderlineTo   end of the borderline range nearest the threshold
 */
public record SeverityScale(String quantity, String unit, Comparison criterion, double threshold, Comparison normal,
        double normalLimit, double positiveFrom, double positiveTo, double borderlineFrom, double borderlineTo) {

    /** A comparison of a severity with a limit. */
    public enum Comparison {
        ABOVE(">"), AT_LEAST(">="), BELOW("<"), AT_MOST("<=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        /** Whether {@code value} compares to {@code limit} this way. */
        public boolean test(double value, double limit) {
            return switch (this) {
                case ABOVE -> value > limit;
                case AT_LEAST -> value >= limit;
                case BELOW -> value < limit;
                case AT_MOST -> value <= limit;
            };
        }

        /** The symbol, e.g. "&gt;=". */
        public String symbol() {
            return symbol;
        }
    }

    /** @throws IllegalArgumentException if a range does not lie on its side of the threshold */
    public SeverityScale {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(normal, "normal");
        if (!criterion.test(positiveFrom, threshold) || !criterion.test(positiveTo, threshold)
                || criterion.test(borderlineFrom, threshold) || criterion.test(borderlineTo, threshold)) {
            throw new IllegalArgumentException(quantity + ": positive range " + positiveFrom + ".." + positiveTo
                    + " must meet and borderline range " + borderlineFrom + ".." + borderlineTo + " must miss "
                    + criterion.symbol() + " " + threshold + " " + unit);
        }
    }

    /**
     * The scale of a pathological class. Sources of the thresholds are in {@link DiagnosticClass#criterion()} and the
     * package documentation.
     *
     * @throws IllegalArgumentException for NORM, which is the absence of findings and has no severity
     */
    public static SeverityScale of(DiagnosticClass cls) {
        return switch (cls) {
            case NORM -> throw new IllegalArgumentException("NORM is the absence of findings and has no severity");
            // NORM allows PR 120-200 ms, so a borderline PR leaves a normal ECG.
            case AVB1 -> new SeverityScale("PR interval", "ms", Comparison.ABOVE, 200, Comparison.AT_MOST, 200,
                    203, 280, 186, 197);
            // 110-119 ms with the block's pattern is an incomplete block (AHA/ACCF/HRS 2009); NORM needs < 110 ms.
            case LBBB -> new SeverityScale("QRS duration", "ms", Comparison.AT_LEAST, 120, Comparison.BELOW, 110,
                    122, 170, 110, 117);
            case RBBB -> new SeverityScale("QRS duration", "ms", Comparison.AT_LEAST, 120, Comparison.BELOW, 110,
                    122, 160, 110, 117);
            case LVH -> new SeverityScale("Sokolow-Lyon voltage", "mV", Comparison.ABOVE, 3.5, Comparison.AT_MOST, 3.5,
                    3.55, 4.3, 2.9, 3.3);
            // Sub-threshold elevation persists to J+60 ms, where NORM needs |ST| < 0.1 mV.
            case ASTE -> new SeverityScale("ST elevation at the J point, lower of V2 and V3", "mV",
                    Comparison.AT_LEAST, 0.2, Comparison.BELOW, 0.1, 0.22, 0.45, 0.1, 0.17);
            // NORM limits the longest Q wave, which DesignedLabels reads from the waves: this limit is a lower bound.
            case IMI -> new SeverityScale("Q-wave duration, shortest of II, III and aVF", "ms", Comparison.AT_LEAST,
                    40, Comparison.BELOW, 40, 43, 60, 26, 36);
            // A median beat does not show the RR interval, so QTc is read through QT alone: borderline cases stay
            // above NORM's 450 ms, so that telling them from normal beats does not need a second cut.
            case LQT -> new SeverityScale("QTc (Bazett)", "ms", Comparison.ABOVE, 470, Comparison.BELOW, 450,
                    480, 560, 452, 466);
            // Borderline: all four leads shallowly negative, so never NORM (which needs upright T in I, V5, V6).
            case LTWI -> new SeverityScale("T amplitude, least negative of I, aVL, V5, V6", "mV", Comparison.AT_MOST,
                    -0.1, Comparison.ABOVE, 0, -0.105, -0.25, -0.06, -0.095);
        };
    }

    /** Whether a finding of this severity meets the class's criterion. */
    public boolean meetsCriterion(double severity) {
        return criterion.test(severity, threshold);
    }

    /** Whether a finding of this severity leaves the ECG within NORM's criterion. */
    public boolean withinNormalLimits(double severity) {
        return normal.test(severity, normalLimit);
    }

    /** A positive severity, uniform over the positive range. */
    double drawPositive(SplittableRandom rng) {
        return PatientSampler.uniform(rng, positiveFrom, positiveTo);
    }

    /** A borderline severity, uniform over the borderline range. */
    double drawBorderline(SplittableRandom rng) {
        return PatientSampler.uniform(rng, borderlineFrom, borderlineTo);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s %s %s (positive %s to %s, borderline %s to %s)", quantity,
                criterion.symbol(), fmt(threshold), unit, fmt(positiveFrom), fmt(positiveTo), fmt(borderlineFrom),
                fmt(borderlineTo));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
