package org.ecglab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates data folders for tests by walking up from the working directory (Maven runs tests in lib/). */
public final class TestFiles {
    private TestFiles() {
    }

    /** The first existing {@code dir/relative} for dir = working directory and each of its parents. */
    public static Optional<Path> findUp(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The repository's copy of the PTB-XL sample record (always present in a clone). */
    public static Path ptbxlFixture() {
        return findUp("data/fixtures/ptbxl-sample")
                .orElseThrow(() -> new IllegalStateException("data/fixtures/ptbxl-sample not found above "
                        + Path.of("").toAbsolutePath()));
    }
}
