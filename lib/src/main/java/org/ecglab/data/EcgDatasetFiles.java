package org.ecglab.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ecglab.data.npy.NpyArray;
import org.ecglab.data.npy.NpyDType;
import org.ecglab.data.npy.NpyRecords;
import org.ecglab.data.npy.NpzArchive;

/**
 * Saves an {@link EcgDataset} as one {@code .npz} archive that NumPy opens with {@code np.load}, and loads it back
 * with every entry validated. Entries ({@code N} records):
 * <ul>
 * <li>{@code signals}: float32 {@code [N, 12, 600]}, mV, leads in {@link Lead} order</li>
 * <li>{@code labels}: bool {@code [N, 9]} over {@code class_names} (uint8 accepted on load; values 0 or 1)</li>
 * <li>{@code splits}: int8 {@code [N]}: 0 train, 1 validation, 2 test (any integer type accepted on load)</li>
 * <li>{@code ids}, {@code class_names}, {@code name}: UTF-8 text as uint8 bytes, lines separated by {@code \n}
 * (in Python: {@code bytes(z['ids']).decode().split('\n')})</li>
 * <li>{@code masks}: {@code [N, 12, 600]}, only when the dataset has masks: bool when every mask holds only 0 and 1
 * (as synthetic masks do; a quarter of the size), else float32; records without a mask are stored as zeros and
 * marked false in {@code mask_present} (bool {@code [N]})</li>
 * <li>{@code true_labels}: bool {@code [N, 9]}, the labels before label noise, only when known (synthetic data)</li>
 * <li>{@code rr_ms}: float64 {@code [N]}, each beat's RR interval in ms, NaN where unknown; and {@code fiducials}:
 * int32 {@code [N, 4]}, sample indices of P onset, QRS onset, QRS offset and T end (named in {@code fiducial_names}),
 * −1 where absent ({@link BeatFiducials}); only when the dataset carries them</li>
 * <li>{@code format_version}: int32 {@code [1]}, currently 3 (on load any integer type, {@code [1]} or a scalar).
 * Version 2 had no {@code true_labels}, {@code rr_ms} or {@code fiducials}; version 1 also stored masks as float32
 * always. Both are read, with labels before noise and fiducials absent. A version-2 reader refuses a version-3 file
 * instead of silently dropping what it cannot read.</li>
 * </ul>
 *
 * <p>Size: entries are stored uncompressed (ZIP64 beyond 4 GiB), written record by record and, on load,
 * memory-mapped, so a dataset of any size is saved and loaded without holding its signals in the Java heap
 * (a million ECGs: 28.8 GB of signals and 7.2 GB of masks on disk). Loading reads the file once to check every value
 * and the archive's checksums. Archives written by {@code numpy.savez_compressed} are read into memory instead.
 */
public final class EcgDatasetFiles {
    /** Version written to {@code format_version}. */
    public static final int FORMAT_VERSION = 3;
    /** The first version with {@code true_labels}, {@code rr_ms} and {@code fiducials}. */
    static final int ANNOTATIONS_SINCE = 3;
    /** Names of the columns of {@code fiducials}, as written to {@code fiducial_names}. */
    public static final List<String> FIDUCIAL_NAMES = List.of("p_onset", "qrs_onset", "qrs_offset", "t_end");

    private EcgDatasetFiles() {
    }

    /** How masks are stored. */
    public enum Masks {
        /** No masks entry. */
        NONE(0),
        /** bool: every mask holds only 0 and 1. */
        BINARY(1),
        /** float32. */
        VALUES(4);

        private final int bytes;

        Masks(int bytes) {
            this.bytes = bytes;
        }

        int bytesPerValue() {
            return bytes;
        }
    }

