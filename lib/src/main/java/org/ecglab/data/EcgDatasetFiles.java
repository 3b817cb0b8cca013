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
 * <li>{@code format_version}: int32 {@code [1]}, currently 2 (version 1, whose masks were always float32, is read
 * too; on load any integer type, {@code [1]} or a scalar)</li>
 * </ul>
 *
 * <p>Size: entries are stored uncompressed (ZIP64 beyond 4 GiB), written record by record and, on load,
 * memory-mapped, so a dataset of any size is saved and loaded without holding its signals in the Java heap
 * (a million ECGs: 28.8 GB of signals and 7.2 GB of masks on disk). Loading reads the file once to check every value
 * and the archive's checksums. Archives written by {@code numpy.savez_compressed} are read into memory instead.
 */
public final class EcgDatasetFiles {
    /** Version written to {@code format_version}. */
    public static final int FORMAT_VERSION = 2;

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
     * @param signal {@code [12][600]} in mV
     * @param mask   {@code [12][600]}, or null for a record without a mask
     */
    public record Record(float[][] signal, float[][] mask) {
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
        write(npz, data.name(), data.ids(), labels, splits, masksOf(data),
                i -> new Record(data.signal(i), data.mask(i)));
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
        DatasetFileWriter.write(npz, name, ids, labels, splits, masks, records);
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
            if (version != 1 && version != FORMAT_VERSION) {
                throw new IOException(npz + ": format_version " + version + " is not supported (expected 1 or "
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
            boolean[][] labels = labels(require(a, "labels", npz), n, npz);
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
            return checked(npz, name, ids, signals, labels, splits, masks);
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

    private static boolean[][] labels(NpyArray labelArray, int n, Path npz) throws IOException {
        int k = DiagnosticClass.ALL.size();
        checkShape(labelArray, "labels", npz, null, n, k);
        boolean[] flat = flags(labelArray, "labels", npz);
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

    private static List<String> lines(NpyArray a) {
        String s = new String(a.rawBytes(), StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n", -1));
    }

    private static NpyArray require(NpzArchive a, String entry, Path npz) throws IOException {
        if (!a.contains(entry)) {
            throw new IOException(npz + ": missing entry '" + entry + "' (present: " + a.names() + ")");
        }
        return a.read(entry);
    }

    private static void checkInteger(NpyDType t, String entry, Path npz) throws IOException {
        if (!t.isInteger()) {
            throw new IOException(npz + ": entry '" + entry + "' is " + t.descr() + ", expected an integer type");
        }
    }

    /** The values of a bool or uint8 entry, each of which must be 0 or 1. */
    private static boolean[] flags(NpyArray a, String entry, Path npz) throws IOException {
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
