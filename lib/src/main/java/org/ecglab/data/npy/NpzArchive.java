package org.ecglab.data.npy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * An open NumPy {@code .npz} archive (a zip of {@code NAME.npy} entries, ZIP64 included), read entry by entry: small
 * entries into memory with their CRC-32 checked, large stored (uncompressed) entries memory-mapped as
 * {@link NpyRecords}, so an archive of any size is read without one Java array of everything. Deflated entries
 * ({@code numpy.savez_compressed}) are read into memory only. Close it when done; mapped records stay valid.
 */
public final class NpzArchive implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** One {@code .npy} entry, as the central directory describes it. */
    private record Entry(String zipName, int method, long compressedSize, long size, long localOffset, int crc) {
    }

    private NpzArchive(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Opens an archive and reads its directory.
     *
     * @throws IOException naming the file if it is missing or not a readable zip archive
     */
    public static NpzArchive open(Path file) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": file does not exist", e);
        }
        NpzArchive a = new NpzArchive(file, ch);
        try {
            a.readDirectory();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith(file.toString())
                    ? io : new IOException(file + ": not a readable .npz (zip) archive: " + e.getMessage(), e);
        }
        return a;
    }

    /** Array names (without {@code .npy}), in archive order. */
    public Set<String> names() {
        return entries.keySet();
    }

    /** Whether the archive holds array {@code name}. */
    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /**
     * The header of array {@code name}: dtype and shape, without reading its data.
     *
     * @throws IOException naming the archive and entry if it is missing or its header is bad
     */
    public NpyDType dtype(String name) throws IOException {
        return header(name).dtype();
    }

    /** The shape of array {@code name}. */
    public int[] shape(String name) throws IOException {
        return header(name).shape().clone();
    }

    /** Whether array {@code name} is stored uncompressed, so {@link #map} can map it. */
    public boolean isStored(String name) throws IOException {
        return entry(name).method() == ZipFormat.STORED;
    }

    /**
     * Reads array {@code name} into memory, checking its CRC-32.
     *
     * @throws IOException naming the archive and entry if it is missing, damaged, or too large for one Java array
     */
    public NpyArray read(String name) throws IOException {
        Entry e = entry(name);
        String source = source(e);
        CRC32 crc = new CRC32();
        NpyArray array;
        try (InputStream in = data(e)) {
            InputStream counted = new java.util.zip.CheckedInputStream(in, crc);
            array = Npy.read(counted, source);
            if (counted.read() >= 0) {
                throw new IOException(source + ": data beyond the array's shape");
            }
        } catch (java.util.zip.ZipException ex) {
            throw new IOException(source + ": damaged compressed data: " + ex.getMessage(), ex);
        }
        if ((int) crc.getValue() != e.crc()) {
            throw new IOException(source + ": CRC-32 mismatch (the file is damaged)");
        }
        return array;
    }

    /**
     * Memory-maps stored array {@code name}, a float32 or bool/uint8 array {@code [n][rows][columns]}, as records.
     *
     * @throws IOException naming the archive and entry if it is missing, compressed, not 3-d or of another dtype
     */
    public NpyRecords map(String name) throws IOException {
        Entry e = entry(name);
        String source = source(e);
        if (e.method() != ZipFormat.STORED) {
            throw new IOException(source + " is compressed and cannot be memory-mapped");
        }
        Npy.Header h = header(name);
        if (h.shape().length != 3) {
            throw new IOException(source + ": expected a 3-d array, got shape " + Arrays.toString(h.shape()));
        }
        if (h.length() + h.dataBytes() != e.size()) {
            throw new IOException(source + ": entry holds " + e.size() + " bytes, its header announces "
                    + (h.length() + h.dataBytes()));
        }
        long start = dataStart(e) + h.length();
        return NpyRecords.mapped(channel, start, h.dtype(), h.shape(), source, e.crc(), dataStart(e), h.length());
    }

    private Npy.Header header(String name) throws IOException {
        Entry e = entry(name);
        try (InputStream in = data(e)) {
            return Npy.readHeader(in, source(e));
        }
    }

    private Entry entry(String name) throws IOException {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IOException(file + ": no entry '" + name + "' (present: " + entries.keySet() + ")");
        }
        return e;
    }

    private String source(Entry e) {
        return file + " entry " + e.zipName();
    }

    /** The entry's uncompressed bytes as a stream. */
    private InputStream data(Entry e) throws IOException {
        InputStream raw = Channels.newInputStream(channel.position(dataStart(e)));
        InputStream bounded = new java.io.FilterInputStream(raw) {
            private long left = e.compressedSize();

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                left -= b >= 0 ? 1 : 0;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                left -= Math.max(n, 0);
                return n;
            }

            @Override
            public void close() {
                // the channel belongs to the archive
            }
        };
        if (e.method() == ZipFormat.DEFLATED) {
            return new InflaterInputStream(bounded, new Inflater(true), 1 << 16);
        }
        if (e.method() != ZipFormat.STORED) {
            throw new IOException(source(e) + ": unsupported zip compression method " + e.method());
        }
        return bounded;
    }

    private long dataStart(Entry e) throws IOException {
        ByteBuffer b = readAt(e.localOffset(), 30);
        if (b.getInt(0) != ZipFormat.LOCAL) {
            throw new IOException(source(e) + ": no local header at offset " + e.localOffset());
        }
        return e.localOffset() + 30 + (b.getShort(26) & 0xFFFF) + (b.getShort(28) & 0xFFFF);
    }

    private void readDirectory() throws IOException {
        long size = channel.size();
        int tail = (int) Math.min(size, 22 + 0xFFFF);
        ByteBuffer t = readAt(size - tail, tail);
        int end = -1;
        for (int i = tail - 22; i >= 0; i--) {
            if (t.getInt(i) == ZipFormat.END) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new IOException("no end of central directory record (truncated, or not a zip file)");
        }
        long count = t.getShort(end + 10) & 0xFFFF;
        long cdSize = t.getInt(end + 12) & ZipFormat.MAX32;
        long cdOffset = t.getInt(end + 16) & ZipFormat.MAX32;
        long endPos = size - tail + end;
        if (endPos >= 20 && readAt(endPos - 20, 4).getInt(0) == ZipFormat.ZIP64_LOCATOR) {
            long z = readAt(endPos - 20, 20).getLong(8);
            ByteBuffer z64 = readAt(z, 56);
            if (z64.getInt(0) != ZipFormat.ZIP64_END) {
                throw new IOException("bad ZIP64 end of central directory record");
            }
            count = z64.getLong(32);
            cdSize = z64.getLong(40);
            cdOffset = z64.getLong(48);
        }
        if (cdOffset + cdSize > size || cdSize > Integer.MAX_VALUE) {
            throw new IOException("central directory beyond the end of the file (truncated?)");
        }
        ByteBuffer cd = readAt(cdOffset, (int) cdSize);
        int p = 0;
        for (long k = 0; k < count; k++) {
            if (cd.getInt(p) != ZipFormat.CENTRAL) {
                throw new IOException("bad central directory entry " + k);
            }
            int method = cd.getShort(p + 10) & 0xFFFF;
            int crc = cd.getInt(p + 16);
            long compressed = cd.getInt(p + 20) & ZipFormat.MAX32;
            long uncompressed = cd.getInt(p + 24) & ZipFormat.MAX32;
            int nameLen = cd.getShort(p + 28) & 0xFFFF;
            int extraLen = cd.getShort(p + 30) & 0xFFFF;
            int commentLen = cd.getShort(p + 32) & 0xFFFF;
            long local = cd.getInt(p + 42) & ZipFormat.MAX32;
            byte[] nameBytes = new byte[nameLen];
            cd.get(p + 46, nameBytes);
            int x = p + 46 + nameLen;
            for (int xe = x + extraLen; x + 4 <= xe; ) {
                int id = cd.getShort(x) & 0xFFFF;
                int len = cd.getShort(x + 2) & 0xFFFF;
                int q = x + 4;
                if (id == 1) {
                    if (uncompressed == ZipFormat.MAX32) {
                        uncompressed = cd.getLong(q);
                        q += 8;
                    }
                    if (compressed == ZipFormat.MAX32) {
                        compressed = cd.getLong(q);
                        q += 8;
                    }
                    if (local == ZipFormat.MAX32) {
                        local = cd.getLong(q);
                    }
                }
                x += 4 + len;
            }
            String zipName = new String(nameBytes, StandardCharsets.UTF_8);
            if (zipName.endsWith(".npy") && !zipName.endsWith("/")) {
                entries.put(zipName.substring(0, zipName.length() - 4),
                        new Entry(zipName, method, compressed, uncompressed, local, crc));
            }
            p += 46 + nameLen + extraLen + commentLen;
        }
    }

    private ByteBuffer readAt(long position, int length) throws IOException {
        if (position < 0 || position + length > channel.size()) {
            throw new IOException("read beyond the end of the file at offset " + position + " (truncated?)");
        }
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (channel.read(b, position + b.position()) < 0) {
                throw new IOException("unexpected end of file at offset " + (position + b.position()));
            }
        }
        return b.flip().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "NpzArchive[" + file + ", " + entries.keySet() + "]";
    }
}
