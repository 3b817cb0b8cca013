package org.ecglab.data.synthetic;

import org.ecglab.data.DiagnosticClass;

/** Disorders of repolarisation: {@link DiagnosticClass#LQT} and {@link DiagnosticClass#LTWI}. */
final class RepolarisationPathologies {
    private RepolarisationPathologies() {
    }

    /**
     * Long QT: repolarisation is prolonged, so the T wave comes later, is 20 % broader and 15 % flatter; the new
     * QTc (Bazett, at the patient's heart rate) is 505–550 ms.
     */
    static Pathology longQt() {
        return (normal, rng) -> {
            double qtc = PatientSampler.uniform(rng, 505, 550);
            double qt = qtc * Math.sqrt(normal.params().rrMs() / 1000.0);
            GaussianWave main = normal.dipole().wave(BeatModel.T + "DOWN");
            double stretch = 1.2;
            double newWidth = main.widthMs() * stretch;
            double newCentre = normal.qrsOnsetMs() + qt - PatientSampler.EDGE_WIDTHS * newWidth;
            CardiacDipole d = normal.dipole().map(BeatModel.T, w -> w.withTiming(
                    newCentre + (w.centreMs() - main.centreMs()) * stretch, w.widthMs() * stretch).scaled(0.85));
            return new BeatModel(normal.params().withQt(qt), d);
        };
    }

    /**
     * Lateral T-wave inversion (lateral ischaemia): the T force turns to the right (X reversed), inverting T in
     * I, aVL, V5 and V6 while it stays upright in II and V1. Timing is unchanged.
     */
    static Pathology lateralTWaveInversion() {
        return (normal, rng) -> {
            double depth = PatientSampler.uniform(rng, 1.0, 1.3);
            return normal.with(normal.dipole().map(BeatModel.T, w -> {
                double k = depth * w.magnitude() / PatientSampler.T_REFERENCE_NORM;
                return w.withAmplitude(-0.30 * k, 0.12 * k, -0.05 * k);
            }));
        };
    }
}
