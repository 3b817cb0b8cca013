package org.ecglab.data.synthetic;

import java.util.SplittableRandom;

/**
 * Turns a patient's normal beat into the same patient's beat with one disease. Implementations change only the
 * waves the disease changes, so the difference to the normal beat is the ground truth of where the pathology is.
 */
@FunctionalInterface
interface Pathology {
    /** The pathology applied to {@code normal}; severity drawn from {@code rng} (a fixed number of draws). */
    BeatModel apply(BeatModel normal, SplittableRandom rng);

    /** The healthy beat itself (class NORM). */
    Pathology NONE = (normal, rng) -> normal;

    /** How much larger than average this patient's QRS is (length of R over the reference R). */
    static double qrsGain(BeatModel beat) {
        return beat.dipole().wave(BeatModel.QRS + "R").magnitude() / PatientSampler.R_REFERENCE_NORM;
    }

    /** How much larger than average this patient's T wave is. */
    static double tGain(BeatModel beat) {
        return beat.dipole().wave(BeatModel.T + "DOWN").magnitude() / PatientSampler.T_REFERENCE_NORM;
    }
}
