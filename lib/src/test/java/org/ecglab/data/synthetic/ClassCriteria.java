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

import java.util.ArrayList;
import java.util.List;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.Lead;

/**
 * The criterion of each {@link DiagnosticClass} (as written in {@link DiagnosticClass#criterion()}) evaluated on
 * {@link BeatMeasurements}, and the quantity each criterion turns on. Kept in the tests so that the generator is
 * checked against an independent reading.
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
            case ASTE -> m.stJMv(V2) >= 0.2 && m.stJMv(V3) >= 0.2 && m.stJMv(V4) >= 0.1
                    && List.of(II, III, AVF).stream().allMatch(l -> m.stJMv(l) <= -0.05);
            case IMI -> List.of(II, III, AVF).stream().allMatch(l -> {
                double[] q = m.qWave(l);
                return q[0] >= 40 && q[1] >= 0.1 && q[1] >= 0.25 * m.rMv(l);
            });
            case LQT -> m.qtcMs() > 470;
            case LTWI -> List.of(I, AVL, V5, V6).stream().allMatch(l -> m.tMv(l) <= -0.1) && m.qrsMs() < 110;
        };
    }

    /**
     * The measured value of the quantity a pathological class's criterion turns on, in the units of its
     * {@link SeverityScale}: what the generator's severity designs.
     */
    static double keyQuantity(DiagnosticClass c, BeatMeasurements m) {
        return switch (c) {
            case NORM -> throw new IllegalArgumentException("NORM has no single key quantity");
            case AVB1 -> m.prMs();
            case LBBB, RBBB -> m.qrsMs();
            case LVH -> m.sokolowLyonMv();
            case ASTE -> Math.min(m.stJMv(V2), m.stJMv(V3));
            case IMI -> List.of(II, III, AVF).stream().mapToDouble(l -> m.qWave(l)[0]).min().orElseThrow();
            case LQT -> m.qtcMs();
            case LTWI -> List.of(I, AVL, V5, V6).stream().mapToDouble(m::tMv).max().orElseThrow();
        };
    }

    /**
     * How far the reading of the noise-free beat may lie from the designed severity: the reader places onsets and
     * offsets within a few ms (intervals), and the J point on the steep end of the S wave, where 2 ms are 0.04 mV.
     */
    static double tolerance(DiagnosticClass c) {
        return switch (c) {
            case NORM -> throw new IllegalArgumentException("NORM has no single key quantity");
            case AVB1 -> 10;
            case LBBB, RBBB -> 8;
            case LVH -> 0.05;
            case ASTE -> 0.08;
            case IMI -> 14;
            case LQT -> 8;
            case LTWI -> 0.02;
        };
    }

    /**
     * Whether a reader could call NORM either way: no clause of NORM's criterion clearly fails, and at least one lies
     * within reading tolerance of its limit.
     */
    static boolean normalIsBorderline(BeatMeasurements m) {
        List<double[]> clauses = new ArrayList<>();  // {value, limit, tolerance, +1 if normal below the limit}
        clauses.add(new double[] {m.prMs(), 200, tolerance(DiagnosticClass.AVB1), 1});
        clauses.add(new double[] {m.prMs(), 120, tolerance(DiagnosticClass.AVB1), -1});
        clauses.add(new double[] {m.qrsMs(), 110, tolerance(DiagnosticClass.LBBB), 1});
        clauses.add(new double[] {m.qtcMs(), 450, tolerance(DiagnosticClass.LQT), 1});
        clauses.add(new double[] {m.sokolowLyonMv(), 3.5, tolerance(DiagnosticClass.LVH), 1});
        for (Lead l : List.of(I, II, III, AVF, V5, V6)) {
            clauses.add(new double[] {m.qWave(l)[0], 40, tolerance(DiagnosticClass.IMI), 1});
        }
        for (Lead l : Lead.STANDARD_ORDER) {
            clauses.add(new double[] {Math.abs(m.stMv(l)), 0.1, 0.03, 1});
        }
        for (Lead l : List.of(I, II, V4, V5, V6)) {
            clauses.add(new double[] {m.tMv(l), 0, tolerance(DiagnosticClass.LTWI), -1});
        }
        boolean anyNear = false;
        for (double[] c : clauses) {
            if (near(c[0], c[1], c[2])) {
                anyNear = true;
            } else if (c[3] * (c[0] - c[1]) > 0) {
                return false; // clearly abnormal: NORM is decided
            }
        }
        return anyNear;
    }

    static boolean near(double value, double limit, double tolerance) {
        return Math.abs(value - limit) <= tolerance;
    }
}
