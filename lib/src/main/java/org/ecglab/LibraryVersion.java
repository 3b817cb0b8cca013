package org.ecglab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The library's Maven version, recorded in provenance so a stored number can be traced to the code that made it. */
public final class LibraryVersion {
    private static final String RESOURCE = "library-version.properties";
    private static final String VERSION = read();

    private LibraryVersion() {
    }

    /** The version, e.g. {@code "0.1.0-SNAPSHOT"}, or {@code "unknown"} if the build did not record it. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            // An unfiltered copy (e.g. an IDE build that skips Maven's resource filtering) still says ${...}.
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
