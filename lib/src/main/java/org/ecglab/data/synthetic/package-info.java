/**
 * Synthetic 12-lead median beats with known ground truth: a physiological dipole model, nine diagnostic classes
 * defined by clinical criteria, and for every pathological beat a mask of where the pathology changed the signal.
 *
 * <h2>Model</h2>
 * The heart is a dipole {@code d(t) = Σ_i a_i exp(−(t − c_i)² / (2 w_i²))} in X (left), Y (feet), Z (back), a sum of
 * Gaussian waves each with its own direction {@code a_i}, centre {@code c_i} and width {@code w_i}
 * ({@link org.ecglab.data.synthetic.GaussianWave}, {@link org.ecglab.data.synthetic.CardiacDipole}; McSharry et
 * al., "A dynamical model for generating synthetic electrocardiogram signals", IEEE TBME 50:289, 2003; Sameni et
 * al., "Multichannel ECG and noise modeling", EURASIP J. Adv. Signal Process. 2007:43407). A normal beat has two
 * atrial terms (right then left atrium), septal q, main R and terminal S ventricular terms, and a two-term
 * asymmetric T wave. The Dower matrix projects the dipole to I, II, V1–V6 (Dower et al., J. Electrocardiol. 21
 * Suppl:S182, 1988); III, aVR, aVL, aVF are derived exactly ({@link org.ecglab.data.synthetic.DowerProjection}).
 * The beat is QRS-aligned: QRS onset at 350 ms ± jitter in a 1.2 s window at 500 Hz.
 *
 * <p>Between patients ({@link org.ecglab.data.synthetic.PatientSampler}): heart rate 50–82 bpm, PR 135–180 ms,
 * QRS 84–98 ms, QTc 385–425 ms with QT = QTc·sqrt(RR) (Bazett), wave widths, amplitudes and the heart's
 * orientation (frontal rotation −20° to +25°, horizontal ±12°). Measurement noise
 * ({@link org.ecglab.data.synthetic.MeasurementNoise}): baseline wander and band-limited muscle noise on the
 * independent leads, derived leads recomputed after it.
 *
 * <h2>Classes and their criteria</h2>
 * Each pathology ({@link org.ecglab.data.synthetic.Pathology}) changes only the waves the disease changes, with a
 * margin to its criterion ({@link org.ecglab.data.DiagnosticClass#criterion()}); the tests measure every criterion
 * back from the signal, check that each beat meets exactly its own class's criterion and that the same patient
 * without the pathology meets only NORM's.
 * <ul>
 * <li>NORM — PR 120–200 ms, QRS &lt; 110 ms, QTc &lt; 450 ms, Sokolow–Lyon ≤ 3.5 mV, no Q ≥ 40 ms in I, II, III,
 *     aVF, V5, V6, |ST| &lt; 0.1 mV at J+60 ms, upright T in I, II, V4–V6.</li>
 * <li>AVB1 — PR &gt; 200 ms: the P wave moves earlier (PR 240–300 ms).</li>
 * <li>LBBB — QRS ≥ 120 ms, QS/rS in V1, broad R without q in I, aVL, V5, V6: septal q removed, two broad
 *     leftward-posterior forces (notched R), discordant T.</li>
 * <li>RBBB — QRS ≥ 120 ms, rsR' in V1 or V2, terminal S ≥ 40 ms in I and V6: broad terminal right-anterior force
 *     replaces S; T turns posterior.</li>
 * <li>LVH — Sokolow–Lyon S(V1) + max R(V5, V6) &gt; 3.5 mV (Sokolow &amp; Lyon, Am Heart J 37:161, 1949) with
 *     QRS &lt; 120 ms: the R force grows leftward-posterior only.</li>
 * <li>ASTE — ST ≥ 0.2 mV at J+60 ms in V2–V4 with reciprocal depression ≥ 0.1 mV in II, III, aVF (after the
 *     Fourth Universal Definition of MI, Thygesen et al. 2018): an anterior-superior injury current.</li>
 * <li>IMI — Q ≥ 40 ms, ≥ 0.1 mV and ≥ 25 % of R in II, III, aVF: superior early forces, inferior R reduced.</li>
 * <li>LQT — QTc (Bazett) &gt; 470 ms: T later, broader, flatter (QTc 505–550 ms).</li>
 * <li>LTWI — T ≤ −0.1 mV in I, aVL, V5, V6 with QRS &lt; 120 ms: the T force turns rightward.</li>
 * </ul>
 * The QRS &lt; 120 ms clauses of LVH and LTWI exclude the secondary changes of bundle branch block, as clinical
 * criteria do, so the one-hot labels stay true.
 *
 * <h2>Ground truth</h2>
 * {@link org.ecglab.data.synthetic.GroundTruthMask}: 1 where the ECG differs from the same patient's ECG without the
 * pathology (same seed, same noise) by more than {@link org.ecglab.data.synthetic.SyntheticConfig#maskThresholdMv()}.
 * NORM beats have an empty mask.
 *
 * <h2>Entry points</h2>
 * {@link org.ecglab.data.synthetic.SyntheticEcgGenerator#beat} for one patient,
 * {@link org.ecglab.data.synthetic.SyntheticEcgGenerator#dataset} for a stratified, shuffled
 * {@link org.ecglab.data.EcgDataset}. Everything is deterministic given the seed.
 *
 * <p>May import: {@code org.ecglab.data.*}.
 */
package org.ecglab.data.synthetic;
