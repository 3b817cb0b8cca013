package org.ecglab.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecglab.TestTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, item 10: temporaries left by a killed process are cleaned up by the next write of the same target, and a
 * target that a kill left moved aside (between the two renames of a replacement) is put back, never lost. A
 * temporary of a process that is still running is left alone.
 */
class StaleTemporariesTest {
    @TempDir
    Path dir;

    /** A process id that is not running: a child that has already exited. */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        assertTrue(ProcessHandle.of(pid).isEmpty(), "pid " + pid + " still running");
        return pid;
    }

    private List<String> names() throws IOException {
        return TestTrees.names(dir);
    }

    @Test
    void temporariesOfDeadProcessesAreDeletedAndLiveOnesKept() throws Exception {
        long dead = deadPid();
        Path bundle = dir.resolve("bundle");
        Path staleFolder = Files.createDirectories(dir.resolve(".bundle.tmp-" + dead + "-1a2b/attributions"));
        Files.write(staleFolder.resolve("x.npy"), new byte[1000]);
        Path staleFile = Files.writeString(dir.resolve(".a.npy.tmp-" + dead + "-ff"), "half");
        Path live = Files.writeString(dir.resolve(".a.npy.tmp-" + ProcessHandle.current().pid() + "-ee"), "mine");
        Path other = Files.writeString(dir.resolve(".b.npy.tmp-" + dead + "-ff"), "not ours to judge yet");

        AtomicFiles.writeFolder(bundle, "m", "a bundle", d -> Files.writeString(d.resolve("m"), "1"));
        AtomicFiles.writeString(dir.resolve("a.npy"), "whole");
        assertEquals(List.of(live.getFileName().toString(), other.getFileName().toString(), "a.npy", "bundle"),
                names());
        assertTrue(Files.notExists(staleFile));
    }

    @Test
    void anEntryAKillLeftMovedAsideIsPutBack() throws Exception {
        long dead = deadPid();
        Path entry = dir.resolve("seed-1");
        // The state after "entry renamed aside" and before "new entry renamed in": the entry is only in .old.
        Path aside = Files.createDirectories(dir.resolve(".seed-1.old-" + dead + "-77"));
        Files.writeString(aside.resolve("provenance.json"), "{}");
        Files.createDirectories(dir.resolve(".seed-1.tmp-" + dead + "-78"));
        AtomicFiles.recover(entry);
        assertEquals(List.of("seed-1"), names());
        assertEquals("{}", Files.readString(entry.resolve("provenance.json")));
    }

    @Test
    void anOldCopyBesideAPlacedTargetIsDeleted() throws Exception {
        long dead = deadPid();
        Path f = Files.writeString(dir.resolve("r.hea"), "new");
        Files.writeString(dir.resolve(".r.hea.old-" + dead + "-5"), "old");
        AtomicFiles.recover(f);
        assertEquals(List.of("r.hea"), names());
        assertEquals("new", Files.readString(f));
    }
}
