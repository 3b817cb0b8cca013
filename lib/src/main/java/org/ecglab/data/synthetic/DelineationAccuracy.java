package org.ecglab.data.synthetic;

import java.util.Arrays;
import java.util.List;
import org.ecglab.data.BeatDelineator;
import org.ecglab.data.BeatFiducials;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgFormat;

/**
 * How far {@link BeatDelineator} lands from the generator's designed fiducial points (P onset = QRS onset − PR, QRS
 * offset = QRS onset + QRS, T end = QRS onset + QT), on noisy synthetic beats.
 *
 * @param classes the classes of the beats, one per row of {@code errorsMs}
 * @param errorsMs per beat, found minus designed in ms for P onset, QRS onset, QRS offset and T end ({@code NaN} when
 *                 the delineator marked the point absent)
 */
public record DelineationAccuracy(List<DiagnosticClass> classes, double[][] errorsMs) {
    /** The points, in the column order of {@link #errorsMs}. */
    public static final List<String> POINTS = List.of("P onset", "QRS onset", "QRS offset", "T end");

    /**
     * Delineates {@code perClass} beats of each class, seeds {@code firstSeed, firstSeed + 1, ...}.
     */
    public static DelineationAccuracy measure(SyntheticEcgGenerator generator, List<DiagnosticClass> classes,
            long firstSeed, int perClass) {
        DiagnosticClass[] rowClass = new DiagnosticClass[classes.size() * perClass];
        double[][] errors = new double[rowClass.length][];
        int row = 0;
        for (DiagnosticClass c : classes) {
            for (long seed = firstSeed; seed < firstSeed + perClass; seed++) {
                SyntheticBeat beat = generator.beat(c, seed);
                PatientParameters p = beat.patient();
                double[] designed = {p.qrsOnsetMs() - p.prMs(), p.qrsOnsetMs(), p.qrsOnsetMs() + p.qrsMs(),
                    p.qrsOnsetMs() + p.qtMs()};
                BeatFiducials f = BeatDelineator.delineate(beat.signal());
                int[] found = {f.pOnset(), f.qrsOnset(), f.qrsOffset(), f.tEnd()};
                double[] e = new double[POINTS.size()];
                for (int k = 0; k < e.length; k++) {
                    e[k] = BeatFiducials.present(found[k]) ? found[k] * EcgFormat.MS_PER_SAMPLE - designed[k] : Double.NaN;
                }
                rowClass[row] = c;
                errors[row++] = e;
            }
        }
        return new DelineationAccuracy(List.of(rowClass), errors);
    }

    /** The share of beats (of class {@code c}, or all when null) whose point {@code k} is within {@code ms}. */
    public double within(int k, double ms, DiagnosticClass c) {
        long n = 0;
        long hit = 0;
        for (int r = 0; r < errorsMs.length; r++) {
            if (c == null || classes.get(r) == c) {
                n++;
                hit += Math.abs(errorsMs[r][k]) <= ms ? 1 : 0;
            }
        }
        return hit / (double) n;
    }

    /** The median |error| of point {@code k} over the beats (of class {@code c}, or all when null) that have it. */
    public double medianAbsMs(int k, DiagnosticClass c) {
        double[] v = new double[errorsMs.length];
        int n = 0;
        for (int r = 0; r < errorsMs.length; r++) {
            if ((c == null || classes.get(r) == c) && !Double.isNaN(errorsMs[r][k])) {
                v[n++] = Math.abs(errorsMs[r][k]);
            }
        }
        double[] sorted = Arrays.copyOf(v, n);
        Arrays.sort(sorted);
        return n == 0 ? Double.NaN : sorted[n / 2];
    }
}
