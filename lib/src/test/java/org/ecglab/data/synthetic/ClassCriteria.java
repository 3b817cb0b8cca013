package org.ecglab.data.synthetic;

import static org.ecglab.data.Lead.AVF;
import static org.ecglab.data.Lead.AVL;
import static org.ecglab.data.Lead.I;
import static org.ecglab.data.Lead.II;
import static org.ecglab.data.Lead.III;
import static org.ecglab.data.Lead.V1;
import static org.ecglab.data.Lead.V2;
import static org.ecglab.data.Lead.V3;
import static org.ecglab.data.Lead.V4;
import static org.ecglab.data.Lead.V5;
import static org.ecglab.data.Lead.V6;

import java.util.List;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.Lead;

/**
 * The criterion of each {@link DiagnosticClass} (as written in {@link DiagnosticClass#criterion()}) evaluated on
 * {@link BeatMeasurements}. Kept in the tests so that the generator is checked against an independent reading.
 */
final class ClassCriteria {
    private ClassCriteria() {
    }

    static boolean meets(DiagnosticClass c, BeatMeasurements m) {
        return switch (c) {
            case NORM -> m.prMs() >= 120 && m.prMs() <= 200 && m.qrsMs() < 110 && m.qtcMs() < 450
                    && m.sokolowLyonMv() <= 3.5
                    && List.of(I, II, III, AVF, V5, V6).stream().allMatch(l -> m.qWave(l)[0] < 40)
                    && Lead.STANDARD_ORDER.stream().allMatch(l -> Math.abs(m.stMv(l)) < 0.1)
                    && List.of(I, II, V4, V5, V6).stream().allMatch(l -> m.tMv(l) > 0);
            case AVB1 -> m.prMs() > 200;
            case LBBB -> m.qrsMs() >= 120 && m.sMv(V1) > 3 * m.rMv(V1)
                    && List.of(I, AVL, V5, V6).stream().allMatch(l -> m.qWave(l)[0] == 0 && m.rWaveMs(l) >= 60);
            case RBBB -> m.qrsMs() >= 120 && (m.hasRsrPrime(V1) || m.hasRsrPrime(V2))
                    && m.terminalSMs(I) >= 40 && m.terminalSMs(V6) >= 40;
            case LVH -> m.sokolowLyonMv() > 3.5 && m.qrsMs() < 120;
            case ASTE -> List.of(V2, V3, V4).stream().allMatch(l -> m.stMv(l) >= 0.2)
                    && List.of(II, III, AVF).stream().allMatch(l -> m.stMv(l) <= -0.1);
            case IMI -> List.of(II, III, AVF).stream().allMatch(l -> {
                double[] q = m.qWave(l);
                return q[0] >= 40 && q[1] >= 0.1 && q[1] >= 0.25 * m.rMv(l);
            });
            case LQT -> m.qtcMs() > 470;
            case LTWI -> List.of(I, AVL, V5, V6).stream().allMatch(l -> m.tMv(l) <= -0.1) && m.qrsMs() < 120;
        };
    }
}
