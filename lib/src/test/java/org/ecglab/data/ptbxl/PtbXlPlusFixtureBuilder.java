package org.ecglab.data.ptbxl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgFormat;
import org.ecglab.data.Lead;
import org.ecglab.data.synthetic.PatientParameters;
import org.ecglab.data.synthetic.SyntheticBeat;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.ecglab.data.wfdb.MitAnnotationWriter;
import org.ecglab.data.wfdb.WfdbAnnotation;
import org.ecglab.data.wfdb.WfdbFormat;
import org.ecglab.data.wfdb.WfdbSignalSpec;
import org.ecglab.data.wfdb.WfdbWriter;

/**
 * Writes the PTB-XL+ fixture of {@code data/fixtures/ptbxl-plus/}: synthetic noise-free beats of our generator (not
 * real data) in the layout, header forms and file sizes the PTB-XL+ 1.0.1 release is described to have, with ECGdeli
 * points and PTB-XL's raw 500 Hz record built from the beats' designed intervals, so that every number a loader
 * should produce is known. Regenerate with (from lib/, after {@code mvn -o test-compile dependency:copy-dependencies}):
 * {@code java -cp "target/classes:target/test-classes:target/dependency/*"
 * org.ecglab.data.ptbxl.PtbXlPlusFixtureBuilder ../data/fixtures/ptbxl-plus}.
 */
public final class PtbXlPlusFixtureBuilder {
    /** Samples the 12SL fixture beats are moved right of the generator's frame (the aligner must find it). */
    static final int SHIFT_12SL = 12;
    /** Samples the Uni-G fixture beats are moved (left). */
    static final int SHIFT_UNIG = -9;
    /** QRS onset of the first beat in the raw record (samples). */
    static final int FIRST_QRS = 150;
    static final int RAW_SAMPLES = 5000;

    /** One ECG of the fixture and which of its files exist. */
    record Ecg(int id, DiagnosticClass diagnosticClass, long seed, String scpCodes, int fold, boolean twelveSl,
            boolean unig, boolean points, boolean raw) {
    }

    static final List<Ecg> ECGS = List.of(
            new Ecg(1, DiagnosticClass.NORM, 1, "{'NORM': 100.0, 'SR': 0.0}", 3, true, true, true, true),
            new Ecg(2, DiagnosticClass.LBBB, 2, "{'CLBBB': 100.0, 'SR': 0.0}", 9, false, true, true, false),
            new Ecg(3, DiagnosticClass.RBBB, 3, "{'CRBBB': 100.0, 'SR': 0.0}", 10, true, false, false, false));

