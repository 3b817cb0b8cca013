package org.ecglab.data.synthetic;

import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.Lead;

/**
 * Diseases of the ventricular muscle: {@link DiagnosticClass#LVH}, {@link DiagnosticClass#ASTE},
 * {@link DiagnosticClass#IMI}. Each adds or changes forces in a fixed anatomical direction (torso frame).
 */
final class MyocardialPathologies {
    /** Direction in which a thickened left ventricle adds force: left and posterior (unit vector). */
    private static final double[] LV_DIRECTION = {0.8, 0.0, 0.6};

    private MyocardialPathologies() {
    }

    /**
     * Left ventricular hypertrophy: the main R force grows towards the left and the back only, so S(V1) deepens and
     * R(V5, V6) grows while the inferior leads hardly change. The growth is chosen so that the Sokolow–Lyon
     * voltage of the R force alone, {@code −V1(R) + max(V5(R), V6(R))}, reaches a target of 4.1–4.8 mV.
     */
    static Pathology leftVentricularHypertrophy() {
        return (normal, rng) -> {
            double target = PatientSampler.uniform(rng, 4.1, 4.8);
            GaussianWave r = normal.dipole().wave(BeatModel.QRS + "R");
            double lo = 0;
            double hi = 10;
            for (int it = 0; it < 60; it++) {
                double mid = (lo + hi) / 2;
                if (sokolowOfR(r, mid) < target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double k = (lo + hi) / 2;
            CardiacDipole d = normal.dipole().map(BeatModel.QRS + "R", w -> w.withAmplitude(
                    w.ax() + k * LV_DIRECTION[0], w.ay() + k * LV_DIRECTION[1], w.az() + k * LV_DIRECTION[2]));
            BeatModel out = normal.with(d);
            return out.with(normal.params().withQrs(normal.params().qrsMs(), out.qrsAxisDeg()));
        };
    }

    private static double sokolowOfR(GaussianWave r, double k) {
        double x = r.ax() + k * LV_DIRECTION[0];
        double y = r.ay() + k * LV_DIRECTION[1];
        double z = r.az() + k * LV_DIRECTION[2];
        return -DowerProjection.lead(Lead.V1, x, y, z)
                + Math.max(DowerProjection.lead(Lead.V5, x, y, z), DowerProjection.lead(Lead.V6, x, y, z));
    }

    /**
     * Anterior ST elevation (LAD occlusion): an injury current pointing anterior, superior and slightly left
     * raises the ST segment in V2–V4 and depresses it reciprocally in II, III and aVF. Modelled as one broad
     * Gaussian term centred 60 ms after the J point (40 ms wide), amplitude scale 1.1–1.4.
     */
    static Pathology anteriorStElevation() {
        return (normal, rng) -> {
            double s = PatientSampler.uniform(rng, 1.1, 1.4);
            GaussianWave injury = new GaussianWave(BeatModel.ST + "INJURY", 0.15 * s, -0.28 * s, -0.32 * s,
                    normal.jPointMs() + 60, 40);
            return normal.with(normal.dipole().with(injury));
        };
    }

    /**
     * Inferior myocardial infarction (old): the necrotic inferior wall no longer pulls the early QRS towards the
     * feet, so the early forces point superiorly: a superior term in the first half of the QRS writes broad,
     * deep Q waves in II, III and aVF, and the inferior part of the main R force shrinks to 25 %.
     */
    static Pathology inferiorQWaves() {
        return (normal, rng) -> {
            double g = Pathology.qrsGain(normal) * PatientSampler.uniform(rng, 0.9, 1.2);
            double onset = normal.qrsOnsetMs();
            double w = 15;
            CardiacDipole d = normal.dipole()
                    .map(BeatModel.QRS + "R", r -> r.withAmplitude(r.ax(), 0.25 * r.ay(), r.az()))
                    .with(new GaussianWave(BeatModel.QRS + "INFERIOR_Q", 0.05 * g, -0.6 * g, 0.08 * g,
                            onset + 32, w));
            BeatModel out = normal.with(d);
            return out.with(normal.params().withQrs(normal.params().qrsMs(), out.qrsAxisDeg()));
        };
    }
}
