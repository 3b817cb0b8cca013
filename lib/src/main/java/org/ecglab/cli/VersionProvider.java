package org.ecglab.cli;

import org.ecglab.LibraryVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code ecglab --version}: the library version that provenance files record too ({@link LibraryVersion}). */
public final class VersionProvider implements IVersionProvider {

    /** The library version, e.g. {@code "0.1.0-SNAPSHOT"}, or {@code "unknown"} if the build did not record it. */
    public static String libraryVersion() {
        return LibraryVersion.get();
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "ecglab " + libraryVersion() + " (ECG Attribution Lab)",
            "Java " + System.getProperty("java.version") + ", " + System.getProperty("java.vm.name"),
        };
    }
}
