package org.ecglab.data.synthetic;

import java.util.List;
import org.ecglab.data.Lead;

/**
 * Reads a group of Gaussian waves in one lead without rendering the whole beat: the design-time view the
 * pathology models use to aim a severity (e.g. the Sokolow–Lyon voltage of the QRS terms alone). It sees only the
 * waves it is given, never noise or neighbouring waves, so it states what the generator built, not what a reader
 * would measure.
 */
final class WaveProbe {
    /** Resolution of the probe's time grid, ms. */
    static final double STEP_MS = 1.0;

    private final List<GaussianWave> waves;
    private final Lead lead;

    WaveProbe(List<GaussianWave> waves, Lead lead) {
        this.waves = List.copyOf(waves);
        this.lead = lead;
    }

    /** The waves of {@code dipole} whose label starts with {@code prefix}, seen in {@code lead}. */
    static WaveProbe of(CardiacDipole dipole, String prefix, Lead lead) {
        return new WaveProbe(dipole.waves().stream().filter(w -> w.label().startsWith(prefix)).toList(), lead);
    }

    /** The lead's voltage at {@code tMs}: {@code Σ_i (D_lead · a_i) g_i(t)}. */
    double at(double tMs) {
        double v = 0;
        for (GaussianWave w : waves) {
            v += DowerProjection.lead(lead, w.ax(), w.ay(), w.az()) * w.shape(tMs);
        }
        return v;
    }

    /** Largest value in {@code [fromMs, toMs]}. */
    double max(double fromMs, double toMs) {
        double best = Double.NEGATIVE_INFINITY;
        for (double t = fromMs; t <= toMs; t += STEP_MS) {
            best = Math.max(best, at(t));
        }
        return best;
    }

    /** Smallest value in {@code [fromMs, toMs]}. */
    double min(double fromMs, double toMs) {
        double best = Double.POSITIVE_INFINITY;
        for (double t = fromMs; t <= toMs; t += STEP_MS) {
            best = Math.min(best, at(t));
        }
        return best;
    }

    /** The value of largest magnitude in {@code [fromMs, toMs]}, with its sign. */
    double extreme(double fromMs, double toMs) {
        double hi = max(fromMs, toMs);
        double lo = min(fromMs, toMs);
        return Math.abs(lo) > Math.abs(hi) ? lo : hi;
    }

    /**
     * Duration of the first deflection after {@code fromMs} if it is negative (a Q wave): from {@code fromMs} to
     * the first time the lead comes back to zero after having gone below {@code −thresholdMv} (or to {@code toMs} if
     * it does not: a QS complex), in ms; 0 if the first deflection beyond ±threshold is positive or there is none.
     */
    double initialNegativeMs(double fromMs, double toMs, double thresholdMv) {
        boolean seen = false;
        for (double t = fromMs; t <= toMs; t += STEP_MS) {
            double v = at(t);
            if (!seen && v > thresholdMv) {
                return 0;
            }
            if (v < -thresholdMv) {
                seen = true;
            } else if (seen && v >= 0) {
                return t - fromMs;
            }
        }
        return seen ? toMs - fromMs : 0;
    }
}
