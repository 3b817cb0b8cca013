package org.ecglab.data.npy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional array as stored in a {@code .npy} file: a dtype, a shape and the elements in C order (last
 * index fastest) as little-endian bytes. Immutable; the {@code to...} accessors return fresh Java arrays.
 */
public final class NpyArray {
    private final NpyDType dtype;
    private final int[] shape;
    private final byte[] data;

    /**
     * @param data the elements' little-endian bytes in C order; kept, not copied
     * @throws IllegalArgumentException if the byte count does not match shape and dtype, or a dimension is negative
     */
    public NpyArray(NpyDType dtype, int[] shape, byte[] data) {
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.shape = shape.clone();
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
        }
        long bytes;
        try {
            bytes = byteCount(dtype, shape);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + dtype.descr()
                    + " has too many elements", e);
        }
        if (bytes != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + dtype.descr() + " needs "
                    + bytes + " bytes, got " + data.length);
        }
        this.data = data;
    }

    /**
     * Bytes of an array of {@code shape} (dimensions not negative).
     *
     * @throws ArithmeticException if the count overflows a long, which unchecked could wrap to a small number
     */
    static long byteCount(NpyDType dtype, int[] shape) {
        long n = dtype.size();
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** A float32 array; with no {@code shape} given it is 1-D (use the constructor for a 0-d array). */
    public static NpyArray ofFloats(float[] values, int... shape) {
        ByteBuffer b = buffer(values.length, 4);
        b.asFloatBuffer().put(values);
        return new NpyArray(NpyDType.FLOAT32, shapeOr(shape, values.length), b.array());
    }

    /** A float64 array. */
    public static NpyArray ofDoubles(double[] values, int... shape) {
        ByteBuffer b = buffer(values.length, 8);
        b.asDoubleBuffer().put(values);
        return new NpyArray(NpyDType.FLOAT64, shapeOr(shape, values.length), b.array());
    }

    /** An int64 array. */
    public static NpyArray ofLongs(long[] values, int... shape) {
        ByteBuffer b = buffer(values.length, 8);
        b.asLongBuffer().put(values);
        return new NpyArray(NpyDType.INT64, shapeOr(shape, values.length), b.array());
    }

    /** An int32 array. */
    public static NpyArray ofInts(int[] values, int... shape) {
        ByteBuffer b = buffer(values.length, 4);
        b.asIntBuffer().put(values);
        return new NpyArray(NpyDType.INT32, shapeOr(shape, values.length), b.array());
    }

    /** An int8 ({@link NpyDType#INT8}) or uint8 ({@link NpyDType#UINT8}) array of the given bytes. */
    public static NpyArray ofBytes(NpyDType type, byte[] values, int... shape) {
        if (type != NpyDType.INT8 && type != NpyDType.UINT8) {
            throw new IllegalArgumentException("ofBytes needs INT8 or UINT8, got " + type);
        }
        return new NpyArray(type, shapeOr(shape, values.length), values.clone());
    }

    /** A bool array. */
    public static NpyArray ofBooleans(boolean[] values, int... shape) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (values[i] ? 1 : 0);
        }
        return new NpyArray(NpyDType.BOOL, shapeOr(shape, values.length), b);
    }

    /** A float32 array of shape {@code [a.length][a[0].length][a[0][0].length]}, all rows equally long. */
    public static NpyArray ofFloats(float[][][] a) {
        int n = a.length;
        int h = n == 0 ? 0 : a[0].length;
        int w = h == 0 ? 0 : a[0][0].length;
        float[] flat = new float[Math.multiplyExact(Math.multiplyExact(n, h), w)];
        for (int i = 0; i < n; i++) {
            if (a[i].length != h) {
                throw new IllegalArgumentException("ragged array: row " + i + " has " + a[i].length + " rows, not " + h);
            }
            for (int j = 0; j < h; j++) {
                if (a[i][j].length != w) {
                    throw new IllegalArgumentException("ragged array at [" + i + "][" + j + "]: " + a[i][j].length
                            + " elements, not " + w);
                }
                System.arraycopy(a[i][j], 0, flat, (i * h + j) * w, w);
            }
        }
        return ofFloats(flat, n, h, w);
    }

    private static ByteBuffer buffer(int n, int size) {
        return ByteBuffer.allocate(Math.multiplyExact(n, size)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int[] shapeOr(int[] shape, int length) {
        return shape.length == 0 ? new int[] {length} : shape;
    }

    private ByteBuffer view() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Element type. */
    public NpyDType dtype() {
        return dtype;
    }

    /** Shape (a copy); empty for a 0-d array. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public int size() {
        return data.length / dtype.size();
    }

    /**
     * The arrays one after the other along the first axis (NumPy's {@code concatenate(parts, axis=0)}).
     *
     * @throws IllegalArgumentException if there is no array, or they differ in dtype or in a later axis
     */
    public static NpyArray concatenate(java.util.List<NpyArray> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        NpyArray first = parts.get(0);
        if (first.shape.length == 0) {
            throw new IllegalArgumentException("cannot concatenate 0-d arrays");
        }
        int rows = 0;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (NpyArray p : parts) {
            boolean sameTail = p.shape.length == first.shape.length && java.util.Arrays.equals(p.shape, 1,
                    p.shape.length, first.shape, 1, first.shape.length);
            if (p.dtype != first.dtype || !sameTail) {
                throw new IllegalArgumentException("cannot concatenate " + p + " to " + first
                        + ": dtype and every axis but the first must agree");
            }
            rows = Math.addExact(rows, p.shape[0]);
            bytes.writeBytes(p.data);
        }
        int[] shape = first.shape.clone();
        shape[0] = rows;
        return new NpyArray(first.dtype, shape, bytes.toByteArray());
    }

    /** The raw little-endian element bytes (a copy). */
    public byte[] rawBytes() {
        return data.clone();
    }

    byte[] rawBytesUnsafe() {
        return data;
    }

    /**
     * The elements as floats.
     *
     * @throws IllegalArgumentException unless the dtype is float32 (no silent narrowing of doubles)
     */
    public float[] toFloats() {
        requireType(NpyDType.FLOAT32);
        float[] out = new float[size()];
        view().asFloatBuffer().get(out);
        return out;
    }

    /** The elements as doubles, converting any dtype (bool as 0/1, uint8 as 0..255). */
    public double[] toDoubles() {
        double[] out = new double[size()];
        ByteBuffer b = view();
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (dtype) {
                case FLOAT32 -> b.getFloat(4 * i);
                case FLOAT64 -> b.getDouble(8 * i);
                case INT64 -> b.getLong(8 * i);
                case INT32 -> b.getInt(4 * i);
                case INT16 -> b.getShort(2 * i);
                case UINT64 -> unsigned(b.getLong(8 * i));
                case UINT32 -> Integer.toUnsignedLong(b.getInt(4 * i));
                case UINT16 -> Short.toUnsignedInt(b.getShort(2 * i));
                case INT8 -> data[i];
                case UINT8, BOOL -> data[i] & 0xFF;
            };
        }
        return out;
    }

    /**
     * The elements as longs.
     *
     * @throws IllegalArgumentException for float dtypes
     */
    public long[] toLongs() {
        if (dtype == NpyDType.FLOAT32 || dtype == NpyDType.FLOAT64) {
            throw new IllegalArgumentException("cannot read " + dtype.descr() + " as integers");
        }
        double[] d = toDoubles(); // exact for all integer dtypes except huge 64-bit ones, handled below
        long[] out = new long[d.length];
        ByteBuffer b = view();
        for (int i = 0; i < out.length; i++) {
            if (dtype == NpyDType.UINT64 && b.getLong(8 * i) < 0) {
                throw new IllegalArgumentException("uint64 value " + Long.toUnsignedString(b.getLong(8 * i))
                        + " exceeds the range of a long");
            }
            out[i] = dtype == NpyDType.INT64 || dtype == NpyDType.UINT64 ? b.getLong(8 * i) : (long) d[i];
        }
        return out;
    }

    /**
     * The elements as booleans (non-zero is true).
     *
     * @throws IllegalArgumentException for float dtypes
     */
    public boolean[] toBooleans() {
        long[] v = toLongs();
        boolean[] out = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] != 0;
        }
        return out;
    }

    /**
     * The elements of a 3-d float32 array as {@code float[d0][d1][d2]}.
     *
     * @throws IllegalArgumentException if the array is not 3-d float32
     */
    public float[][][] toFloats3d() {
        if (shape.length != 3) {
            throw new IllegalArgumentException("expected a 3-d array, got shape " + Arrays.toString(shape));
        }
        float[] flat = toFloats();
        float[][][] out = new float[shape[0]][shape[1]][shape[2]];
        for (int i = 0; i < shape[0]; i++) {
            for (int j = 0; j < shape[1]; j++) {
                System.arraycopy(flat, (i * shape[1] + j) * shape[2], out[i][j], 0, shape[2]);
            }
        }
        return out;
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
    }

    private void requireType(NpyDType t) {
        if (dtype != t) {
            throw new IllegalArgumentException("array is " + dtype.descr() + ", not " + t.descr());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && a.dtype == dtype && Arrays.equals(a.shape, shape)
                && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype.descr() + " " + Arrays.toString(shape) + "]";
    }
}
