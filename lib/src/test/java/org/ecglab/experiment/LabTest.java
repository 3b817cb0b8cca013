package org.ecglab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabTest {
    @TempDir
    Path tmp;

    @Test
    void defaultsFollowTheWorkingDirectory() {
        Lab lab = Lab.fromEnvironment(Map.of(), tmp.resolve("notebooks"));
        assertEquals(tmp, lab.home());
        assertEquals(tmp.resolve("build"), lab.build());
        assertFalse(lab.smoke());
        assertEquals(7, lab.size(3, 7));
    }

    @Test
    void environmentWinsAndSizesAreSeparated() {
        Lab lab = Lab.fromEnvironment(Map.of("ECGLAB_HOME", tmp.toString(), "ECGLAB_BUILD",
                tmp.resolve("out").toString(), "ECGLAB_SIZE", "smoke"), Path.of("/elsewhere"));
        assertTrue(lab.smoke());
        assertEquals(3, lab.size(3, 7));
        Path figures = lab.figures("01-quickstart");
        assertEquals(tmp.resolve("out/smoke/figures/01-quickstart"), figures);
        assertTrue(Files.isDirectory(figures));
    }

    @Test
    void unknownSizeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lab.fromEnvironment(Map.of("ECGLAB_SIZE", "huge"), tmp));
        assertTrue(e.getMessage().contains("huge"), e.getMessage());
    }
}
