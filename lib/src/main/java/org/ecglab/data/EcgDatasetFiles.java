package org.ecglab.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.data.npy.NpyDType;
import org.ecglab.data.npy.Npz;

/**
 * Saves an {@link EcgDataset} as one {@code .npz} archive that NumPy opens with {@code np.load}, and loads it back
 * with every entry validated. Entries ({@code N} records):
 * <ul>
 * <li>{@code signals}: float32 {@code [N, 12, 600]}, mV, leads in {@link Lead} order</li>
 * <li>{@code labels}: bool {@code [N, 9]} over {@code class_names} (uint8 accepted on load)</li>
 * <li>{@code splits}: int8 {@code [N]}: 0 train, 1 validation, 2 test (any integer type accepted on load)</li>
 * <li>{@code ids}, {@code class_names}, {@code name}: UTF-8 text as uint8 bytes, lines separated by {@code \n}
 * (in Python: {@code bytes(z['ids']).decode().split('\n')})</li>
 * <li>{@code masks}: float32 {@code [N, 12, 600]}, only when the dataset has masks; records without a mask are
 * stored as zeros and marked false in {@code mask_present} (bool {@code [N]})</li>
 * <li>{@code true_labels}: bool {@code [N, 9]}, the labels before label noise, only when known (synthetic data)</li>
 * <li>{@code rr_ms}: float64 {@code [N]}, each beat's RR interval in ms, NaN where unknown; and {@code fiducials}:
 * int32 {@code [N, 4]}, sample indices of P onset, QRS onset, QRS offset and T end (named in
 * {@code fiducial_names}), −1 where absent ({@link BeatFiducials}); only when the dataset carries them</li>
 * <li>{@code format_version}: int32 {@code [1]}, currently 1 (on load any integer type, {@code [1]} or a
 * scalar)</li>
 * </ul>
 * The optional entries were added without a new format version: files without them load as before.
 */
public final class EcgDatasetFiles {
    /** Version written to {@code format_version}. */
    public static final int FORMAT_VERSION = 1;
    /** Names of the columns of {@code fiducials}, as written to {@code fiducial_names}. */
    public static final List<String> FIDUCIAL_NAMES = List.of("p_onset", "qrs_onset", "qrs_offset", "t_end");

    private EcgDatasetFiles() {
    }