    /**
     * One record to write.
     *
     * @param signal    {@code [12][600]} in mV
     * @param mask      {@code [12][600]}, or null for a record without a mask
     * @param fiducials its fiducial points and RR interval, stored when the file carries them
     *                  ({@link Annotations#fiducials}); null is {@link BeatFiducials#NONE}
     */
    public record Record(float[][] signal, float[][] mask, BeatFiducials fiducials) {
        /** A record without fiducials. */
        public Record(float[][] signal, float[][] mask) {
            this(signal, mask, null);
        }
    }

    /**
     * What a file carries besides signals, labels, splits and masks.
     *
     * @param trueLabels {@code [N][9]}, the labels before label noise, or null when unknown
     * @param fiducials  whether each record's {@link Record#fiducials} and RR interval are stored
     */
    public record Annotations(boolean[][] trueLabels, boolean fiducials) {
        /** Neither. */
        public static final Annotations NONE = new Annotations(null, false);
    }

    /** Produces the records of a dataset being written, each once, in order. */
    @FunctionalInterface
    public interface RecordSource {
        /** Record {@code i}. */
        Record get(int i);
    }

    /** Writes {@code data} to {@code npz} (stored entries, record by record; to a temporary file, then renamed). */
    public static void save(EcgDataset data, Path npz) throws IOException {
        int n = data.size();
        boolean[][] labels = new boolean[n][];
        Split[] splits = new Split[n];
        for (int i = 0; i < n; i++) {
            labels[i] = data.labels(i);
            splits[i] = data.split(i);
        }
        boolean[][] trueLabels = null;
        if (data.hasTrueLabels()) {
            trueLabels = new boolean[n][];
            for (int i = 0; i < n; i++) {
                trueLabels[i] = data.trueLabels(i);
            }
        }
        write(npz, data.name(), data.ids(), labels, splits, masksOf(data),
                new Annotations(trueLabels, data.hasBeatFiducials()),
                i -> new Record(data.signal(i), data.mask(i), data.beatFiducials(i)));
    }

    /**
     * Writes a dataset whose records are produced one at a time (e.g. generated), never all held in memory.
     *
     * @param masks   how masks are stored; {@link Masks#BINARY} fails on a mask value other than 0 or 1
     * @param records called once per record, in order
     * @throws IllegalArgumentException naming the record if a signal or mask is not {@code [12][600]} and finite, a
     *                                  binary mask holds another value, or an id contains a newline
     * @throws IOException              naming the file if it cannot be written (it is then unchanged)
     */
    public static void write(Path npz, String name, List<String> ids, boolean[][] labels, Split[] splits,
            Masks masks, RecordSource records) throws IOException {
        write(npz, name, ids, labels, splits, masks, Annotations.NONE, records);
    }

    /**
     * As {@link #write(Path, String, List, boolean[][], Split[], Masks, RecordSource)}, also storing the labels before
     * label noise and each record's fiducial points and RR interval when {@code annotations} asks for them.
     *
     * @throws IllegalArgumentException also if the true labels do not match the records
     */
    public static void write(Path npz, String name, List<String> ids, boolean[][] labels, Split[] splits,
            Masks masks, Annotations annotations, RecordSource records) throws IOException {
        DatasetFileWriter.write(npz, name, ids, labels, splits, masks, annotations, records);
    }

    /** Binary when every mask holds only 0 and 1. */
    private static Masks masksOf(EcgDataset data) {
        if (!data.hasMasks()) {
            return Masks.NONE;
        }
        for (int i = 0; i < data.size(); i++) {
            float[][] m = data.mask(i);
            if (m != null) {
                for (float[] lead : m) {
                    for (float v : lead) {
                        if (v != 0f && v != 1f) {
                            return Masks.VALUES;
                        }
                    }
                }
            }
        }
        return Masks.BINARY;
    }

