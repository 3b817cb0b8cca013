package org.ecglab.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.Lead;

/**
 * Diseases of the ventricular muscle: {@link DiagnosticClass#LVH}, {@link DiagnosticClass#ASTE},
 * {@link DiagnosticClass#IMI}. Each adds or changes forces in a fixed anatomical direction (torso frame), sized so
 * that the QRS or ST terms alone, read by {@link WaveProbe}, show the designed severity.
 */
final class MyocardialPathologies {
    /** Direction in which a thickened left ventricle adds force: left and posterior (unit vector). */
    private static final double[] LV_DIRECTION = {0.8, 0.0, 0.6};
    /** Direction of the anterior injury current: anterior, superior and slightly left (Dower frame). */
    private static final double[] INJURY_DIRECTION = {0.15, -0.28, -0.32};
    /** Width of each Gaussian of the injury plateau, ms; they are spaced 1.5 widths apart, which sums to a flat top. */
    private static final double INJURY_WIDTH_MS = 16;
    private static final double INJURY_SPACING = 1.5;
    /** A Q wave starts when the lead falls below this, mV (smaller wiggles at QRS onset are not a deflection). */
    static final double Q_THRESHOLD_MV = 0.03;

    private MyocardialPathologies() {
    }

    /**
     * Left ventricular hypertrophy, severity = Sokolow–Lyon voltage S(V1) + max R(V5, V6) of the QRS terms (Sokolow
     * &amp; Lyon, Am Heart J 37:161, 1949). The main R force grows towards the left and the back only, so S(V1)
     * deepens and R(V5, V6) grows while the inferior leads hardly change and the QRS stays narrow.
     */
    static Pathology leftVentricularHypertrophy() {
        return (beat, sokolow, rng) -> {
            double from = beat.qrsOnsetMs();
            double to = beat.jPointMs();
            double k = bisect(0, 10, kk -> sokolowLyon(grown(beat, kk), from, to), sokolow);
            BeatModel out = grown(beat, k);
            return out.with(beat.params().withQrs(beat.params().qrsMs(), out.qrsAxisDeg()));
        };
    }

    private static BeatModel grown(BeatModel beat, double k) {
        return beat.with(beat.dipole().map(BeatModel.QRS + "R", w -> w.withAmplitude(
                w.ax() + k * LV_DIRECTION[0], w.ay() + k * LV_DIRECTION[1], w.az() + k * LV_DIRECTION[2])));
    }

    /** S(V1) + max(R(V5), R(V6)) of the QRS terms of {@code beat} between {@code from} and {@code to} ms. */
    static double sokolowLyon(BeatModel beat, double from, double to) {
        CardiacDipole d = beat.dipole();
        return -Math.min(0, WaveProbe.of(d, BeatModel.QRS, Lead.V1).min(from, to))
                + Math.max(WaveProbe.of(d, BeatModel.QRS, Lead.V5).max(from, to),
                        WaveProbe.of(d, BeatModel.QRS, Lead.V6).max(from, to));
    }