    /** Writes {@code data} to {@code npz} (stored entries; written to a temporary file, then renamed). */
    public static void save(EcgDataset data, Path npz) throws IOException {
        int n = data.size();
        int k = DiagnosticClass.ALL.size();
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("format_version", NpyArray.ofInts(new int[] {FORMAT_VERSION}));
        m.put("name", text(data.name()));
        m.put("class_names", text(String.join("\n", DiagnosticClass.ALL.stream().map(DiagnosticClass::id).toList())));
        for (String id : data.ids()) {
            if (id.contains("\n")) {
                throw new IllegalArgumentException("record id '" + id + "' contains a newline and cannot be saved");
            }
        }
        m.put("ids", text(String.join("\n", data.ids())));
        m.put("signals", NpyArray.ofFloats(data.signals()));
        boolean[] labels = new boolean[n * k];
        byte[] splits = new byte[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data.labels(i), 0, labels, i * k, k);
            splits[i] = (byte) data.split(i).ordinal();
        }
        m.put("labels", NpyArray.ofBooleans(labels, n, k));
        m.put("splits", NpyArray.ofBytes(NpyDType.INT8, splits));
        if (data.hasMasks()) {
            float[][][] masks = new float[n][][];
            boolean[] present = new boolean[n];
            for (int i = 0; i < n; i++) {
                present[i] = data.mask(i) != null;
                masks[i] = present[i] ? data.mask(i) : new float[EcgFormat.LEADS][EcgFormat.SAMPLES];
            }
            m.put("masks", NpyArray.ofFloats(masks));
            m.put("mask_present", NpyArray.ofBooleans(present));
        }
        if (data.hasTrueLabels()) {
            boolean[] truth = new boolean[n * k];
            for (int i = 0; i < n; i++) {
                System.arraycopy(data.trueLabels(i), 0, truth, i * k, k);
            }
            m.put("true_labels", NpyArray.ofBooleans(truth, n, k));
        }
        if (data.hasBeatFiducials()) {
            double[] rr = new double[n];
            int[] points = new int[n * FIDUCIAL_NAMES.size()];
            for (int i = 0; i < n; i++) {
                BeatFiducials f = data.beatFiducials(i);
                rr[i] = f.rrMs();
                System.arraycopy(new int[] {f.pOnset(), f.qrsOnset(), f.qrsOffset(), f.tEnd()}, 0, points,
                        i * FIDUCIAL_NAMES.size(), FIDUCIAL_NAMES.size());
            }
            m.put("rr_ms", NpyArray.ofDoubles(rr));
            m.put("fiducials", NpyArray.ofInts(points, n, FIDUCIAL_NAMES.size()));
            m.put("fiducial_names", text(String.join("\n", FIDUCIAL_NAMES)));
        }
        Npz.write(npz, m, false);
    }

    /**
     * Loads a dataset saved by {@link #save}.
     *
     * @throws IOException naming the file and the entry that is missing, of the wrong type or shape, or invalid
     */
    public static EcgDataset load(Path npz) throws IOException {
        Map<String, NpyArray> m = Npz.read(npz);
        NpyArray versionArray = require(m, "format_version", npz);
        // [1] as written here; a scalar is what np.savez makes of a plain Python int.
        if (versionArray.shape().length > 1 || versionArray.size() != 1) {
            throw new IOException(npz + ": entry 'format_version' has shape " + Arrays.toString(versionArray.shape())
                    + ", expected [1] or a scalar");
        }
        checkInteger(versionArray, "format_version", npz);
        long version = versionArray.toLongs()[0];
        if (version != FORMAT_VERSION) {
            throw new IOException(npz + ": format_version " + version + " is not supported (expected "
                    + FORMAT_VERSION + ")");
        }
        List<String> classes = lines(require(m, "class_names", npz));
        List<String> expected = DiagnosticClass.ALL.stream().map(DiagnosticClass::id).toList();
        if (!classes.equals(expected)) {
            throw new IOException(npz + ": class_names " + classes + " do not match this library's " + expected);
        }
        String name = new String(require(m, "name", npz).rawBytes(), StandardCharsets.UTF_8);
        List<String> ids = lines(require(m, "ids", npz));
        int n = ids.size();
        NpyArray signals = require(m, "signals", npz);
        checkShape(signals, "signals", npz, NpyDType.FLOAT32, n, EcgFormat.LEADS, EcgFormat.SAMPLES);
        NpyArray labelArray = require(m, "labels", npz);
        int k = expected.size();
        checkShape(labelArray, "labels", npz, null, n, k);
        checkFlags(labelArray, "labels", npz);
        NpyArray splitArray = require(m, "splits", npz);
        checkShape(splitArray, "splits", npz, null, n);
        checkInteger(splitArray, "splits", npz);
        boolean[] flat = labelArray.toBooleans();
        long[] splitCodes = splitArray.toLongs();
        boolean[][] labels = new boolean[n][];
        Split[] splits = new Split[n];
        for (int i = 0; i < n; i++) {
            labels[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
            if (splitCodes[i] < 0 || splitCodes[i] >= Split.values().length) {
                throw new IOException(npz + ": entry 'splits' has code " + splitCodes[i] + " for record " + ids.get(i)
                        + "; expected 0 (train), 1 (validation) or 2 (test)");
            }
            splits[i] = Split.values()[(int) splitCodes[i]];
        }
        float[][][] masks = null;
        if (m.containsKey("masks")) {
            checkShape(m.get("masks"), "masks", npz, NpyDType.FLOAT32, n, EcgFormat.LEADS, EcgFormat.SAMPLES);
            masks = m.get("masks").toFloats3d();
            if (m.containsKey("mask_present")) {
                checkShape(m.get("mask_present"), "mask_present", npz, null, n);
                checkFlags(m.get("mask_present"), "mask_present", npz);
                boolean[] present = m.get("mask_present").toBooleans();
                for (int i = 0; i < n; i++) {
                    masks[i] = present[i] ? masks[i] : null;
                }
            }
        }
        try {
            EcgDataset data = new EcgDataset(name, ids, signals.toFloats3d(), labels, splits, masks);
            if (m.containsKey("true_labels")) {
                NpyArray t = m.get("true_labels");
                checkShape(t, "true_labels", npz, null, n, k);
                checkFlags(t, "true_labels", npz);
                boolean[] flatTruth = t.toBooleans();
                boolean[][] truth = new boolean[n][];
                for (int i = 0; i < n; i++) {
                    truth[i] = Arrays.copyOfRange(flatTruth, i * k, (i + 1) * k);
                }
                data = data.withTrueLabels(truth);
            }
            return m.containsKey("rr_ms") || m.containsKey("fiducials") ? withBeatFiducials(data, m, npz) : data;
        } catch (IllegalArgumentException e) {
            throw new IOException(npz + ": invalid dataset: " + e.getMessage(), e);
        }
    }

    private static EcgDataset withBeatFiducials(EcgDataset data, Map<String, NpyArray> m, Path npz)
            throws IOException {
        int n = data.size();
        int points = FIDUCIAL_NAMES.size();
        double[] rr = new double[n];
        Arrays.fill(rr, Double.NaN);
        if (m.containsKey("rr_ms")) {
            checkShape(m.get("rr_ms"), "rr_ms", npz, null, n);
            rr = m.get("rr_ms").toDoubles();
        }
        long[] flat = new long[n * points];
        Arrays.fill(flat, BeatFiducials.ABSENT);
        if (m.containsKey("fiducials")) {
            checkShape(m.get("fiducials"), "fiducials", npz, null, n, points);
            checkInteger(m.get("fiducials"), "fiducials", npz);
            List<String> names = lines(require(m, "fiducial_names", npz));
            if (!names.equals(FIDUCIAL_NAMES)) {
                throw new IOException(npz + ": fiducial_names " + names + " do not match " + FIDUCIAL_NAMES);
            }
            flat = m.get("fiducials").toLongs();
        }
        BeatFiducials[] fiducials = new BeatFiducials[n];
        for (int i = 0; i < n; i++) {
            int[] p = new int[points];
            for (int j = 0; j < points; j++) {
                p[j] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, flat[i * points + j]));
            }
            try {
                fiducials[i] = new BeatFiducials(p[0], p[1], p[2], p[3], rr[i]);
            } catch (IllegalArgumentException e) {
                throw new IOException(npz + ": entries 'fiducials'/'rr_ms' of record " + data.ids().get(i) + ": "
                        + e.getMessage(), e);
            }
        }
        return data.withBeatFiducials(fiducials);
    }

    private static NpyArray text(String s) {
        return NpyArray.ofBytes(NpyDType.UINT8, s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> lines(NpyArray a) {
        String s = new String(a.rawBytes(), StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n", -1));
    }

    private static NpyArray require(Map<String, NpyArray> m, String entry, Path npz) throws IOException {
        NpyArray a = m.get(entry);
        if (a == null) {
            throw new IOException(npz + ": missing entry '" + entry + "' (present: " + m.keySet() + ")");
        }
        return a;
    }

    private static void checkInteger(NpyArray a, String entry, Path npz) throws IOException {
        NpyDType t = a.dtype();
        if (t != NpyDType.INT8 && t != NpyDType.UINT8 && t != NpyDType.INT32 && t != NpyDType.INT64) {
            throw new IOException(npz + ": entry '" + entry + "' is " + t.descr() + ", expected an integer type");
        }
    }

    private static void checkFlags(NpyArray a, String entry, Path npz) throws IOException {
        if (a.dtype() != NpyDType.BOOL && a.dtype() != NpyDType.UINT8) {
            throw new IOException(npz + ": entry '" + entry + "' is " + a.dtype().descr() + ", expected |b1 or |u1");
        }
    }

    private static void checkShape(NpyArray a, String entry, Path npz, NpyDType type, int... shape)
            throws IOException {
        if (!Arrays.equals(a.shape(), shape)) {
            throw new IOException(npz + ": entry '" + entry + "' has shape " + Arrays.toString(a.shape())
                    + ", expected " + Arrays.toString(shape));
        }
        if (type != null && a.dtype() != type) {
            throw new IOException(npz + ": entry '" + entry + "' is " + a.dtype().descr() + ", expected "
                    + type.descr());
        }
    }
}