    /**
     * Loads a dataset saved by {@link #save}: signals and masks memory-mapped (read into memory if the archive is
     * compressed), every record checked.
     *
     * @throws IOException naming the file and the entry that is missing, of the wrong type or shape, damaged, or
     *                     invalid
     */
    public static EcgDataset load(Path npz) throws IOException {
        try (NpzArchive a = NpzArchive.open(npz)) {
            NpyArray versionArray = require(a, "format_version", npz);
            // [1] as written here; a scalar is what np.savez makes of a plain Python int.
            if (versionArray.shape().length > 1 || versionArray.size() != 1) {
                throw new IOException(npz + ": entry 'format_version' has shape "
                        + Arrays.toString(versionArray.shape()) + ", expected [1] or a scalar");
            }
            checkInteger(versionArray.dtype(), "format_version", npz);
            long version = versionArray.toLongs()[0];
            if (version < 1 || version > FORMAT_VERSION) {
                throw new IOException(npz + ": format_version " + version + " is not supported (expected 1 to "
                        + FORMAT_VERSION + ")");
            }
            List<String> classes = lines(require(a, "class_names", npz));
            List<String> expected = DiagnosticClass.ALL.stream().map(DiagnosticClass::id).toList();
            if (!classes.equals(expected)) {
                throw new IOException(npz + ": class_names " + classes + " do not match this library's " + expected);
            }
            String name = new String(require(a, "name", npz).rawBytes(), StandardCharsets.UTF_8);
            List<String> ids = lines(require(a, "ids", npz));
            int n = ids.size();
            NpyRecords signals = records(a, "signals", npz, n, NpyDType.FLOAT32);
            boolean[][] labels = labelRows(require(a, "labels", npz), "labels", n, npz);
            Split[] splits = splits(require(a, "splits", npz), ids, npz);
            NpyRecords masks = null;
            if (a.contains("masks")) {
                masks = records(a, "masks", npz, n, null);
                if (a.contains("mask_present")) {
                    NpyArray present = require(a, "mask_present", npz);
                    checkShape(present, "mask_present", npz, null, n);
                    masks = masks.onlyWhere(flags(present, "mask_present", npz));
                }
            }
            EcgDataset data = checked(npz, name, ids, signals, labels, splits, masks);
            return version >= ANNOTATIONS_SINCE ? DatasetFileAnnotations.read(a, data, npz) : data;
        }
    }

    /**
     * The dataset after one pass over its records that checks every value (and, for mapped entries, the archive's
     * checksum): masks first, then signals, each read in file order.
     */
    private static EcgDataset checked(Path npz, String name, List<String> ids, NpyRecords signals,
            boolean[][] labels, Split[] splits, NpyRecords masks) throws IOException {
        try {
            if (masks != null) {
                masks.scan((i, m) -> {
                    if (m != null) {
                        EcgFormat.validate(m, name + " record " + ids.get(i) + " mask");
                    }
                });
            }
            signals.scan((i, s) -> EcgFormat.validate(s, name + " record " + ids.get(i)));
            return new EcgDataset(name, ids, signals, signals.isMapped() ? null : signals.toArrays(), labels, splits,
                    masks, false);
        } catch (IllegalArgumentException e) {
            throw new IOException(npz + ": invalid dataset: " + e.getMessage(), e);
        }
    }

