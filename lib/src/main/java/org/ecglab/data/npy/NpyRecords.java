package org.ecglab.data.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.zip.CRC32;

/**
 * A three-dimensional array {@code [n][rows][columns]} read one record ({@code [rows][columns]} floats) at a time:
 * held as Java arrays, or memory-mapped from a file (float32, or bool/uint8 read as 0 and 1) so that datasets larger
 * than the Java heap, or than the machine's memory, are read without one Java array of everything. Immutable;
 * {@link #get} of a mapped array returns a fresh array, of an in-memory one the stored array, which callers must not
 * modify.
 */
public abstract class NpyRecords {
    private NpyRecords() {
    }

    /** Number of records. */
    public abstract int size();

    /**
     * Record {@code i} as {@code float[rows][columns]}, or null for a record an in-memory array holds as null.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, size())}
     */
    public abstract float[][] get(int i);

    /** Whether records are read from a mapped file (so each {@link #get} decodes a fresh copy). */
    public abstract boolean isMapped();

    /** The records as Java arrays (those of an in-memory array; decoded copies of a mapped one). */
    public float[][][] toArrays() {
        float[][][] out = new float[size()][][];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** Records {@code indices}, in that order, as a view (nothing is copied). */
    public NpyRecords select(int[] indices) {
        int[] idx = indices.clone();
        for (int i : idx) {
            Objects.checkIndex(i, size());
        }
        return new View(idx.length, i -> get(idx[i]), isMapped());
    }

    /** Records computed from another array's, e.g. a selection of them. */
    private static class View extends NpyRecords {
        private final int size;
        private final IntFunction<float[][]> records;
        private final boolean mapped;

        View(int size, IntFunction<float[][]> records, boolean mapped) {
            this.size = size;
            this.records = records;
            this.mapped = mapped;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public float[][] get(int i) {
            Objects.checkIndex(i, size);
            return records.apply(i);
        }

        @Override
        public boolean isMapped() {
            return mapped;
        }
    }

    /** Receives the records of a {@link #scan}, in order. */
    @FunctionalInterface
    public interface Visitor {
        /** Record {@code i} (a fresh copy for a mapped array). */
        void visit(int i, float[][] record) throws IOException;
    }

    /**
     * Reads every record once, in order, and hands it to {@code visitor}. For a mapped array this is one sequential
     * pass over the file that also verifies the CRC-32 of the archive entry it was mapped from (its header and every
     * element), so validating the values and checking the checksum cost one read of the file.
     *
     * @throws IOException naming the entry if the checksum differs (the file is damaged), or as the visitor throws
     */
    public void scan(Visitor visitor) throws IOException {
        for (int i = 0; i < size(); i++) {
            visitor.visit(i, get(i));
        }
    }

    /** A view in which record {@code i} is null where {@code present[i]} is false. */
    public NpyRecords onlyWhere(boolean[] present) {
        if (present.length != size()) {
            throw new IllegalArgumentException(present.length + " flags for " + size() + " records");
        }
        boolean[] p = present.clone();
        NpyRecords base = this;
        return new View(p.length, i -> p[i] ? base.get(i) : null, isMapped()) {
            @Override
            public void scan(Visitor visitor) throws IOException {
                base.scan((i, r) -> visitor.visit(i, p[i] ? r : null));
            }
        };
    }

    /** Records held as Java arrays (not copied). */
    public static NpyRecords of(float[][][] records) {
        Objects.requireNonNull(records, "records");
        return new View(records.length, i -> records[i], false);
    }

    /**
     * Maps the elements of an array stored at {@code start} in {@code channel}; the channel may be closed afterwards.
     *
     * @param source    names the array in messages
     * @param crc       the CRC-32 of the archive entry (header and data) checked by {@link #scan}
     * @param entry     where the entry (its {@code .npy} header) starts
     * @param headerLen bytes of that header
     * @throws IOException naming the source if the dtype is not float32, bool or uint8, or the file is too short
     */
    static NpyRecords mapped(FileChannel channel, long start, NpyDType dtype, int[] shape, String source, int crc,
            long entry, long headerLen) throws IOException {
        if (dtype != NpyDType.FLOAT32 && dtype != NpyDType.BOOL && dtype != NpyDType.UINT8) {
            throw new IOException(source + " is " + dtype.descr() + "; expected <f4, |b1 or |u1");
        }
        long bytes = NpyArray.byteCount(dtype, shape);
        if (start + bytes > channel.size()) {
            throw new IOException(source + ": truncated: shape " + Arrays.toString(shape) + " needs " + bytes
                    + " bytes, the file ends " + (channel.size() - start) + " bytes after its start");
        }
        return new Mapped(channel, start, dtype, shape, source, crc, entry, headerLen);
    }

    /** A mapped array: segments of whole records, each under 2 GiB (a Java buffer's limit). */
    private static final class Mapped extends NpyRecords {
        private final MappedByteBuffer[] segments;
        private final MappedByteBuffer header;
        private final NpyDType dtype;
        private final int n;
        private final int rows;
        private final int columns;
        private final int recordBytes;
        private final int perSegment;
        private final String source;
        private final int crc;

        Mapped(FileChannel ch, long start, NpyDType dtype, int[] shape, String source, int crc, long entry,
                long headerLen) throws IOException {
            this.dtype = dtype;
            this.n = shape[0];
            this.rows = shape[1];
            this.columns = shape[2];
            this.recordBytes = Math.multiplyExact(Math.multiplyExact(rows, columns), dtype.size());
            this.perSegment = recordBytes == 0 ? Integer.MAX_VALUE : Integer.MAX_VALUE / recordBytes;
            this.source = source;
            this.crc = crc;
            int count = n == 0 ? 0 : (int) ((n - 1L) / perSegment + 1);
            segments = new MappedByteBuffer[count];
            for (int s = 0; s < count; s++) {
                long first = (long) s * perSegment;
                long records = Math.min(perSegment, n - first);
                segments[s] = ch.map(FileChannel.MapMode.READ_ONLY, start + first * recordBytes,
                        records * recordBytes);
            }
            header = ch.map(FileChannel.MapMode.READ_ONLY, entry, headerLen);
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public boolean isMapped() {
            return true;
        }

        @Override
        public float[][] get(int i) {
            Objects.checkIndex(i, n);
            ByteBuffer b = segments[i / perSegment].duplicate().order(ByteOrder.LITTLE_ENDIAN);
            b.position((i % perSegment) * recordBytes);
            float[][] out = new float[rows][columns];
            if (dtype == NpyDType.FLOAT32) {
                FloatBuffer f = b.asFloatBuffer();
                for (float[] row : out) {
                    f.get(row);
                }
            } else {
                for (float[] row : out) {
                    for (int c = 0; c < columns; c++) {
                        int v = b.get() & 0xFF;
                        if (v > 1) {
                            throw new IllegalArgumentException(source + ": record " + i + " holds the value " + v
                                    + "; a flag array holds 0 or 1");
                        }
                        row[c] = v;
                    }
                }
            }
            return out;
        }

        @Override
        public void scan(Visitor visitor) throws IOException {
            CRC32 c = new CRC32();
            c.update(header.duplicate());
            for (int i = 0; i < n; i++) {
                ByteBuffer b = segments[i / perSegment].duplicate();
                b.position((i % perSegment) * recordBytes).limit((i % perSegment) * recordBytes + recordBytes);
                c.update(b);
                visitor.visit(i, get(i));
            }
            if ((int) c.getValue() != crc) {
                throw new IOException(source + ": CRC-32 mismatch (the file is damaged)");
            }
        }

        @Override
        public String toString() {
            return "NpyRecords[" + source + ", " + n + "x" + rows + "x" + columns + " " + dtype.descr() + ", mapped]";
        }
    }
}
