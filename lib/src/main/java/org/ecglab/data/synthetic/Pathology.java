package org.ecglab.data.synthetic;

import java.util.SplittableRandom;

/**
 * Turns a patient's beat into the same patient's beat with one more disease. Implementations change only the waves
 * the disease changes, so the difference to the normal beat is the ground truth of where the pathology is.
 */
@FunctionalInterface
interface Pathology {
    /**
     * The pathology applied to {@code beat}.
     *
     * @param severity the designed value of the class's criterion quantity ({@link SeverityScale})
     * @param rng      draws the patient-specific details of the disease (a fixed number of draws)
     */
    BeatModel apply(BeatModel beat, double severity, SplittableRandom rng);

    /** How much larger than average this patient's QRS is (length of R over the reference R). */
    static double qrsGain(BeatModel beat) {
        return beat.dipole().wave(BeatModel.QRS + "R").magnitude() / PatientSampler.R_REFERENCE_NORM;
    }
}
