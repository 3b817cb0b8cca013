package org.ecglab.data.synthetic;

import java.util.List;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.Lead;

/** Disorders of repolarisation: {@link DiagnosticClass#LQT} and {@link DiagnosticClass#LTWI}. */
final class RepolarisationPathologies {
    /** Direction of the T force in lateral T-wave inversion: rightward, slightly inferior and anterior. */
    private static final double[] INVERTED_T = {-0.30, 0.12, -0.05};

    private RepolarisationPathologies() {
    }

    /**
     * Long QT, severity = QTc (Bazett, at the patient's heart rate): repolarisation is prolonged, so the T wave comes
     * later, is 20 % broader and 15 % flatter, and ends at QRS onset + QTc·sqrt(RR).
     */
    static Pathology longQt() {
        return (beat, qtc, rng) -> {
            double qt = qtc * Math.sqrt(beat.params().rrMs() / 1000.0);
            GaussianWave main = beat.dipole().wave(BeatModel.T + "DOWN");
            double stretch = 1.2;
            double newWidth = main.widthMs() * stretch;
            double newCentre = beat.qrsOnsetMs() + qt - PatientSampler.EDGE_WIDTHS * newWidth;
            CardiacDipole d = beat.dipole().map(BeatModel.T, w -> w.withTiming(
                    newCentre + (w.centreMs() - main.centreMs()) * stretch, w.widthMs() * stretch).scaled(0.85));
            return new BeatModel(beat.params().withQt(qt), d);
        };
    }

    /**
     * Lateral T-wave inversion (lateral ischaemia), severity = the T amplitude of the least inverted of I, aVL, V5
     * and V6 (negative): the T force turns to the right, inverting T in I, aVL, V5 and V6 while it stays upright in
     * II and V1. Timing is unchanged. The depth is solved from the T terms alone, so a severity of −0.05 mV gives a
     * shallow inversion in all four leads and −0.3 mV a deep one.
     */
    static Pathology lateralTWaveInversion() {
        return (beat, tMv, rng) -> {
            BeatModel unit = turned(beat, 1);
            double from = beat.jPointMs();
            double to = beat.qrsOnsetMs() + beat.params().qtMs();
            double leastInverted = Double.NEGATIVE_INFINITY;
            for (Lead lead : List.of(Lead.I, Lead.AVL, Lead.V5, Lead.V6)) {
                leastInverted = Math.max(leastInverted, WaveProbe.of(unit.dipole(), BeatModel.T, lead).extreme(from, to));
            }
            // Every wave points the same way, so the amplitude in each lead is linear in the depth.
            return turned(beat, tMv / leastInverted);
        };
    }

    private static BeatModel turned(BeatModel beat, double depth) {
        return beat.with(beat.dipole().map(BeatModel.T, w -> {
            double k = depth * w.magnitude() / PatientSampler.T_REFERENCE_NORM;
            return w.withAmplitude(INVERTED_T[0] * k, INVERTED_T[1] * k, INVERTED_T[2] * k);
        }));
    }
}
