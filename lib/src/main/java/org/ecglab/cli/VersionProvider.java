package org.ecglab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The library version for {@code ecglab --version} and for provenance files. Read from {@code version.properties},
 * which Maven filters with the project version at build time, so it is right both in the jar and when the classes
 * run from {@code target/classes} (tests, notebooks).
 */
public final class VersionProvider implements IVersionProvider {
    private static final String RESOURCE = "version.properties";

    /** The library version, e.g. {@code "0.1.0-SNAPSHOT"}, or {@code "unknown"} if the resource is absent. */
    public static String libraryVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            // Unfiltered (e.g. compiled by an IDE without Maven): the placeholder is not a version.
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "ecglab " + libraryVersion() + " (ECG Attribution Lab)",
            "Java " + System.getProperty("java.version") + ", " + System.getProperty("java.vm.name"),
        };
    }
}
