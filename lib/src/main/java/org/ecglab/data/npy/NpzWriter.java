package org.ecglab.data.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Writes a NumPy {@code .npz} archive entry by entry into a channel, without holding any array in memory: a zip
 * file of stored (uncompressed) {@code NAME.npy} entries, as {@code numpy.savez} writes, which NumPy, Python's
 * {@code zipfile} and {@link NpzArchive} read, and whose large entries can be memory-mapped. An entry larger than
 * 4 GiB, or starting beyond 4 GiB, gets ZIP64 fields (NumPy writes them too). Every timestamp is the zip epoch
 * (1980-01-01 00:00), so the same arrays always give the same bytes.
 *
 * <p>Each entry's CRC-32 is computed while its data pass and written back into its local header at the end, which
 * is why this writes to a seekable channel rather than a stream.
 */
public final class NpzWriter {
    /** 1980-01-01 in MS-DOS date format (year 0 = 1980, month 1, day 1); time 00:00:00 is 0. */
    private static final short DOS_DATE = (1 << 5) | 1;

    private final FileChannel channel;
    /** Sizes and offsets from here on get ZIP64 fields: 4 GiB, lower only in tests. */
    private final long limit;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private EntryWriter open;
    private boolean finished;

    /** One entry written, for the central directory. */
    private record Entry(byte[] name, long offset, long size, int crc, boolean zip64) {
    }

    /** @param channel an empty channel at position 0, written from there on */
    public NpzWriter(FileChannel channel) {
        this(channel, ZipFormat.MAX32);
    }

    /** With ZIP64 fields for sizes and offsets from {@code zip64Limit} on, so tests reach them with small arrays. */
    NpzWriter(FileChannel channel, long zip64Limit) {
        this.channel = channel;
        this.limit = zip64Limit;
    }

    /** Writes {@code array} as entry {@code name + ".npy"}. */
    public void write(String name, NpyArray array) throws IOException {
        try (EntryWriter w = begin(name, array.dtype(), array.shape())) {
            w.write(ByteBuffer.wrap(array.rawBytesUnsafe()));
        }
    }

    /**
     * Starts entry {@code name + ".npy"} of the given dtype and shape; its header is written, its data follow through
     * the returned writer, which must receive exactly the array's bytes and be closed before the next entry.
     */
    public EntryWriter begin(String name, NpyDType dtype, int... shape) throws IOException {
        if (open != null || finished) {
            throw new IllegalStateException("entry " + (open == null ? "after finish" : "while another is open"));
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException("entry " + name + " is written twice");
        }
        byte[] header = Npy.header(dtype, shape);
        long size = header.length + NpyArray.byteCount(dtype, shape);
        long offset = channel.position();
        byte[] file = (name + ".npy").getBytes(StandardCharsets.UTF_8);
        boolean zip64 = size >= limit || offset >= limit;
        ByteBuffer b = le(30 + file.length + (zip64 ? 20 : 0));
        b.putInt(ZipFormat.LOCAL).putShort((short) (zip64 ? 45 : 20)).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putShort(DOS_DATE).putInt(0)
                .putInt(zip64 ? (int) ZipFormat.MAX32 : (int) size).putInt(zip64 ? (int) ZipFormat.MAX32 : (int) size)
                .putShort((short) file.length).putShort((short) (zip64 ? 20 : 0)).put(file);
        if (zip64) {
            b.putShort((short) 1).putShort((short) 16).putLong(size).putLong(size);
        }
        writeFully(b.flip());
        open = new EntryWriter(file, offset, size, zip64);
        open.write(ByteBuffer.wrap(header));
        return open;
    }

    /** The data of one entry, written in order; closing it checks the byte count and records its CRC. */
    public final class EntryWriter implements AutoCloseable {
        private final byte[] name;
        private final long offset;
        private final long size;
        private final boolean zip64;
        private final CRC32 crc = new CRC32();
        private long written;

        private EntryWriter(byte[] name, long offset, long size, boolean zip64) {
            this.name = name;
            this.offset = offset;
            this.size = size;
            this.zip64 = zip64;
        }

        /** Writes the remaining bytes of {@code data}. */
        public void write(ByteBuffer data) throws IOException {
            if (written + data.remaining() > size) {
                throw new IllegalStateException(new String(name, StandardCharsets.UTF_8) + ": more than the "
                        + size + " bytes of its shape");
            }
            written += data.remaining();
            crc.update(data.duplicate());
            writeFully(data);
        }

        /** Finishes the entry: its CRC goes into its local header. */
        @Override
        public void close() throws IOException {
            if (open != this) {
                return;
            }
            open = null;
            if (written != size) {
                throw new IllegalStateException(new String(name, StandardCharsets.UTF_8) + ": " + written
                        + " bytes written, its shape needs " + size);
            }
            int value = (int) crc.getValue();
            channel.write(le(4).putInt(value).flip(), offset + 14);
            entries.add(new Entry(name, offset, size, value, zip64));
        }
    }

    /** Writes the central directory; the archive is then complete. */
    public void finish() throws IOException {
        if (open != null) {
            throw new IllegalStateException("an entry is still open");
        }
        finished = true;
        long start = channel.position();
        boolean anyZip64 = false;
        for (Entry e : entries) {
            boolean big = e.size() >= limit;
            boolean far = e.offset() >= limit;
            int extra = (big ? 16 : 0) + (far ? 8 : 0);
            ByteBuffer b = le(46 + e.name().length + (extra > 0 ? 4 + extra : 0));
            b.putInt(ZipFormat.CENTRAL).putShort((short) (3 << 8 | 45)).putShort((short) (extra > 0 ? 45 : 20))
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort(DOS_DATE).putInt(e.crc())
                    .putInt(big ? (int) ZipFormat.MAX32 : (int) e.size()).putInt(big ? (int) ZipFormat.MAX32 : (int) e.size())
                    .putShort((short) e.name().length).putShort((short) (extra > 0 ? 4 + extra : 0))
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0644 << 16)
                    .putInt(far ? (int) ZipFormat.MAX32 : (int) e.offset()).put(e.name());
            if (extra > 0) {
                b.putShort((short) 1).putShort((short) extra);
                if (big) {
                    b.putLong(e.size()).putLong(e.size());
                }
                if (far) {
                    b.putLong(e.offset());
                }
            }
            anyZip64 |= extra > 0 || e.zip64();
            writeFully(b.flip());
        }
        long end = channel.position();
        long cdSize = end - start;
        boolean zip64End = anyZip64 || start >= limit || entries.size() >= 0xFFFF;
        if (zip64End) {
            ByteBuffer z = le(56 + 20);
            z.putInt(ZipFormat.ZIP64_END).putLong(44).putShort((short) (3 << 8 | 45)).putShort((short) 45).putInt(0).putInt(0)
                    .putLong(entries.size()).putLong(entries.size()).putLong(cdSize).putLong(start);
            z.putInt(ZipFormat.ZIP64_LOCATOR).putInt(0).putLong(end).putInt(1);
            writeFully(z.flip());
        }
        ByteBuffer b = le(22);
        int count = zip64End ? 0xFFFF : entries.size();
        b.putInt(ZipFormat.END).putShort((short) 0).putShort((short) 0).putShort((short) count).putShort((short) count)
                .putInt(zip64End ? (int) ZipFormat.MAX32 : (int) cdSize).putInt(zip64End ? (int) ZipFormat.MAX32 : (int) start)
                .putShort((short) 0);
        writeFully(b.flip());
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    private static ByteBuffer le(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }
}
