package org.ecglab.data.synthetic;

import java.util.List;
import org.ecglab.data.DiagnosticClass;

/**
 * Conduction disorders: {@link DiagnosticClass#AVB1}, {@link DiagnosticClass#LBBB}, {@link DiagnosticClass#RBBB}.
 * The severity of each is the interval its criterion reads (PR or QRS, in ms). Directions of new forces are in the
 * torso frame (X left, Y feet, Z back) because the conduction pathways set them; the heart's position still turns
 * them, by half the patient's rotation.
 */
final class ConductionPathologies {
    /**
     * Onset and offset of a slow wavefront lie this many widths before its first and after its last wave's centre,
     * where a reader using the spatial velocity finds them (calibrated on noise-free beats; the tests check it).
     */
    static final double CHAIN_ONSET_WIDTHS = 2.2;
    static final double CHAIN_OFFSET_WIDTHS = 1.8;
    /** LBBB force directions along the slow left-ventricular wavefront (torso frame, before the patient's rotation). */
    private static final double[] LBBB_SEPTAL = {0.55, 0.15, -0.2};
    private static final double[] LBBB_FREE_WALL = {0.8, 0.35, 0.55};
    private static final double[] LBBB_BASE = {0.85, -0.05, 0.6};
    /** Neighbours of a slow wavefront 1.5 widths apart sum to a smooth deflection without ripples. */
    static final double SMOOTH_SPACING = 1.5;
    /** Largest leftward force the LBBB notch removes, relative to the wavefront's force. */
    private static final double LBBB_MAX_NOTCH = 0.2;
    /** Width of the notch along the wavefront (fraction of its length). */
    private static final double LBBB_NOTCH_SPREAD = 0.1;
    /** Posterior force that, added to a unit of rightward force, leaves V1 unchanged (Dower: 0.515 / 0.917). */
    private static final double V1_NEUTRAL_Z = 0.515 / 0.917;
    /** Direction of the late right-ventricular force in RBBB: rightward and anterior. */
    private static final double[] RBBB_TERMINAL = {-0.45, -0.05, -0.55};
    /** Width of each wave of the RBBB chain, ms. */
    private static final double RBBB_WIDTH_MS = 11;

    private ConductionPathologies() {
    }

    /**
     * First-degree AV block: AV conduction is slow, so the atria activate earlier relative to the ventricles and the
     * PR interval becomes the severity. Only the P wave moves, so the ground truth covers the old and the new P-wave
     * positions.
     */
    static Pathology firstDegreeAvBlock() {
        return (beat, pr, rng) -> {
            double delta = pr - beat.params().prMs();
            return new BeatModel(beat.params().withPr(pr), beat.dipole().map(BeatModel.P, w -> w.shifted(-delta)));
        };
    }

