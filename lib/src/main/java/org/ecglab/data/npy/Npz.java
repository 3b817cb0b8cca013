package org.ecglab.data.npy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ecglab.data.io.AtomicFiles;

/**
 * NumPy's {@code .npz} archives: a zip file with one {@code NAME.npy} entry per array, stored
 * ({@code numpy.savez}) or deflated ({@code numpy.savez_compressed}). Names keep their insertion order. Writing is
 * deterministic: the same arrays give the same bytes (every timestamp is the zip epoch). For archives too large for
 * memory see {@link NpzArchive} (reading, memory-mapped) and {@link NpzWriter} (writing entry by entry).
 */
public final class Npz {
    /** The timestamp of every entry, 1980-01-01 00:00 (the zip format's epoch), in no time zone. */
    static final LocalDateTime ZIP_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {
    }

    /**
     * Reads every {@code .npy} entry of an archive into memory; other entries are ignored.
     *
     * @return arrays by name without the {@code .npy} suffix, in archive order
     * @throws IOException naming the archive (and entry) if it is missing, not a zip, or an entry is bad
     */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (NpzArchive archive = NpzArchive.open(file)) {
            for (String name : archive.names()) {
                out.put(name, archive.read(name));
            }
        }
        return out;
    }

    /**
     * Writes arrays as {@code NAME.npy} entries, via a temporary file and a rename.
     *
     * @param compressed deflate entries (like {@code numpy.savez_compressed}) or store them ({@code numpy.savez})
     */
    public static void write(Path file, Map<String, NpyArray> arrays, boolean compressed) throws IOException {
        if (!compressed) {
            AtomicFiles.writeChannel(file, ch -> {
                NpzWriter w = new NpzWriter(ch);
                for (Map.Entry<String, NpyArray> a : arrays.entrySet()) {
                    w.write(a.getKey(), a.getValue());
                }
                w.finish();
            });
            return;
        }
        AtomicFiles.write(file, os -> {
            // Closing the zip closes os too; AtomicFiles closing it again is harmless.
            try (ZipOutputStream zip = new ZipOutputStream(os)) {
                for (Map.Entry<String, NpyArray> a : arrays.entrySet()) {
                    ZipEntry e = new ZipEntry(a.getKey() + ".npy");
                    e.setMethod(ZipEntry.DEFLATED);
                    e.setTimeLocal(ZIP_EPOCH);
                    zip.putNextEntry(e);
                    zip.write(Npy.toBytes(a.getValue()));
                    zip.closeEntry();
                }
            }
        });
    }
}
