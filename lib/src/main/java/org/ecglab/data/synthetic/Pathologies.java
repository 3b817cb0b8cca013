package org.ecglab.data.synthetic;

import org.ecglab.data.DiagnosticClass;

/** The pathology model of each {@link DiagnosticClass}. */
final class Pathologies {
    private Pathologies() {
    }

    /** The modifier that turns a normal beat into a beat of class {@code cls} ({@link Pathology#NONE} for NORM). */
    static Pathology of(DiagnosticClass cls) {
        return switch (cls) {
            case NORM -> Pathology.NONE;
            case AVB1 -> ConductionPathologies.firstDegreeAvBlock();
            case LBBB -> ConductionPathologies.leftBundleBranchBlock();
            case RBBB -> ConductionPathologies.rightBundleBranchBlock();
            case LVH -> MyocardialPathologies.leftVentricularHypertrophy();
            case ASTE -> MyocardialPathologies.anteriorStElevation();
            case IMI -> MyocardialPathologies.inferiorQWaves();
            case LQT -> RepolarisationPathologies.longQt();
            case LTWI -> RepolarisationPathologies.lateralTWaveInversion();
        };
    }
}