    /**
     * Left bundle branch block, severity = QRS duration. Morphology (AHA/ACCF/HRS 2009 recommendations for the
     * standardization and interpretation of the ECG, part III: intraventricular conduction disturbances, Surawicz et
     * al., Circulation 119:e235): the septum is activated from the right, so the septal q disappears from I, aVL, V5,
     * V6; the left ventricle is then activated slowly through the working myocardium. That slow wavefront is a
     * smooth {@link WaveChain} whose force turns from septal (leftward, slightly anterior) through the free wall
     * (leftward, posterior, inferior) to the base (leftward, posterior) and grows as more of the ventricle is reached:
     * one broad R in I, aVL, V5, V6 peaking late (R peak time &gt; 60 ms), and one broad, deep, smooth QS or rS in V1.
     * The R is slurred or, where the force turns briefly from left to back in mid-QRS (a turn V1 hardly sees), carries
     * a shallow notch that keeps at least half the height of the smaller peak (at most {@code LBBB_MAX_NOTCH} of the
     * leftward force is turned away). Repolarisation turns discordant (ST-T opposite to the QRS), with the end of T
     * unchanged. At 110–119 ms the same pattern is an incomplete LBBB.
     */
    static Pathology leftBundleBranchBlock() {
        return (beat, qrs, rng) -> {
            double w = PatientSampler.uniform(rng, 11, 13);
            double g = Pathology.qrsGain(beat) * PatientSampler.uniform(rng, 0.9, 1.15);
            double notchAt = PatientSampler.uniform(rng, 0.4, 0.6);
            double notchDepth = PatientSampler.uniform(rng, 0, LBBB_MAX_NOTCH);
            double onset = beat.qrsOnsetMs();
            double first = onset + CHAIN_ONSET_WIDTHS * w;
            double last = onset + qrs - CHAIN_OFFSET_WIDTHS * w;
            double k = g * WaveChain.waveAmplitude(SMOOTH_SPACING);
            double frontal = beat.params().frontalRotationDeg() / 2;
            double horizontal = beat.params().horizontalRotationDeg() / 2;
            List<GaussianWave> chain = WaveChain.between(BeatModel.QRS + "LBBB", first, last, w, SMOOTH_SPACING, u -> {
                double[] dir = u < 0.5 ? WaveChain.lerp(LBBB_SEPTAL, LBBB_FREE_WALL, 2 * u)
                        : WaveChain.lerp(LBBB_FREE_WALL, LBBB_BASE, 2 * u - 1);
                // The notch: the force turns briefly from left to back, which V1 (-0.515 X - 0.917 Z) hardly sees.
                double z = (u - notchAt) / LBBB_NOTCH_SPREAD;
                double turn = notchDepth * Math.exp(-0.5 * z * z);
                // The force grows as more of the left ventricle is reached, so the lateral R peaks late.
                double grow = k * (0.8 + 0.4 * u);
                return new double[] {grow * (dir[0] - turn), grow * dir[1], grow * (dir[2] + V1_NEUTRAL_Z * turn)};
            });
            CardiacDipole d = beat.dipole().without(BeatModel.QRS)
                    .with(chain.stream().map(x -> x.rotated(frontal, horizontal)).toArray(GaussianWave[]::new));
            d = d.map(BeatModel.T, t -> {
                double kt = t.magnitude() / PatientSampler.T_REFERENCE_NORM;
                return t.withAmplitude(-0.25 * kt, 0.05 * kt, -0.25 * kt);
            });
            BeatModel out = beat.with(d);
            return out.with(beat.params().withQrs(qrs, out.qrsAxisDeg()));
        };
    }

    /**
     * Right bundle branch block, severity = QRS duration. Morphology (AHA/ACCF/HRS 2009, as above): septal and left
     * ventricular activation are normal, then the right ventricle is activated late and slowly through the
     * myocardium. That slow rightward-anterior wavefront replaces the terminal S force as a {@link WaveChain} that
     * starts on the downslope of the main R force and grows until the end of the QRS, so the QRS never pauses: V1
     * reads rsR′ (R′ broader and taller than r, R peak time &gt; 50 ms), I and V6 a broad, slurred S (&gt; 40 ms)
     * that follows the R at once. The T wave turns posterior (inverted in V1–V2, discordant to R′), still upright
     * laterally. At 110–119 ms the same pattern is an incomplete RBBB.
     */
    static Pathology rightBundleBranchBlock() {
        return (beat, qrs, rng) -> {
            double g = Pathology.qrsGain(beat) * PatientSampler.uniform(rng, 0.9, 1.15);
            GaussianWave r = beat.dipole().wave(BeatModel.QRS + "R");
            double w = RBBB_WIDTH_MS;
            double first = r.centreMs() + 1.5 * r.widthMs();
            double last = beat.qrsOnsetMs() + qrs - CHAIN_OFFSET_WIDTHS * w;
            double k = g * WaveChain.waveAmplitude(SMOOTH_SPACING);
            List<GaussianWave> chain = WaveChain.between(BeatModel.QRS + "RBBB", first, last, w, SMOOTH_SPACING, u -> {
                double ramp = k * (0.35 + 0.65 * u);
                return new double[] {RBBB_TERMINAL[0] * ramp, RBBB_TERMINAL[1] * ramp, RBBB_TERMINAL[2] * ramp};
            });
            double frontal = beat.params().frontalRotationDeg() / 2;
            double horizontal = beat.params().horizontalRotationDeg() / 2;
            CardiacDipole d = beat.dipole().without(BeatModel.QRS + "S")
                    .with(chain.stream().map(x -> x.rotated(frontal, horizontal)).toArray(GaussianWave[]::new));
            d = d.map(BeatModel.T, t -> {
                double kt = t.magnitude() / PatientSampler.T_REFERENCE_NORM;
                return t.withAmplitude(t.ax(), t.ay(), t.az() + 0.18 * kt);
            });
            BeatModel out = beat.with(d);
            return out.with(beat.params().withQrs(qrs, out.qrsAxisDeg()));
        };
    }
}
