package org.ecglab.data.synthetic;

import org.ecglab.data.Lead;

/**
 * One patient's beat before projection: the dipole and the parameters that describe it. Wave labels follow a
 * convention the pathology modifiers rely on: atrial waves start with {@value #P}, ventricular depolarisation
 * with {@value #QRS}, repolarisation with {@value #T}, injury currents with {@value #ST}.
 *
 * @param params the designed intervals, rate and orientation
 * @param dipole the Gaussian dipole terms
 */
record BeatModel(PatientParameters params, CardiacDipole dipole) {
    static final String P = "P_";
    static final String QRS = "QRS_";
    static final String T = "T_";
    static final String ST = "ST_";

    BeatModel with(PatientParameters p) {
        return new BeatModel(p, dipole);
    }

    BeatModel with(CardiacDipole d) {
        return new BeatModel(params, d);
    }

    /** QRS onset in ms. */
    double qrsOnsetMs() {
        return params.qrsOnsetMs();
    }

    /** J point (QRS offset) in ms. */
    double jPointMs() {
        return params.qrsOnsetMs() + params.qrsMs();
    }

    /**
     * Frontal QRS axis from the net QRS areas of leads I and aVF: {@code atan2(area aVF, area I)}. The area of a
     * Gaussian is {@code a · w · sqrt(2π)}, so the axis follows from the QRS terms exactly.
     */
    double qrsAxisDeg() {
        double x = 0;
        double y = 0;
        double z = 0;
        for (GaussianWave w : dipole.waves()) {
            if (w.label().startsWith(QRS)) {
                x += w.ax() * w.widthMs();
                y += w.ay() * w.widthMs();
                z += w.az() * w.widthMs();
            }
        }
        return Math.toDegrees(Math.atan2(DowerProjection.lead(Lead.AVF, x, y, z), DowerProjection.lead(Lead.I, x, y, z)));
    }
}
