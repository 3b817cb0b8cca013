package org.ecglab.data.npy;

/** The array element types supported, by their NumPy {@code descr} string (little-endian or byte-sized). */
public enum NpyDType {
    /** 32-bit float, {@code '<f4'}. */
    FLOAT32("<f4", 4),
    /** 64-bit float, {@code '<f8'}. */
    FLOAT64("<f8", 8),
    /** 64-bit signed integer, {@code '<i8'}. */
    INT64("<i8", 8),
    /** 32-bit signed integer, {@code '<i4'}. */
    INT32("<i4", 4),
    /** 16-bit signed integer, {@code '<i2'}. */
    INT16("<i2", 2),
    /** 64-bit unsigned integer, {@code '<u8'} (values above the long range are refused when read as longs). */
    UINT64("<u8", 8),
    /** 32-bit unsigned integer, {@code '<u4'}. */
    UINT32("<u4", 4),
    /** 16-bit unsigned integer, {@code '<u2'}. */
    UINT16("<u2", 2),
    /** 8-bit signed integer, {@code '|i1'}. */
    INT8("|i1", 1),
    /** 8-bit unsigned integer, {@code '|u1'}. */
    UINT8("|u1", 1),
    /** Boolean stored as one byte 0 or 1, {@code '|b1'}. */
    BOOL("|b1", 1);

    private final String descr;
    private final int size;

    NpyDType(String descr, int size) {
        this.descr = descr;
        this.size = size;
    }

    /** The {@code descr} string as NumPy writes it. */
    public String descr() {
        return descr;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    /** Whether this is an integer type (signed or unsigned; not bool). */
    public boolean isInteger() {
        return this != FLOAT32 && this != FLOAT64 && this != BOOL;
    }

    /**
     * The dtype of a {@code descr} string. One-byte types are accepted with any byte-order mark ({@code '|u1'},
     * {@code '<u1'}), wider ones only little-endian ({@code '<'}).
     *
     * @throws IllegalArgumentException for big-endian or unsupported types, listing the supported ones
     */
    public static NpyDType parse(String descr) {
        for (NpyDType t : values()) {
            if (t.descr.equals(descr) || (t.size == 1 && descr.length() == 3 && "<>=|".indexOf(descr.charAt(0)) >= 0
                    && descr.substring(1).equals(t.descr.substring(1)))) {
                return t;
            }
        }
        if (descr.startsWith(">")) {
            throw new IllegalArgumentException("big-endian dtype '" + descr + "' is not supported; save the array "
                    + "little-endian (e.g. arr.astype('<f4'))");
        }
        StringBuilder known = new StringBuilder();
        for (NpyDType t : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(t.descr);
        }
        throw new IllegalArgumentException("unsupported dtype '" + descr + "'; supported: " + known);
    }
}
