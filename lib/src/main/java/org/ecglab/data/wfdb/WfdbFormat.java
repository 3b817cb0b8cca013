package org.ecglab.data.wfdb;

/**
 * The signal-file storage formats this package reads and writes. Samples of the signals sharing one file are
 * interleaved frame by frame (s0[0], s1[0], ..., s0[1], s1[1], ...); a format turns that stream of samples into
 * bytes and back.
 * <ul>
 * <li>16: each sample a 16-bit two's complement integer, little-endian (2 bytes).</li>
 * <li>32: each sample a 32-bit two's complement integer, little-endian (4 bytes).</li>
 * <li>212: each pair of 12-bit two's complement samples packed in 3 bytes: byte 0 = low 8 bits of the first
 * sample, low nibble of byte 1 = its high 4 bits, high nibble of byte 1 = the second sample's high 4 bits,
 * byte 2 = the second sample's low 8 bits. An odd last sample takes 2 bytes.</li>
 * </ul>
 */
public enum WfdbFormat {
    F16(16), F32(32), F212(212);

    private final int code;

    WfdbFormat(int code) {
        this.code = code;
    }

    /** The number written in headers. */
    public int code() {
        return code;
    }

    /**
     * The format with the given header code.
     *
     * @throws IllegalArgumentException for a format this package does not support
     */
    public static WfdbFormat of(int code) {
        for (WfdbFormat f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        throw new IllegalArgumentException("unsupported WFDB format " + code + " (supported: 16, 32, 212)");
    }

    /** Bytes taken by {@code count} consecutive samples. */
    public long bytesFor(long count) {
        return switch (this) {
            case F16 -> 2 * count;
            case F32 -> 4 * count;
            case F212 -> (count / 2) * 3 + (count % 2) * 2;
        };
    }

    /** Samples that {@code bytes} bytes hold completely. */
    public long samplesIn(long bytes) {
        return switch (this) {
            case F16 -> bytes / 2;
            case F32 -> bytes / 4;
            case F212 -> (bytes / 3) * 2 + (bytes % 3 == 2 ? 1 : 0);
        };
    }

    /** Smallest value a sample can hold; WFDB also uses it to mark a missing sample. */
    public int min() {
        return switch (this) {
            case F16 -> Short.MIN_VALUE;
            case F32 -> Integer.MIN_VALUE;
            case F212 -> -2048;
        };
    }

    /** Largest value a sample can hold. */
    public int max() {
        return switch (this) {
            case F16 -> Short.MAX_VALUE;
            case F32 -> Integer.MAX_VALUE;
            case F212 -> 2047;
        };
    }

    /**
     * Decodes {@code count} samples starting at byte {@code offset}; the caller has checked that enough bytes exist.
     */
    public int[] decode(byte[] b, int offset, int count) {
        int[] out = new int[count];
        switch (this) {
            case F16 -> {
                for (int i = 0, p = offset; i < count; i++, p += 2) {
                    out[i] = (short) ((b[p] & 0xFF) | (b[p + 1] << 8));
                }
            }
            case F32 -> {
                for (int i = 0, p = offset; i < count; i++, p += 4) {
                    out[i] = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
                }
            }
            case F212 -> {
                for (int i = 0, p = offset; i < count; i += 2, p += 3) {
                    int b1 = b[p + 1] & 0xFF;
                    out[i] = signExtend12((b[p] & 0xFF) | (b1 & 0x0F) << 8);
                    if (i + 1 < count) {
                        out[i + 1] = signExtend12((b[p + 2] & 0xFF) | (b1 & 0xF0) << 4);
                    }
                }
            }
            default -> throw new AssertionError(this);
        }
        return out;
    }

    /**
     * Encodes samples in this format.
     *
     * @throws IllegalArgumentException naming the first sample that does not fit
     */
    public byte[] encode(int[] samples) {
        for (int i = 0; i < samples.length; i++) {
            if (samples[i] < min() || samples[i] > max()) {
                throw new IllegalArgumentException("sample " + i + " = " + samples[i] + " does not fit format "
                        + code + " [" + min() + ", " + max() + "]");
            }
        }
        byte[] b = new byte[Math.toIntExact(bytesFor(samples.length))];
        switch (this) {
            case F16 -> {
                for (int i = 0, p = 0; i < samples.length; i++, p += 2) {
                    b[p] = (byte) samples[i];
                    b[p + 1] = (byte) (samples[i] >> 8);
                }
            }
            case F32 -> {
                for (int i = 0, p = 0; i < samples.length; i++, p += 4) {
                    for (int k = 0; k < 4; k++) {
                        b[p + k] = (byte) (samples[i] >> (8 * k));
                    }
                }
            }
            case F212 -> {
                for (int i = 0, p = 0; i < samples.length; i += 2, p += 3) {
                    int s0 = samples[i] & 0xFFF;
                    int s1 = i + 1 < samples.length ? samples[i + 1] & 0xFFF : 0;
                    b[p] = (byte) s0;
                    b[p + 1] = (byte) ((s0 >> 8) | ((s1 >> 8) << 4));
                    if (i + 1 < samples.length) {
                        b[p + 2] = (byte) s1;
                    }
                }
            }
            default -> throw new AssertionError(this);
        }
        return b;
    }

    private static int signExtend12(int v) {
        return (v << 20) >> 20;
    }
}