    /**
     * A {@code [n][12][600]} entry as records: mapped when stored, else read into memory.
     *
     * @param type the required dtype, or null for a mask (float32, bool or uint8)
     */
    private static NpyRecords records(NpzArchive a, String entry, Path npz, int n, NpyDType type)
            throws IOException {
        if (!a.contains(entry)) {
            throw new IOException(npz + ": missing entry '" + entry + "' (present: " + a.names() + ")");
        }
        int[] shape = a.shape(entry);
        NpyDType dtype = a.dtype(entry);
        int[] want = {n, EcgFormat.LEADS, EcgFormat.SAMPLES};
        if (!Arrays.equals(shape, want)) {
            throw new IOException(npz + ": entry '" + entry + "' has shape " + Arrays.toString(shape) + ", expected "
                    + Arrays.toString(want));
        }
        boolean ok = type != null ? dtype == type
                : dtype == NpyDType.FLOAT32 || dtype == NpyDType.BOOL || dtype == NpyDType.UINT8;
        if (!ok) {
            throw new IOException(npz + ": entry '" + entry + "' is " + dtype.descr() + ", expected "
                    + (type != null ? type.descr() : "<f4, |b1 or |u1"));
        }
        if (a.isStored(entry)) {
            return a.map(entry);
        }
        NpyArray array = a.read(entry);
        if (dtype == NpyDType.FLOAT32) {
            return NpyRecords.of(array.toFloats3d());
        }
        boolean[] bits = flags(array, entry, npz);
        float[][][] out = new float[n][EcgFormat.LEADS][EcgFormat.SAMPLES];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < EcgFormat.LEADS; l++) {
                for (int t = 0; t < EcgFormat.SAMPLES; t++) {
                    out[i][l][t] = bits[(i * EcgFormat.LEADS + l) * EcgFormat.SAMPLES + t] ? 1f : 0f;
                }
            }
        }
        return NpyRecords.of(out);
    }

    /** The rows of a bool or uint8 {@code [n, 9]} entry of multi-hot labels. */
    static boolean[][] labelRows(NpyArray labelArray, String entry, int n, Path npz) throws IOException {
        int k = DiagnosticClass.ALL.size();
        checkShape(labelArray, entry, npz, null, n, k);
        boolean[] flat = flags(labelArray, entry, npz);
        boolean[][] labels = new boolean[n][];
        for (int i = 0; i < n; i++) {
            labels[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        }
        return labels;
    }

    private static Split[] splits(NpyArray splitArray, List<String> ids, Path npz) throws IOException {
        int n = ids.size();
        checkShape(splitArray, "splits", npz, null, n);
        checkInteger(splitArray.dtype(), "splits", npz);
        long[] codes;
        try {
            codes = splitArray.toLongs();
        } catch (IllegalArgumentException e) {
            throw new IOException(npz + ": entry 'splits': " + e.getMessage(), e);
        }
        Split[] splits = new Split[n];
        for (int i = 0; i < n; i++) {
            if (codes[i] < 0 || codes[i] >= Split.values().length) {
                throw new IOException(npz + ": entry 'splits' has code " + codes[i] + " for record " + ids.get(i)
                        + "; expected 0 (train), 1 (validation) or 2 (test)");
            }
            splits[i] = Split.values()[(int) codes[i]];
        }
        return splits;
    }

    static List<String> lines(NpyArray a) {
        String s = new String(a.rawBytes(), StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n", -1));
    }

    static NpyArray require(NpzArchive a, String entry, Path npz) throws IOException {
        if (!a.contains(entry)) {
            throw new IOException(npz + ": missing entry '" + entry + "' (present: " + a.names() + ")");
        }
        return a.read(entry);
    }

    static void checkInteger(NpyDType t, String entry, Path npz) throws IOException {
        if (!t.isInteger()) {
            throw new IOException(npz + ": entry '" + entry + "' is " + t.descr() + ", expected an integer type");
        }
    }

    /** The values of a bool or uint8 entry, each of which must be 0 or 1. */
    static boolean[] flags(NpyArray a, String entry, Path npz) throws IOException {
        if (a.dtype() != NpyDType.BOOL && a.dtype() != NpyDType.UINT8) {
            throw new IOException(npz + ": entry '" + entry + "' is " + a.dtype().descr() + ", expected |b1 or |u1");
        }
        byte[] raw = a.rawBytes();
        boolean[] out = new boolean[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != 0 && raw[i] != 1) {
                throw new IOException(npz + ": entry '" + entry + "' holds " + (raw[i] & 0xFF) + " at flat index " + i
                        + "; expected 0 (false) or 1 (true)");
            }
            out[i] = raw[i] == 1;
        }
        return out;
    }

    static void checkShape(NpyArray a, String entry, Path npz, NpyDType type, int... shape)
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