    /**
     * Anterior ST elevation (LAD occlusion), severity = ST elevation at the J point, the lower of V2 and V3.
     * Morphology (Fourth Universal Definition of Myocardial Infarction, Thygesen et al., Circulation 138:e618, 2018:
     * new ST elevation at the J point in two contiguous leads, ≥ 0.2 mV in V2–V3 for men ≥ 40 years, ≥ 0.1 mV
     * elsewhere; reciprocal depression in the opposite leads): an injury current flows through the plateau of the
     * action potential, from the J point until repolarisation ends. It is modelled as a plateau of Gaussians pointing
     * anterior-superior, the first centred at the J point and the last on the T wave's peak, so the ST segment
     * leaves the QRS already raised and rises straight or convex into the T wave as one ST-T hump in V2–V4, while
     * II, III and aVF show the mirror-image depression.
     */
    static Pathology anteriorStElevation() {
        return (beat, stJ, rng) -> {
            double j = beat.jPointMs();
            double last = Math.max(j, beat.dipole().wave(BeatModel.T + "DOWN").centreMs());
            // The current grows by half from the J point to the T peak: the ST segment slopes up into the T wave.
            // The current already flows in the late QRS, shortening the S wave, so the ST level is flat at the J point.
            List<GaussianWave> unit = WaveChain.between(BeatModel.ST + "INJURY", j - 1.5 * INJURY_WIDTH_MS, last,
                    INJURY_WIDTH_MS,
                    INJURY_SPACING, u -> INJURY_DIRECTION.clone());
            List<GaussianWave> ramped = new ArrayList<>();
            for (int i = 0; i < unit.size(); i++) {
                ramped.add(unit.get(i).scaled(1 + 0.5 * i / Math.max(1, unit.size() - 1)));
            }
            // The ST level at J is what every wave leaves there (the end of S, the start of T) plus the injury current.
            CardiacDipole plateau = new CardiacDipole(ramped);
            // The lower of V2 and V3 must reach stJ: the lead that needs the larger current decides.
            double scale = 0;
            for (Lead lead : List.of(Lead.V2, Lead.V3)) {
                double others = WaveProbe.of(beat.dipole(), "", lead).at(j);
                scale = Math.max(scale, (stJ - others) / WaveProbe.of(plateau, BeatModel.ST, lead).at(j));
            }
            double s = scale;
            return beat.with(beat.dipole().with(ramped.stream().map(w -> w.scaled(s)).toArray(GaussianWave[]::new)));
        };
    }

    /**
     * Inferior myocardial infarction (old), severity = duration of the Q wave, the shortest of II, III and aVF.
     * Morphology: the necrotic inferior wall no longer pulls the early QRS towards the feet, so the early forces point
     * superiorly: a superior term in the first half of the QRS writes Q waves in II, III and aVF, and the inferior
     * part of the main R force shrinks. One extent parameter in [0, 1] moves the superior term later and makes it
     * broader and stronger while the R force loses up to 75 % of its inferior part; it is solved for the designed Q
     * duration. Below 40 ms the same model gives the small inferior q of a normal heart.
     */
    static Pathology inferiorQWaves() {
        return (beat, qMs, rng) -> {
            double g = Pathology.qrsGain(beat) * PatientSampler.uniform(rng, 0.9, 1.2);
            double onset = beat.qrsOnsetMs();
            double extent = bisect(0, 1, p -> shortestInferiorQ(infarcted(beat, p, g), onset), qMs);
            BeatModel out = infarcted(beat, extent, g);
            return out.with(beat.params().withQrs(beat.params().qrsMs(), out.qrsAxisDeg()));
        };
    }

    private static BeatModel infarcted(BeatModel beat, double extent, double g) {
        double onset = beat.qrsOnsetMs();
        double width = 9 + 6 * extent;
        double size = (0.35 + 0.65 * extent) * g;
        double inferiorLeft = 1 - 0.75 * extent;
        return beat.with(beat.dipole()
                .map(BeatModel.QRS + "R", r -> r.withAmplitude(r.ax(), inferiorLeft * r.ay(), r.az()))
                .with(new GaussianWave(BeatModel.QRS + "INFERIOR_Q", 0.05 * size, -0.6 * size, 0.08 * size,
                        onset + 14 + 18 * extent, width)));
    }

    private static double shortestInferiorQ(BeatModel beat, double onset) {
        double shortest = Double.POSITIVE_INFINITY;
        for (Lead lead : List.of(Lead.II, Lead.III, Lead.AVF)) {
            shortest = Math.min(shortest, WaveProbe.of(beat.dipole(), BeatModel.QRS, lead)
                    .initialNegativeMs(onset, beat.jPointMs(), Q_THRESHOLD_MV));
        }
        return shortest;
    }

    /** The x in [lo, hi] where the increasing function f reaches {@code target} (30 halvings: 1e-9 of the range). */
    static double bisect(double lo, double hi, DoubleUnaryOperator f, double target) {
        for (int it = 0; it < 30; it++) {
            double mid = (lo + hi) / 2;
            if (f.applyAsDouble(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
