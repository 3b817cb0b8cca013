package org.ecglab.data.ptbxl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ecglab.data.Lead;
import org.ecglab.data.wfdb.WfdbAnnotation;
import org.ecglab.data.wfdb.WfdbAnnotationFile;
import org.ecglab.data.wfdb.WfdbException;

/**
 * ECGdeli fiducial points as PTB-XL+ publishes them (Strodthoff et al. 2023; ECGdeli: Pilia et al., SoftwareX 13,
 * 100639, 2021): WFDB annotation files {@code fiducial_points/ecgdeli/NNNNN/EEEEE_points_global.atr} (over all leads)
 * and {@code EEEEE_points_lead_{lead}.atr} (per lead), {@code NNNNN} the ecg_id rounded down to a thousand. ECGdeli
 * delineates the <em>raw 10 s recording</em> (PTB-XL's 500 Hz {@code records500}), so the sample numbers are times in
 * that recording, not in a median beat; {@link FiducialAligner} places them in the beat.
 *
 * <p>Each point is an annotation whose auxiliary text names it: {@code "p-wave onset"}, {@code "QRS onset"},
 * {@code "R peak"}, {@code "QRS offset"}, {@code "t-wave offset"} (and peaks, onsets and offsets of the other waves,
 * which are not used). These texts are taken from public descriptions by people who read the released files; no
 * released file was available to us. Annotation type codes are ignored; a file whose texts name no QRS onset is
 * reported as such, listing the texts it has.
 */
public final class EcgdeliPoints {
    /** Auxiliary text of a P-wave onset. */
    public static final String P_ONSET = "p-wave onset";
    /** Auxiliary text of a QRS onset. */
    public static final String QRS_ONSET = "QRS onset";
    /** Auxiliary text of an R peak. */
    public static final String R_PEAK = "R peak";
    /** Auxiliary text of a QRS offset. */
    public static final String QRS_OFFSET = "QRS offset";
    /** Auxiliary text of a T-wave end. */
    public static final String T_OFFSET = "t-wave offset";
    /** Sampling rate of the recordings ECGdeli delineated (PTB-XL records500). */
    public static final double RECORD_RATE_HZ = 500;

    /** Marks a point ECGdeli did not give for a beat. */
    public static final long ABSENT = -1;

    /**
     * One beat of the raw recording: its points as sample numbers of the 500 Hz record, or {@link #ABSENT}. The QRS
     * onset is always present (beats are found by their QRS onsets).
     */
    public record RecordBeat(long pOnset, long qrsOnset, long rPeak, long qrsOffset, long tEnd) {
    }

    private EcgdeliPoints() {
    }

    /** The global (all-lead) points file of {@code ecgId} under the PTB-XL+ root. */
    public static Path globalFile(Path plusRoot, int ecgId) {
        return folder(plusRoot, ecgId).resolve(String.format(Locale.ROOT, "%05d_points_global.atr", ecgId));
    }

    /** The points file of one lead (e.g. {@code 00001_points_lead_aVR.atr}). */
    public static Path leadFile(Path plusRoot, int ecgId, Lead lead) {
        return folder(plusRoot, ecgId).resolve(String.format(Locale.ROOT, "%05d_points_lead_%s.atr", ecgId,
                lead.label()));
    }

    private static Path folder(Path plusRoot, int ecgId) {
        return plusRoot.resolve("fiducial_points").resolve("ecgdeli")
                .resolve(String.format(Locale.ROOT, "%05d", ecgId / 1000 * 1000));
    }

    /**
     * Reads a points file and groups its points into beats.
     *
     * @throws WfdbException naming the file if it is missing or malformed, declares a time resolution other than
     *                       500 Hz, or names no QRS onset (listing the auxiliary texts it has)
     */
    public static List<RecordBeat> read(Path atr) throws WfdbException {
        WfdbAnnotationFile f = WfdbAnnotationFile.read(atr);
        if (!Double.isNaN(f.samplingFrequency()) && f.samplingFrequency() != RECORD_RATE_HZ) {
            throw new WfdbException(atr, "declares a time resolution of " + f.samplingFrequency()
                    + " Hz; ECGdeli points of PTB-XL+ refer to the 500 Hz records");
        }
        List<RecordBeat> beats = beats(f);
        if (beats.isEmpty()) {
            Map<String, Long> seen = f.annotations().stream()
                    .collect(Collectors.groupingBy(WfdbAnnotation::aux, TreeMap::new, Collectors.counting()));
            throw new WfdbException(atr, "no \"" + QRS_ONSET + "\" annotation among " + f.annotations().size()
                    + " annotations; auxiliary texts (count): " + seen);
        }
        return beats;
    }

    /**
     * Groups points into beats around each QRS onset {@code q[k]}: the P onset is the last one after the previous
     * QRS onset and before {@code q[k]}; the QRS offset the first after {@code q[k]} and before the next QRS onset;
     * the R peak the first between {@code q[k]} and that offset; the T end the first after the offset (or
     * {@code q[k]}) and before the next QRS onset. Points outside these windows belong to no beat.
     */
    public static List<RecordBeat> beats(WfdbAnnotationFile f) {
        long[] qrsOn = samples(f, QRS_ONSET);
        long[] pOn = samples(f, P_ONSET);
        long[] rPeak = samples(f, R_PEAK);
        long[] qrsOff = samples(f, QRS_OFFSET);
        long[] tOff = samples(f, T_OFFSET);
        List<RecordBeat> out = new ArrayList<>();
        for (int k = 0; k < qrsOn.length; k++) {
            long q = qrsOn[k];
            long previous = k == 0 ? -1 : qrsOn[k - 1];
            long next = k + 1 < qrsOn.length ? qrsOn[k + 1] : Long.MAX_VALUE;
            long p = last(pOn, previous, q);
            long off = first(qrsOff, q, next);
            long r = first(rPeak, q, off == ABSENT ? next : off + 1);
            long t = first(tOff, off == ABSENT ? q : off, next);
            out.add(new RecordBeat(p, q, r, off, t));
        }
        return out;
    }

    private static long[] samples(WfdbAnnotationFile f, String aux) {
        return f.withAux(aux).stream().mapToLong(WfdbAnnotation::sample).sorted().toArray();
    }

    /** The last value strictly inside (from, to), or ABSENT. */
    private static long last(long[] sorted, long from, long to) {
        long found = ABSENT;
        for (long v : sorted) {
            if (v > from && v < to) {
                found = v;
            }
        }
        return found;
    }

    /** The first value strictly inside (from, to), or ABSENT. */
    private static long first(long[] sorted, long from, long to) {
        for (long v : sorted) {
            if (v > from && v < to) {
                return v;
            }
        }
        return ABSENT;
    }
}
