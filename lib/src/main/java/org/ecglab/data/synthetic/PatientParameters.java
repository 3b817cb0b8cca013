package org.ecglab.data.synthetic;

import org.ecglab.data.BeatFiducials;
import org.ecglab.data.EcgFormat;

/**
 * The designed timing and orientation of one synthetic beat, kept for display and provenance. Intervals follow
 * the generator's wave layout (onset/offset = centre ∓ about 2.5 widths of the outermost Gaussian); the tests
 * measure the same intervals back from the signal and find them within 12 ms (QRS: 16 ms) of these values.
 *
 * @param heartRateBpm          heart rate; sets RR = 60000 / HR ms, which scales QT (Bazett)
 * @param qrsAxisDeg            frontal-plane QRS axis (hexaxial degrees, 0 = lead I, +90 = aVF) of the net QRS
 * @param frontalRotationDeg    the patient's rotation of the dipole about Z (degrees, + towards the feet)
 * @param horizontalRotationDeg the patient's rotation about Y (degrees, + left towards the back)
 * @param qrsOnsetMs            QRS onset within the 1.2 s window (ms)
 * @param prMs                  PR interval, P onset to QRS onset (ms)
 * @param pDurationMs           P-wave duration (ms)
 * @param qrsMs                 QRS duration (ms)
 * @param qtMs                  QT interval, QRS onset to T end (ms)
 */
public record PatientParameters(double heartRateBpm, double qrsAxisDeg, double frontalRotationDeg,
        double horizontalRotationDeg, double qrsOnsetMs, double prMs, double pDurationMs, double qrsMs, double qtMs) {

    /** @throws IllegalArgumentException if a value is not finite or an interval/heart rate is not positive */
    public PatientParameters {
        double[] all = {heartRateBpm, qrsAxisDeg, frontalRotationDeg, horizontalRotationDeg, qrsOnsetMs, prMs,
            pDurationMs, qrsMs, qtMs};
        for (double v : all) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("patient parameters must be finite: " + java.util.Arrays.toString(all));
            }
        }
        if (heartRateBpm <= 0 || prMs <= 0 || pDurationMs <= 0 || qrsMs <= 0 || qtMs <= 0) {
            throw new IllegalArgumentException("heart rate and intervals must be positive: HR=" + heartRateBpm
                    + ", PR=" + prMs + ", P=" + pDurationMs + ", QRS=" + qrsMs + ", QT=" + qtMs);
        }
    }

    /** RR interval in ms: {@code 60000 / HR}. */
    public double rrMs() {
        return 60_000.0 / heartRateBpm;
    }

    /** Bazett-corrected QT in ms: {@code QTc = QT / sqrt(RR in s)} (Bazett, Heart 7:353, 1920). */
    public double qtcMs() {
        return qtMs / Math.sqrt(rrMs() / 1000.0);
    }

    /**
     * The designed fiducial points as the nearest sample indices, P onset = QRS onset − PR, QRS offset = QRS onset +
     * QRS, T end = QRS onset + QT, with the RR interval.
     */
    public BeatFiducials fiducials() {
        return new BeatFiducials(EcgFormat.msToSample(qrsOnsetMs - prMs), EcgFormat.msToSample(qrsOnsetMs),
                EcgFormat.msToSample(qrsOnsetMs + qrsMs), EcgFormat.msToSample(qrsOnsetMs + qtMs), rrMs());
    }

    /** A copy with a new PR interval. */
    public PatientParameters withPr(double pr) {
        return new PatientParameters(heartRateBpm, qrsAxisDeg, frontalRotationDeg, horizontalRotationDeg, qrsOnsetMs,
                pr, pDurationMs, qrsMs, qtMs);
    }

    /** A copy with a new QRS duration and axis. */
    public PatientParameters withQrs(double qrs, double axisDeg) {
        return new PatientParameters(heartRateBpm, axisDeg, frontalRotationDeg, horizontalRotationDeg, qrsOnsetMs,
                prMs, pDurationMs, qrs, qtMs);
    }

    /** A copy with a new QT interval. */
    public PatientParameters withQt(double qt) {
        return new PatientParameters(heartRateBpm, qrsAxisDeg, frontalRotationDeg, horizontalRotationDeg, qrsOnsetMs,
                prMs, pDurationMs, qrsMs, qt);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "HR %.0f bpm, axis %.0f°, PR %.0f ms, P %.0f ms, QRS %.0f ms, QT %.0f ms, QTc %.0f ms",
                heartRateBpm, qrsAxisDeg, prMs, pDurationMs, qrsMs, qtMs, qtcMs());
    }
}