    private PtbXlPlusFixtureBuilder() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]));
    }

    /** Writes {@code root/ptb-xl/} and {@code root/ptb-xl-plus/} and {@code root/expected_fiducials.csv}. */
    static void write(Path root) throws IOException {
        Path ptbxl = root.resolve("ptb-xl");
        Path plus = root.resolve("ptb-xl-plus");
        List<String> rows = new ArrayList<>();
        List<String> expected = new ArrayList<>(List.of("source,ecg_id,p_onset,qrs_onset,qrs_offset,t_end,rr_ms"));
        SyntheticEcgGenerator generator = new SyntheticEcgGenerator(SyntheticConfig.noiseFree());
        for (Ecg e : ECGS) {
            rows.add(PtbXlTestFiles.row(e.id(), e.scpCodes(), e.fold()));
            SyntheticBeat beat = generator.beat(e.diagnosticClass(), e.seed());
            Designed d = Designed.of(beat.patient());
            if (e.twelveSl()) {
                writeMedian(PtbXlPlusMedianBeats.Source.TWELVE_SL.headerOf(plus, e.id()), "ge_median_beats_wfdb/",
                        WfdbFormat.F32, shifted(beat.signal(), SHIFT_12SL), 1.0);
                expected.add(d.csv("12sl", e.id(), SHIFT_12SL, e.points() && e.raw()));
            }
            if (e.unig()) {
                writeMedian(PtbXlPlusMedianBeats.Source.UNIG.headerOf(plus, e.id()), "", WfdbFormat.F212,
                        shifted(beat.signal(), SHIFT_UNIG), 1000.0);
                expected.add(d.csv("unig", e.id(), SHIFT_UNIG, e.points() && e.raw()));
            }
            if (e.points()) {
                Path atr = EcgdeliPoints.globalFile(plus, e.id());
                Files.createDirectories(atr.getParent());
                Files.write(atr, MitAnnotationWriter.encode(d.annotations(), 500));
            }
            if (e.raw()) {
                Path dir = ptbxl.resolve(String.format(Locale.ROOT, "records500/%05d", e.id() / 1000 * 1000));
                Files.createDirectories(dir);
                WfdbWriter.write(dir, String.format(Locale.ROOT, "%05d_hr", e.id()), WfdbFormat.F16, 500, 1000, "mV",
                        Lead.STANDARD_ORDER.stream().map(Lead::name).toList(), d.rawDigital(beat.signal()), List.of());
            }
        }
        PtbXlTestFiles.writeCsv(ptbxl, rows);
        Files.write(root.resolve("expected_fiducials.csv"), expected, StandardCharsets.UTF_8);
    }

    /** The beat moved by {@code shift} samples, the edge value held where it moved in from outside. */
    static float[][] shifted(float[][] x, int shift) {
        float[][] y = new float[x.length][x[0].length];
        for (int l = 0; l < x.length; l++) {
            for (int t = 0; t < y[l].length; t++) {
                y[l][t] = x[l][Math.max(0, Math.min(x[l].length - 1, t - shift))];
            }
        }
        return y;
    }

    /**
     * A median-beat record as the release is described: per-lead ADC gain and baseline chosen the way wfdb-python's
     * {@code wrsamp} chooses them (the lowest digital value reserved for NaN; gain written with 4 decimals, as in
     * {@code 5.9756(-1557)/mV}), units "mV", lead names I ... V6, and for 12SL the {@code ge_median_beats_wfdb/}
     * prefix on the record line and on every signal line. {@code valueScale} turns the beat's mV into stored values
     * (1000 for Uni-G, whose values are µV although the header says mV).
     */
    static void writeMedian(Path hea, String prefix, WfdbFormat format, float[][] mv, double valueScale)
            throws IOException {
        Files.createDirectories(hea.getParent());
        String name = hea.getFileName().toString().replace(".hea", "");
        int n = mv[0].length;
        int[] stream = new int[mv.length * n];
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%s%s %d 500 %d%n", prefix, name, mv.length, n));
        for (int l = 0; l < mv.length; l++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (float v : mv[l]) {
                lo = Math.min(lo, v * valueScale);
                hi = Math.max(hi, v * valueScale);
            }
            long dmin = (long) format.min() + 1;
            long dmax = format.max();
            double gain = (dmax - dmin) / (hi - lo);
            long baseline = (long) (lo > 0 ? Math.ceil(dmin - gain * lo) : Math.floor(dmin - gain * lo));
            if (dmin != baseline) {
                gain = (dmin - baseline) / lo;
            }
            gain = Math.round(gain * 1e4) / 1e4;
            int[] d = new int[n];
            for (int t = 0; t < n; t++) {
                long v = Math.round(mv[l][t] * valueScale * gain + baseline);
                d[t] = (int) Math.max(dmin, Math.min(dmax, v));
                stream[t * mv.length + l] = d[t];
            }
            h.append(String.format(Locale.ROOT, "%s%s.dat %d %.4f(%d)/mV %d 0 %d %d 0 %s%n", prefix, name,
                    format.code(), gain, baseline, format == WfdbFormat.F212 ? 12 : 32, d[0],
                    WfdbSignalSpec.checksumOf(d), Lead.STANDARD_ORDER.get(l).label()));
        }
        Files.write(hea.resolveSibling(name + ".dat"), format.encode(stream));
        Files.writeString(hea, h.toString(), StandardCharsets.US_ASCII);
    }

    /** The generator's designed points of a beat (samples in its 600-sample frame) and RR (samples at 500 Hz). */
    record Designed(int pOnset, int pOffset, int qrsOnset, int qrsOffset, int tEnd, int rr) {
        static Designed of(PatientParameters p) {
            return new Designed(EcgFormat.msToSample(p.qrsOnsetMs() - p.prMs()),
                    EcgFormat.msToSample(p.qrsOnsetMs() - p.prMs() + p.pDurationMs()),
                    EcgFormat.msToSample(p.qrsOnsetMs()), EcgFormat.msToSample(p.qrsOnsetMs() + p.qrsMs()),
                    EcgFormat.msToSample(p.qrsOnsetMs() + p.qtMs()), EcgFormat.msToSample(p.rrMs()));
        }

        /** QRS onsets of the beats that lie wholly (P onset to T end) inside the raw record. */
        List<Integer> onsets() {
            List<Integer> q = new ArrayList<>();
            for (int k = FIRST_QRS; k + (tEnd - qrsOnset) < RAW_SAMPLES; k += rr) {
                q.add(k);
            }
            return q;
        }

        /** The raw 10 s record: the beat repeated at its RR with its QRS onsets at {@link #onsets()}, in µV. */
        int[][] rawDigital(float[][] beat) {
            double[][] raw = new double[beat.length][RAW_SAMPLES];
            for (int q : onsets()) {
                for (int l = 0; l < beat.length; l++) {
                    for (int u = 0; u < beat[l].length; u++) {
                        int t = q - qrsOnset + u;
                        if (t >= 0 && t < RAW_SAMPLES) {
                            raw[l][t] += beat[l][u];
                        }
                    }
                }
            }
            int[][] d = new int[beat.length][RAW_SAMPLES];
            for (int l = 0; l < d.length; l++) {
                for (int t = 0; t < RAW_SAMPLES; t++) {
                    d[l][t] = (int) Math.round(raw[l][t] * 1000);
                }
            }
            return d;
        }

        /** ECGdeli-style global points of every beat: onsets '(' , peaks p/N/t, offsets ')', named in AUX. */
        List<WfdbAnnotation> annotations() {
            List<WfdbAnnotation> a = new ArrayList<>();
            for (int q : onsets()) {
                int p = q - (qrsOnset - pOnset);
                int pEnd = q - (qrsOnset - pOffset);
                int off = q + (qrsOffset - qrsOnset);
                int end = q + (tEnd - qrsOnset);
                add(a, p, 39, "p-wave onset");
                add(a, (p + pEnd) / 2, 24, "p-wave peak");
                add(a, pEnd, 40, "p-wave offset");
                add(a, q, 39, "QRS onset");
                add(a, (q + off) / 2, 1, "R peak");
                add(a, off, 40, "QRS offset");
                add(a, off + (end - off) / 3, 39, "t-wave onset");
                add(a, end - (end - off) / 4, 27, "t-wave peak");
                add(a, end, 40, "t-wave offset");
            }
            return a;
        }

        private static void add(List<WfdbAnnotation> a, int sample, int type, String aux) {
            a.add(new WfdbAnnotation(sample, type, 0, 0, 0, aux));
        }

        /** The fiducials a loader must place in a beat moved by {@code shift}, as a CSV row. */
        String csv(String source, int id, int shift, boolean placed) {
            if (!placed) {
                return String.format(Locale.ROOT, "%s,%d,-1,-1,-1,-1,NaN", source, id);
            }
            return String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%.1f", source, id, pOnset + shift, qrsOnset + shift,
                    qrsOffset + shift, tEnd + shift, rr * EcgFormat.MS_PER_SAMPLE);
        }
    }
}
