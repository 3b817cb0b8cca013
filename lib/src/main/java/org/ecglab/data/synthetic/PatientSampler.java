package org.ecglab.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one normal patient: heart rate, intervals, wave widths, amplitudes and the orientation of the heart,
 * all uniformly within normal adult ranges, and lays out the Gaussian dipole terms of a normal beat.
 *
 * <p>Normal ranges used (all inside the clinical normal limits, with margin to the pathological criteria):
 * HR 55–78 bpm, PR 135–180 ms, P 85–105 ms, QRS 84–98 ms, QTc (Bazett) 385–425 ms, T-wave width 8.5–10 % of QT, frontal rotation −20° to +25°
 * around a nominal QRS axis of about +45°, horizontal rotation ±12°.
 *
 * <p>Directions of the reference waves in the Dower frame (X left, Y feet, Z back), before rotation:
 * right-atrial P (anterior-inferior), left-atrial P (left-posterior), septal q (right-anterior), main left
 * ventricular R (left-inferior-posterior), terminal basal S (right-superior-posterior), T concordant with R.
 */
final class PatientSampler {
    /** Main ventricular (R) force of an average patient; pathology modifiers scale relative to its length. */
    static final double[] R_REFERENCE = {1.0, 0.75, 0.45};
    /** Repolarisation (T) force of an average patient. */
    static final double[] T_REFERENCE = {0.28, 0.20, -0.08};
    /** Length of {@link #R_REFERENCE}. */
    static final double R_REFERENCE_NORM = norm(R_REFERENCE);
    /** Length of {@link #T_REFERENCE}. */
    static final double T_REFERENCE_NORM = norm(T_REFERENCE);

    /** Nominal QRS onset; PR up to 320 ms before it and QT up to 600 ms after it fit in the 1.2 s window. */
    static final double QRS_ONSET_MS = 350.0;
    /** Onset/offset of a Gaussian wave lies this many widths from its centre (value = 4.4 % of the peak). */
    static final double EDGE_WIDTHS = 2.5;
    /**
     * The QRS ends this many widths after the centre of its last wave (8.9 % of its peak): where the depolarisation's
     * slope has faded and a reader using the spatial velocity puts the J point.
     */
    static final double QRS_OFFSET_WIDTHS = 2.2;

    private final double onsetJitterMs;

    /** @param onsetJitterMs half-width of the uniform jitter of the QRS onset around {@link #QRS_ONSET_MS} */
    PatientSampler(double onsetJitterMs) {
        this.onsetJitterMs = onsetJitterMs;
    }

    /** A normal beat for the patient drawn from {@code rng}. The number of draws is fixed, so streams stay aligned. */
    BeatModel sample(SplittableRandom rng) {
        double hr = uniform(rng, 55, 78);
        double onset = QRS_ONSET_MS + uniform(rng, -onsetJitterMs, onsetJitterMs);
        double pr = uniform(rng, 135, 180);
        double pWidth = uniform(rng, 14, 17);
        double qrs = uniform(rng, 84, 98);
        double qtc = uniform(rng, 385, 425);
        double tWidthFraction = uniform(rng, 0.085, 0.1);
        double frontal = uniform(rng, -20, 25);
        double horizontal = uniform(rng, -12, 12);
        double pGain = uniform(rng, 0.8, 1.25);
        double qrsGain = uniform(rng, 0.8, 1.2);
        double tGain = uniform(rng, 0.85, 1.25);
        double septalGain = uniform(rng, 0.8, 1.2);
        double terminalGain = uniform(rng, 0.8, 1.2);

        List<GaussianWave> waves = new ArrayList<>();
        // Atria: right atrium first, left atrium 14 ms later; the P axis varies less than the QRS axis.
        double pOnset = onset - pr;
        double cRa = pOnset + EDGE_WIDTHS * pWidth;
        double pLag = 14;
        waves.add(rot(new GaussianWave(BeatModel.P + "RA", 0.03, 0.10, -0.04, cRa, pWidth).scaled(pGain), frontal / 2, 0));
        waves.add(rot(new GaussianWave(BeatModel.P + "LA", 0.09, 0.05, 0.06, cRa + pLag, pWidth).scaled(pGain),
                frontal / 2, 0));
        double pDuration = 2 * EDGE_WIDTHS * pWidth + pLag;

        // Ventricles: septal q, main R, terminal S, spread over the QRS duration.
        double qWidth = 7.5;
        double rWidth = 0.11 * qrs;
        double sWidth = 0.09 * qrs;
        waves.add(rot(new GaussianWave(BeatModel.QRS + "Q", -0.12 * septalGain, 0.04 * septalGain,
                -0.18 * septalGain, onset + 2.0 * qWidth, qWidth).scaled(qrsGain), frontal, horizontal));
        waves.add(rot(new GaussianWave(BeatModel.QRS + "R", R_REFERENCE[0], R_REFERENCE[1], R_REFERENCE[2],
                onset + 0.46 * qrs, rWidth).scaled(qrsGain), frontal, horizontal));
        waves.add(rot(new GaussianWave(BeatModel.QRS + "S", -0.25 * terminalGain, -0.20 * terminalGain,
                0.30 * terminalGain, onset + qrs - QRS_OFFSET_WIDTHS * sWidth, sWidth).scaled(qrsGain), frontal, horizontal));

        // Repolarisation: slow upstroke (T_UP) and the main T (T_DOWN) whose offset ends the QT interval.
        double qt = qtc * Math.sqrt(60.0 / hr);
        // The T wave narrows with the QT (faster rate), which keeps the ST segment at J+60 ms flat.
        double tWidth = tWidthFraction * qt;
        double cT = onset + qt - EDGE_WIDTHS * tWidth;
        waves.add(rot(new GaussianWave(BeatModel.T + "UP", T_REFERENCE[0], T_REFERENCE[1], T_REFERENCE[2],
                cT - 0.7 * tWidth, 1.25 * tWidth).scaled(0.35 * tGain), frontal / 2, horizontal / 2));
        waves.add(rot(new GaussianWave(BeatModel.T + "DOWN", T_REFERENCE[0], T_REFERENCE[1], T_REFERENCE[2],
                cT, tWidth).scaled(tGain), frontal / 2, horizontal / 2));

        CardiacDipole dipole = new CardiacDipole(waves);
        PatientParameters params = new PatientParameters(hr, 0, frontal, horizontal, onset, pr, pDuration, qrs, qt);
        BeatModel beat = new BeatModel(params, dipole);
        return beat.with(params.withQrs(qrs, beat.qrsAxisDeg()));
    }

    private static GaussianWave rot(GaussianWave w, double frontal, double horizontal) {
        return w.rotated(frontal, horizontal);
    }

    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    private static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }
}
