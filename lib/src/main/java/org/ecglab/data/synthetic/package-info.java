/**
 * Synthetic 12-lead median beats with known ground truth: a physiological dipole model, nine diagnostic classes
 * defined by clinical criteria, severities on both sides of each criterion, and for every pathological beat a mask of
 * where its findings changed the signal.
 *
 * <h2>Model</h2>
 * The heart is a dipole {@code d(t) = Σ_i a_i exp(−(t − c_i)² / (2 w_i²))} in X (left), Y (feet), Z (back), a sum of
 * Gaussian waves each with its own direction {@code a_i}, centre {@code c_i} and width {@code w_i}
 * ({@link org.ecglab.data.synthetic.GaussianWave}, {@link org.ecglab.data.synthetic.CardiacDipole}; McSharry et
 * al., "A dynamical model for generating synthetic electrocardiogram signals", IEEE TBME 50:289, 2003; Sameni et
 * al., "Multichannel ECG and noise modeling", EURASIP J. Adv. Signal Process. 2007:43407). A normal beat has two
 * atrial terms (right then left atrium), septal q, main R and terminal S ventricular terms, and a two-term
 * asymmetric T wave. Slow wavefronts (bundle branch block, injury currents) are chains of overlapping Gaussians
 * ({@link org.ecglab.data.synthetic.WaveChain}) that sum to one continuous deflection. The Dower matrix projects the
 * dipole to I, II, V1–V6 (Dower et al., J. Electrocardiol. 21 Suppl:S182, 1988); III, aVR, aVL, aVF are derived
 * exactly ({@link org.ecglab.data.synthetic.DowerProjection}). The beat is QRS-aligned: QRS onset at 350 ms ± jitter
 * in a 1.2 s window at 500 Hz.
 *
 * <p>Between patients ({@link org.ecglab.data.synthetic.PatientSampler}): heart rate 55–78 bpm, PR 135–180 ms,
 * QRS 84–98 ms, QTc 385–425 ms with QT = QTc·sqrt(RR) (Bazett), wave widths, amplitudes and the heart's
 * orientation (frontal rotation −20° to +25°, horizontal ±12°). Measurement noise
 * ({@link org.ecglab.data.synthetic.MeasurementNoise}): baseline wander and band-limited muscle noise on the
 * independent leads at levels that vary between recordings, derived leads recomputed after it.
 *
 * <h2>Classes, criteria and morphology</h2>
 * Each class's criterion is {@link org.ecglab.data.DiagnosticClass#criterion()}; its model
 * ({@link org.ecglab.data.synthetic.Pathology}) changes only the waves the disease changes, at a designed
 * <em>severity</em>: the value of the quantity the criterion reads ({@link org.ecglab.data.synthetic.SeverityScale}).
 * The morphology of each model is written beside it, with its source:
 * <ul>
 * <li>AVB1 — PR &gt; 200 ms: the P wave moves earlier ({@code ConductionPathologies}).</li>
 * <li>LBBB — QRS ≥ 120 ms, QS/rS in V1, broad R without q in I, aVL, V5, V6 (AHA/ACCF/HRS 2009): a slow
 *     left-ventricular wavefront with no septal q, one broad slurred or shallowly notched R peaking late, a smooth
 *     deep QS in V1, discordant ST-T. 110–119 ms: incomplete LBBB.</li>
 * <li>RBBB — QRS ≥ 120 ms, rsR' in V1 or V2, terminal S ≥ 40 ms in I and V6 (AHA/ACCF/HRS 2009): a slow
 *     right-ventricular wavefront that starts on the downslope of R, so the QRS never pauses; T turns posterior.
 *     110–119 ms: incomplete RBBB.</li>
 * <li>LVH — Sokolow–Lyon S(V1) + max R(V5, V6) &gt; 3.5 mV (Sokolow &amp; Lyon, Am Heart J 37:161, 1949) with
 *     QRS &lt; 120 ms: the R force grows leftward-posterior ({@code MyocardialPathologies}).</li>
 * <li>ASTE — ST elevation at the J point ≥ 0.2 mV in V2 and V3, ≥ 0.1 mV in V4, reciprocal depression ≥ 0.05 mV
 *     in II, III, aVF (Fourth Universal Definition of MI, Thygesen et al. 2018): an injury current from the late
 *     QRS to the T peak, so the ST leaves the J point raised and rises into T as one hump.</li>
 * <li>IMI — Q ≥ 40 ms, ≥ 0.1 mV and ≥ 25 % of R in II, III, aVF: superior early forces, inferior R reduced.</li>
 * <li>LQT — QTc (Bazett) &gt; 470 ms: T later, broader, flatter ({@code RepolarisationPathologies}).</li>
 * <li>LTWI — T ≤ −0.1 mV in I, aVL, V5, V6 with QRS &lt; 110 ms: the T force turns rightward.</li>
 * </ul>
 * NORM is the absence of findings: PR 120–200 ms, QRS &lt; 110 ms, QTc &lt; 450 ms, Sokolow–Lyon ≤ 3.5 mV, no Q
 * ≥ 40 ms in I, II, III, aVF, V5, V6, |ST| &lt; 0.1 mV at J+60 ms, upright T in I, II, V4–V6. The QRS clauses of
 * LVH and LTWI exclude the secondary changes of bundle branch block, as clinical criteria do.
 *
 * <h2>Findings, labels, datasets</h2>
 * A beat carries zero, one or two {@link org.ecglab.data.synthetic.Finding}s (pairs that occur together:
 * {@code Comorbidities}); its labels are the criteria its designed findings meet, so a borderline finding (PR 195 ms,
 * QRS 115 ms) is labelled NORM or nothing. {@link org.ecglab.data.synthetic.SyntheticEcgGenerator#dataset} draws per
 * class 25 % borderline cases, positives spread from the threshold up, 20 % of them with a second finding, then adds
 * label noise at a stated rate ({@link org.ecglab.data.synthetic.SyntheticConfig#labelNoiseRate()}), keeping the labels
 * before noise, the RR interval and the designed fiducial points of every beat. The tests read every beat of a
 * full-size dataset like an ECG program and check labels, severities and morphology against what they measure.
 *
 * <h2>Ground truth</h2>
 * {@link org.ecglab.data.synthetic.GroundTruthMask}: 1 where the ECG differs from the same patient's ECG without any
 * finding (same seed, same noise) by more than {@link org.ecglab.data.synthetic.SyntheticConfig#maskThresholdMv()}.
 * Beats without findings have an empty mask; a beat with two findings has the union of both.
 *
 * <h2>Entry points</h2>
 * {@link org.ecglab.data.synthetic.SyntheticEcgGenerator#beat(org.ecglab.data.DiagnosticClass, long)} for one patient
 * with one positive finding, {@link org.ecglab.data.synthetic.SyntheticEcgGenerator#beat(java.util.List, long)} for
 * any findings, {@link org.ecglab.data.synthetic.SyntheticEcgGenerator#dataset} for a stratified, shuffled
 * {@link org.ecglab.data.EcgDataset}. Everything is deterministic given the seed.
 *
 * <p>May import: {@code org.ecglab.data.*}.
 */
package org.ecglab.data.synthetic;
