package org.ecglab.data.synthetic;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.ecglab.data.DiagnosticClass;

/** The pathology model of each {@link DiagnosticClass}, and how several combine in one beat. */
final class Pathologies {
    private Pathologies() {
    }

    /**
     * The modifier that turns a beat into a beat with the pathology of class {@code cls}.
     *
     * @throws IllegalArgumentException for NORM, which is no pathology
     */
    static Pathology of(DiagnosticClass cls) {
        return switch (cls) {
            case NORM -> throw new IllegalArgumentException("NORM has no pathology model");
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

    /**
     * {@code healthy} with every finding applied, in the order of {@link DiagnosticClass} (conduction first, then
     * muscle, then repolarisation, so that e.g. a T-wave inversion turns the T wave a long QT has already moved).
     */
    static BeatModel apply(BeatModel healthy, List<Finding> findings, SplittableRandom rng) {
        BeatModel beat = healthy;
        for (Finding f : findings.stream().sorted(Comparator.comparing(Finding::cls)).toList()) {
            beat = of(f.cls()).apply(beat, f.severity(), rng);
        }
        return beat;
    }
}
