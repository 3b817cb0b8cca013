package org.ecglab.data.npy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.ecglab.data.io.AtomicFiles;

/**
 * NumPy's {@code .npz} archives: a zip file with one {@code NAME.npy} entry per array, stored
 * ({@code numpy.savez}) or deflated ({@code numpy.savez_compressed}). Names keep their insertion order.
 */
public final class Npz {
    private Npz() {
    }

    /**
     * Reads every {@code .npy} entry of an archive; other entries are ignored.
     *
     * @return arrays by name without the {@code .npy} suffix, in archive order
     * @throws IOException naming the archive (and entry) if it is missing, not a zip, or an entry is bad
     */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || !e.getName().endsWith(".npy")) {
                    continue;
                }
                String name = e.getName().substring(0, e.getName().length() - 4);
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(name, Npy.read(in, file + " entry " + e.getName()));
                }
            }
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IOException(file + ": file does not exist", e);
        } catch (ZipException e) {
            throw new IOException(file + ": not a readable .npz (zip) archive: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Writes arrays as {@code NAME.npy} entries, via a temporary file and a rename.
     *
     * @param compressed deflate entries (like {@code numpy.savez_compressed}) or store them ({@code numpy.savez})
     */
    public static void write(Path file, Map<String, NpyArray> arrays, boolean compressed) throws IOException {
        AtomicFiles.write(file, os -> {
            // Closing the zip closes os too; AtomicFiles closing it again is harmless.
            try (ZipOutputStream zip = new ZipOutputStream(os)) {
                for (Map.Entry<String, NpyArray> a : arrays.entrySet()) {
                    byte[] bytes = Npy.toBytes(a.getValue());
                    ZipEntry e = new ZipEntry(a.getKey() + ".npy");
                    if (compressed) {
                        e.setMethod(ZipEntry.DEFLATED);
                    } else {
                        // a stored entry must announce its size and CRC before its data
                        CRC32 crc = new CRC32();
                        crc.update(bytes);
                        e.setMethod(ZipEntry.STORED);
                        e.setSize(bytes.length);
                        e.setCompressedSize(bytes.length);
                        e.setCrc(crc.getValue());
                    }
                    zip.putNextEntry(e);
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
        });
    }
}
