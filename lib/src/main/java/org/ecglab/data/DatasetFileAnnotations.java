package org.ecglab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.data.npy.NpzArchive;
import org.ecglab.data.npy.NpzWriter;

/**
 * The optional entries of a dataset file ({@link EcgDatasetFiles}, since format version 3): {@code true_labels},
 * {@code rr_ms}, {@code fiducials} and {@code fiducial_names}. They are small (a few bytes a record), so they are
 * collected while the records stream past and written after them.
 */
final class DatasetFileAnnotations {
    private static final int POINTS = EcgDatasetFiles.FIDUCIAL_NAMES.size();

    private final boolean[][] trueLabels;
    /** Null when the file does not carry fiducials. */
    private final int[] points;
    private final double[] rr;

    /**
     * @throws IllegalArgumentException if the true labels are not {@code n} rows of 9
     */
    DatasetFileAnnotations(String name, int n, EcgDatasetFiles.Annotations annotations) {
        this.trueLabels = annotations.trueLabels();
        if (trueLabels != null) {
            if (trueLabels.length != n) {
                throw new IllegalArgumentException(name + ": " + trueLabels.length + " true-label rows for " + n
                        + " records");
            }
            for (boolean[] row : trueLabels) {
                if (row == null || row.length != DiagnosticClass.ALL.size()) {
                    throw new IllegalArgumentException(name + ": expected " + DiagnosticClass.ALL.size()
                            + " true labels per record");
                }
            }
        }
        this.points = annotations.fiducials() ? new int[n * POINTS] : null;
        this.rr = annotations.fiducials() ? new double[n] : null;
    }

    /** Keeps record {@code i}'s fiducials (null: none known) if the file carries them. */
    void add(int i, BeatFiducials f) {
        if (points == null) {
            return;
        }
        BeatFiducials b = f == null ? BeatFiducials.NONE : f;
        int[] p = {b.pOnset(), b.qrsOnset(), b.qrsOffset(), b.tEnd()};
        System.arraycopy(p, 0, points, i * POINTS, POINTS);
        rr[i] = b.rrMs();
    }

    /** Writes the entries the file carries. */
    void writeTo(NpzWriter w) throws IOException {
        if (trueLabels != null) {
            int n = trueLabels.length;
            int k = DiagnosticClass.ALL.size();
            boolean[] flat = new boolean[n * k];
            for (int i = 0; i < n; i++) {
                System.arraycopy(trueLabels[i], 0, flat, i * k, k);
            }
            w.write("true_labels", NpyArray.ofBooleans(flat, n, k));
        }
        if (points != null) {
            w.write("rr_ms", NpyArray.ofDoubles(rr, rr.length));
            w.write("fiducials", NpyArray.ofInts(points, rr.length, POINTS));
            w.write("fiducial_names", DatasetFileWriter.text(String.join("\n", EcgDatasetFiles.FIDUCIAL_NAMES)));
        }
    }

    /**
     * {@code data} with the true labels and fiducials the archive holds. Either of {@code rr_ms} and
     * {@code fiducials} may come alone (e.g. written with NumPy): the other is then absent for every record.
     *
     * @throws IOException naming the file, the entry and, for a bad point or RR, the record
     */
    static EcgDataset read(NpzArchive a, EcgDataset data, Path npz) throws IOException {
        int n = data.size();
        EcgDataset out = data;
        if (a.contains("true_labels")) {
            out = out.withTrueLabels(EcgDatasetFiles.labelRows(a.read("true_labels"), "true_labels", n, npz));
        }
        if (!a.contains("rr_ms") && !a.contains("fiducials")) {
            return out;
        }
        double[] rr = new double[n];
        Arrays.fill(rr, Double.NaN);
        if (a.contains("rr_ms")) {
            NpyArray r = a.read("rr_ms");
            EcgDatasetFiles.checkShape(r, "rr_ms", npz, null, n);
            rr = r.toDoubles();
        }
        long[] flat = new long[n * POINTS];
        Arrays.fill(flat, BeatFiducials.ABSENT);
        if (a.contains("fiducials")) {
            NpyArray f = a.read("fiducials");
            EcgDatasetFiles.checkShape(f, "fiducials", npz, null, n, POINTS);
            EcgDatasetFiles.checkInteger(f.dtype(), "fiducials", npz);
            List<String> names = EcgDatasetFiles.lines(EcgDatasetFiles.require(a, "fiducial_names", npz));
            if (!names.equals(EcgDatasetFiles.FIDUCIAL_NAMES)) {
                throw new IOException(npz + ": fiducial_names " + names + " do not match "
                        + EcgDatasetFiles.FIDUCIAL_NAMES);
            }
            flat = f.toLongs();
        }
        BeatFiducials[] fiducials = new BeatFiducials[n];
        for (int i = 0; i < n; i++) {
            int[] p = new int[POINTS];
            for (int j = 0; j < POINTS; j++) {
                // Out-of-range values stay out of range, so the record's check names them.
                p[j] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, flat[i * POINTS + j]));
            }
            try {
                fiducials[i] = new BeatFiducials(p[0], p[1], p[2], p[3], rr[i]);
            } catch (IllegalArgumentException e) {
                throw new IOException(npz + ": entries 'fiducials'/'rr_ms' of record " + data.ids().get(i) + ": "
                        + e.getMessage(), e);
            }
        }
        return out.withBeatFiducials(fiducials);
    }
}
