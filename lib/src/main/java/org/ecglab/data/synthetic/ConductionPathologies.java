package org.ecglab.data.synthetic;

import org.ecglab.data.DiagnosticClass;

/**
 * Conduction disorders: {@link DiagnosticClass#AVB1}, {@link DiagnosticClass#LBBB}, {@link DiagnosticClass#RBBB}.
 * Directions are in the torso frame (X left, Y feet, Z back) because the conduction pathways, not the patient's
 * electrical axis, set them.
 */
final class ConductionPathologies {
    private ConductionPathologies() {
    }

    /**
     * First-degree AV block: the atria activate earlier relative to the ventricles, PR 240–300 ms. Only the
     * P wave moves, so the ground truth covers the old and the new P-wave positions.
     */
    static Pathology firstDegreeAvBlock() {
        return (normal, rng) -> {
            double pr = PatientSampler.uniform(rng, 240, 300);
            double delta = pr - normal.params().prMs();
            return new BeatModel(normal.params().withPr(pr), normal.dipole().map(BeatModel.P, w -> w.shifted(-delta)));
        };
    }

    /**
     * Left bundle branch block: the septum is activated from the right, so the septal q disappears, and the left
     * ventricle is activated slowly through the myocardium: two broad leftward-posterior forces (QRS 136–160 ms)
     * give a broad notched R in I, aVL, V5, V6 and a QS in V1. Repolarisation turns discordant (T opposite to the
     * QRS), with the end of T unchanged.
     */
    static Pathology leftBundleBranchBlock() {
        return (normal, rng) -> {
            double qrs = PatientSampler.uniform(rng, 136, 160);
            double g1 = Pathology.qrsGain(normal) * PatientSampler.uniform(rng, 0.9, 1.1);
            double g2 = Pathology.qrsGain(normal) * PatientSampler.uniform(rng, 0.9, 1.1);
            double onset = normal.qrsOnsetMs();
            double w1 = 15;
            double w2 = 17;
            // The heart's position still turns the new forces, by half the patient's rotation.
            double frontal = normal.params().frontalRotationDeg() / 2;
            double horizontal = normal.params().horizontalRotationDeg() / 2;
            CardiacDipole d = normal.dipole().without(BeatModel.QRS).with(
                    new GaussianWave(BeatModel.QRS + "LBBB_EARLY", 0.9 * g1, 0.45 * g1, 0.6 * g1,
                            onset + 2.3 * w1, w1).rotated(frontal, horizontal),
                    new GaussianWave(BeatModel.QRS + "LBBB_LATE", 0.9 * g2, 0.25 * g2, 0.8 * g2,
                            onset + qrs - PatientSampler.EDGE_WIDTHS * w2, w2).rotated(frontal, horizontal));
            d = d.map(BeatModel.T, w -> {
                double k = w.magnitude() / PatientSampler.T_REFERENCE_NORM;
                return w.withAmplitude(-0.25 * k, 0.05 * k, -0.25 * k);
            });
            BeatModel out = normal.with(d);
            return out.with(normal.params().withQrs(qrs, out.qrsAxisDeg()));
        };
    }

    /**
     * Right bundle branch block: septal and left ventricular activation are normal, then the right ventricle is
     * activated late and slowly: a broad terminal rightward-anterior force (QRS 136–156 ms) replaces the S term.
     * It writes R' in V1–V2 (rsR') and a broad S in I and V6. The T wave turns posterior (inverted in V1–V2,
     * discordant to R'), still upright laterally.
     */
    static Pathology rightBundleBranchBlock() {
        return (normal, rng) -> {
            double qrs = PatientSampler.uniform(rng, 136, 156);
            double g = Pathology.qrsGain(normal) * PatientSampler.uniform(rng, 0.9, 1.15);
            double w = 16;
            // A broad wave's slope fades earlier than a narrow one's, so its offset is put 2.2 widths out.
            CardiacDipole d = normal.dipole().without(BeatModel.QRS + "S").with(
                    new GaussianWave(BeatModel.QRS + "RBBB_TERMINAL", -0.45 * g, -0.05 * g, -0.55 * g,
                            normal.qrsOnsetMs() + qrs - 2.2 * w, w).rotated(normal.params().frontalRotationDeg() / 2,
                            normal.params().horizontalRotationDeg() / 2));
            d = d.map(BeatModel.T, wave -> {
                double k = wave.magnitude() / PatientSampler.T_REFERENCE_NORM;
                return wave.withAmplitude(wave.ax(), wave.ay(), wave.az() + 0.18 * k);
            });
            BeatModel out = normal.with(d);
            return out.with(normal.params().withQrs(qrs, out.qrsAxisDeg()));
        };
    }
}
