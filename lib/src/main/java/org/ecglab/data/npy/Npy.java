package org.ecglab.data.npy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecglab.data.io.AtomicFiles;

/**
 * Reads and writes single arrays in NumPy's {@code .npy} format: the magic {@code \x93NUMPY}, a version
 * (1.0: 2-byte header length; 2.0 and 3.0: 4-byte), then a Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }} padded with spaces and a final newline so
 * that the data start on a 64-byte boundary, then the raw elements. Writing reproduces NumPy 1.24's header byte
 * for byte, including the spaces it reserves after the dict so the first axis can grow in place.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    /** NumPy reserves room for 21 digits in the growing axis (numpy/lib/format.py, GROWTH_AXIS_MAX_DIGITS). */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** Longest header read; NumPy writes a few hundred bytes, so more means a damaged or hostile file. */
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @throws IOException naming the file if it is missing, truncated, or not a supported C-order array
     */
    public static NpyArray read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": file does not exist", e);
        }
    }

    /**
     * Reads one array from a stream positioned at its magic string.
     *
     * @param source named in error messages (a file, or "archive.npz entry x.npy")
     */
    public static NpyArray read(InputStream stream, String source) throws IOException {
        Header h = readHeader(stream, source);
        if (h.dataBytes() > Integer.MAX_VALUE - 8) {
            throw new IOException(source + ": array of " + h.dataBytes() + " bytes is too large for one Java array");
        }
        byte[] data = stream.readNBytes((int) h.dataBytes());
        if (data.length < h.dataBytes()) {
            throw new IOException(source + ": truncated data: shape " + Arrays.toString(h.shape()) + " of "
                    + h.dtype().descr() + " needs " + h.dataBytes() + " bytes, found " + data.length);
        }
        return new NpyArray(h.dtype(), h.shape(), data);
    }

    /**
     * The header of a {@code .npy} file.
     *
     * @param dtype     element type
     * @param shape     dimensions
     * @param length    bytes from the magic string to the first element
     * @param dataBytes bytes of the elements
     */
    record Header(NpyDType dtype, int[] shape, long length, long dataBytes) {
    }

    /** Reads a header from a stream positioned at the magic string, leaving it at the first element. */
    static Header readHeader(InputStream stream, String source) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        try {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException(source + ": not a .npy file (magic string \\x93NUMPY missing)");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte(); // minor version: no format differences
            long headerLen;
            if (major == 1) {
                headerLen = in.readUnsignedByte() | in.readUnsignedByte() << 8;
            } else if (major == 2 || major == 3) {
                headerLen = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
            } else {
                throw new IOException(source + ": unsupported .npy version " + major);
            }
            if (headerLen > MAX_HEADER_BYTES) {
                throw new IOException(source + ": .npy header length " + headerLen + " exceeds the "
                        + MAX_HEADER_BYTES + " bytes this reader accepts");
            }
            byte[] headerBytes = in.readNBytes((int) headerLen);
            if (headerBytes.length < headerLen) {
                throw new IOException(source + ": truncated .npy header");
            }
            String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            NpyDType dtype = parseDtype(header, source);
            int[] shape = parseShape(header, source);
            long bytes;
            try {
                bytes = NpyArray.byteCount(dtype, shape);
            } catch (ArithmeticException e) {
                throw new IOException(source + ": shape " + Arrays.toString(shape) + " of " + dtype.descr()
                        + " has too many elements", e);
            }
            return new Header(dtype, shape, MAGIC.length + 2 + (major == 1 ? 2 : 4) + headerLen, bytes);
        } catch (EOFException e) {
            throw new IOException(source + ": truncated .npy header", e);
        }
    }

    private static NpyDType parseDtype(String header, String source) throws IOException {
        Matcher f = FORTRAN.matcher(header);
        if (!f.find()) {
            throw new IOException(source + ": .npy header has no 'fortran_order': " + header.strip());
        }
        if (f.group(1).equals("True")) {
            throw new IOException(source + ": Fortran-order arrays are not supported; save a C-order array "
                    + "(numpy.ascontiguousarray)");
        }
        Matcher d = DESCR.matcher(header);
        if (!d.find()) {
            throw new IOException(source + ": .npy header has no 'descr': " + header.strip());
        }
        try {
            return NpyDType.parse(d.group(1));
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    private static int[] parseShape(String header, String source) throws IOException {
        Matcher s = SHAPE.matcher(header);
        if (!s.find()) {
            throw new IOException(source + ": .npy header has no 'shape': " + header.strip());
        }
        String body = s.group(1).strip();
        if (body.isEmpty()) {
            return new int[0];
        }
        String[] parts = body.split(",");
        int count = parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
        int[] shape = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                shape[i] = Integer.parseInt(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw new IOException(source + ": bad shape (" + body + ") in .npy header", e);
        }
        for (int d : shape) {
            if (d < 0) {
                throw new IOException(source + ": negative dimension " + d + " in shape (" + body + ") in .npy header");
            }
        }
        return shape;
    }

    /** The header dict NumPy writes for an array of this dtype and shape, before padding. */
    static String headerDict(NpyDType dtype, int[] shape) {
        StringBuilder sb = new StringBuilder("{'descr': '").append(dtype.descr())
                .append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        sb.append(shape.length == 1 ? ",), }" : "), }");
        if (shape.length > 0) {
            sb.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));
        }
        return sb.toString();
    }

    /**
     * The bytes NumPy 1.24 writes before the data of an array of this dtype and shape (magic, version 1.0 or 2.0 if
     * the header is huge, padded dict): a file is these bytes followed by the elements, so a large array can be
     * written as a stream.
     */
    public static byte[] header(NpyDType dtype, int... shape) {
        byte[] dict = headerDict(dtype, shape).getBytes(StandardCharsets.ISO_8859_1);
        int version = dict.length + 1 + ALIGN + 10 > 65535 ? 2 : 1;
        int prefix = MAGIC.length + 2 + (version == 1 ? 2 : 4);
        int hlen = dict.length + 1;
        int pad = ALIGN - (prefix + hlen) % ALIGN; // NumPy pads a full 64 when already aligned, and so do we
        int total = hlen + pad;
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix + total);
        out.writeBytes(MAGIC);
        out.write(version);
        out.write(0);
        out.write(total & 0xFF);
        out.write(total >>> 8 & 0xFF);
        if (version == 2) {
            out.write(total >>> 16 & 0xFF);
            out.write(total >>> 24 & 0xFF);
        }
        out.writeBytes(dict);
        out.writeBytes(" ".repeat(pad).getBytes(StandardCharsets.ISO_8859_1));
        out.write('\n');
        return out.toByteArray();
    }

    /** The complete file content NumPy 1.24 writes for this array (version 1.0, or 2.0 if the header is huge). */
    public static byte[] toBytes(NpyArray a) {
        byte[] header = header(a.dtype(), a.shape());
        byte[] data = a.rawBytesUnsafe();
        byte[] out = Arrays.copyOf(header, header.length + data.length);
        System.arraycopy(data, 0, out, header.length, data.length);
        return out;
    }

    /** Writes an array to a {@code .npy} file via a temporary file and a rename. */
    public static void write(Path file, NpyArray a) throws IOException {
        AtomicFiles.write(file, toBytes(a));
    }
}
