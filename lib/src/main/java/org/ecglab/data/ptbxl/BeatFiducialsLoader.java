package org.ecglab.data.ptbxl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecglab.data.BeatFiducials;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;
import org.ecglab.data.wfdb.WfdbException;
import org.ecglab.data.wfdb.WfdbRecord;

/**
 * The fiducial points of one PTB-XL+ median beat: ECGdeli's points of the ECG ({@link EcgdeliPoints}) placed in the
 * beat by aligning it with PTB-XL's raw 500 Hz record of the same ECG ({@link FiducialAligner}). A missing points file
 * or raw record, or a refused alignment, gives {@link BeatFiducials#NONE} and is counted with its reason; a file that
 * exists but cannot be read is an error.
 */
final class BeatFiducialsLoader {
    private BeatFiducialsLoader() {
    }

    static BeatFiducials load(Path plusRoot, Path ptbxlRoot, PtbXlRecord r, float[][] median,
            FiducialSummary.Builder summary) throws IOException {
        Path atr = EcgdeliPoints.globalFile(plusRoot, r.ecgId());
        if (!Files.exists(atr)) {
            summary.absent("no ECGdeli points file", r.ecgId());
            return BeatFiducials.NONE;
        }
        Path raw = ptbxlRoot.resolve(r.filenameHr() + ".hea");
        if (!Files.exists(raw)) {
            summary.absent("no raw 500 Hz record in the PTB-XL folder (" + ptbxlRoot.getFileName() + "/records500)",
                    r.ecgId());
            return BeatFiducials.NONE;
        }
        List<EcgdeliPoints.RecordBeat> beats = EcgdeliPoints.read(atr);
        FiducialAligner.Alignment a = FiducialAligner.align(median, millivoltsByLead(raw), beats);
        if (!a.aligned()) {
            summary.absent(a.refusal(), r.ecgId());
            return BeatFiducials.NONE;
        }
        summary.placed();
        return a.fiducials();
    }

    /** The raw record in mV, leads placed by name in the lab's order; it must be at ECGdeli's 500 Hz. */
    private static double[][] millivoltsByLead(Path hea) throws IOException {
        WfdbRecord rec = WfdbRecord.read(hea);
        if (rec.header().samplingFrequency() != EcgdeliPoints.RECORD_RATE_HZ || rec.numSignals() != EcgFormat.LEADS) {
            throw new WfdbException(hea, "expected 12 leads at " + EcgdeliPoints.RECORD_RATE_HZ + " Hz (the record "
                    + "ECGdeli delineated), found " + rec.numSignals() + " at " + rec.header().samplingFrequency());
        }
        double[][] out = new double[EcgFormat.LEADS][];
        for (int s = 0; s < rec.numSignals(); s++) {
            try {
                out[Lead.parse(rec.signalNames().get(s)).index()] = rec.millivolts(s);
            } catch (IllegalArgumentException e) {
                throw new WfdbException(hea, "signal " + s + ": " + e.getMessage(), e);
            }
        }
        for (Lead l : Lead.STANDARD_ORDER) {
            if (out[l.index()] == null) {
                throw new WfdbException(hea, "lead " + l + " is missing (leads: " + rec.signalNames() + ")");
            }
        }
        return out;
    }
}
