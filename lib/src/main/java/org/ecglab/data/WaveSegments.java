package org.ecglab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A beat cut into its waves and segments: P wave, PR segment, QRS complex, ST segment, T wave, and the rest (before
 * P onset and after T end: the TP segment). Built from a beat's four fiducial points ({@link BeatFiducials}); the two
 * boundaries those points do not give, P offset and T onset, are placed by a fixed rule:
 *
 * <ul>
 *   <li>P wave {@code [pOnset, pOffset)} with {@code pOffset = pOnset + min(100 ms, ¾ PR)}: 100 ms is the upper end
 *       of the normal adult P duration (80–110 ms), and the cap keeps at least a quarter of the PR interval for the
 *       PR segment {@code [pOffset, qrsOnset)}, so a long PR (first-degree AV block) lengthens the PR segment, not the
 *       P wave;</li>
 *   <li>QRS {@code [qrsOnset, qrsOffset]};</li>
 *   <li>ST segment {@code (qrsOffset, stEnd]} with {@code stEnd = qrsOffset + min(80 ms, ⅓ (tEnd − qrsOffset))}: ST
 *       deviation is read at J + 60 to J + 80 ms, and the cap leaves the T wave two thirds of the J-to-T-end
 *       interval; the T wave is {@code (stEnd, tEnd]}.</li>
 * </ul>
 * A beat without a P onset has no P wave or PR segment (those samples belong to the rest), one without a T end no ST
 * segment or T wave; QRS onset and offset are required. Sample indices refer to the beat's
 * {@link EcgFormat#SAMPLES} samples.
 *
 * @param fiducials the points the segments were built from
 * @param pOffset   first sample after the P wave, or {@link BeatFiducials#ABSENT}
 * @param stEnd     last sample of the ST segment, or {@link BeatFiducials#ABSENT}
 */
public record WaveSegments(BeatFiducials fiducials, int pOffset, int stEnd) {
    /** Longest P wave the rule assigns, ms. */
    public static final double P_WAVE_MS = 100;
    /** Longest ST segment the rule assigns, ms. */
    public static final double ST_SEGMENT_MS = 80;

    /** The parts of a beat, in time order, and the rest. */
    public enum Wave {
        /** Atrial depolarisation. */
        P,
        /** From the end of the P wave to QRS onset. */
        PR,
        /** Ventricular depolarisation. */
        QRS,
        /** From the J point to T onset. */
        ST,
        /** Ventricular repolarisation. */
        T,
        /** Everything outside P onset .. T end (the TP segment at both ends of the window). */
        OTHER
    }

    /** Checks that the split points lie where the rule puts them relative to the fiducials. */
    public WaveSegments {
        Objects.requireNonNull(fiducials, "fiducials");
        if (!BeatFiducials.present(fiducials.qrsOnset()) || !BeatFiducials.present(fiducials.qrsOffset())) {
            throw new IllegalArgumentException("wave segments need the QRS onset and offset; got " + fiducials);
        }
        if (BeatFiducials.present(fiducials.pOnset()) != BeatFiducials.present(pOffset)
                || BeatFiducials.present(fiducials.tEnd()) != BeatFiducials.present(stEnd)) {
            throw new IllegalArgumentException("P offset and ST end are present exactly when P onset and T end are");
        }
        if (BeatFiducials.present(pOffset) && !(pOffset > fiducials.pOnset() && pOffset < fiducials.qrsOnset())) {
            throw new IllegalArgumentException("P offset " + pOffset + " is not inside the PR interval of " + fiducials);
        }
        if (BeatFiducials.present(stEnd) && !(stEnd > fiducials.qrsOffset() && stEnd < fiducials.tEnd())) {
            throw new IllegalArgumentException("ST end " + stEnd + " is not between J point and T end of " + fiducials);
        }
    }

    /**
     * The segments of a beat with these fiducial points, split by the rule above.
     *
     * @throws IllegalArgumentException if QRS onset or offset is absent, or a PR or J-to-T-end interval is too short
     *                                  to split (fewer than 2 or 3 samples)
     */
    public static WaveSegments of(BeatFiducials f) {
        Objects.requireNonNull(f, "fiducials");
        int pOffset = BeatFiducials.ABSENT;
        if (BeatFiducials.present(f.pOnset()) && BeatFiducials.present(f.qrsOnset())) {
            int pr = f.qrsOnset() - f.pOnset();
            if (pr < 2) {
                throw new IllegalArgumentException("PR interval of " + pr + " sample(s) is too short to split into P "
                        + "wave and PR segment: " + f);
            }
            pOffset = f.pOnset() + Math.max(1, Math.min(EcgFormat.msToSample(P_WAVE_MS), (3 * pr) / 4));
        }
        int stEnd = BeatFiducials.ABSENT;
        if (BeatFiducials.present(f.tEnd()) && BeatFiducials.present(f.qrsOffset())) {
            int jt = f.tEnd() - f.qrsOffset();
            if (jt < 3) {
                throw new IllegalArgumentException("J point to T end of " + jt + " sample(s) is too short to split into"
                        + " ST segment and T wave: " + f);
            }
            stEnd = f.qrsOffset() + Math.max(1, Math.min(EcgFormat.msToSample(ST_SEGMENT_MS), jt / 3));
        }
        return new WaveSegments(f, pOffset, stEnd);
    }

    /** The wave each sample belongs to, {@link EcgFormat#SAMPLES} entries. */
    public Wave[] waveOfSample() {
        Wave[] out = new Wave[EcgFormat.SAMPLES];
        java.util.Arrays.fill(out, Wave.OTHER);
        BeatFiducials f = fiducials;
        if (BeatFiducials.present(pOffset)) {
            fill(out, f.pOnset(), pOffset, Wave.P);
            fill(out, pOffset, f.qrsOnset(), Wave.PR);
        }
        fill(out, f.qrsOnset(), f.qrsOffset() + 1, Wave.QRS);
        if (BeatFiducials.present(stEnd)) {
            fill(out, f.qrsOffset() + 1, stEnd + 1, Wave.ST);
            fill(out, stEnd + 1, f.tEnd() + 1, Wave.T);
        }
        return out;
    }

    /** The waves this beat has at least one sample of, in {@link Wave} order. */
    public List<Wave> present() {
        boolean[] seen = new boolean[Wave.values().length];
        for (Wave w : waveOfSample()) {
            seen[w.ordinal()] = true;
        }
        List<Wave> out = new ArrayList<>();
        for (Wave w : Wave.values()) {
            if (seen[w.ordinal()]) {
                out.add(w);
            }
        }
        return out;
    }

    private static void fill(Wave[] out, int from, int to, Wave w) {
        for (int t = from; t < to; t++) {
            out[t] = w;
        }
    }
}
