package org.ecglab.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecglab.TestTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several files written as streams and placed together, or not at all (issue 8, item 4: a map and its sidecar). */
class AtomicBatchTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        return TestTrees.names(dir);
    }

    @Test
    void streamsAreWrittenAndPlacedTogether() throws IOException {
        Path npy = dir.resolve("m.npy");
        Path json = dir.resolve("m.json");
        Files.writeString(npy, "old values");
        Files.writeString(json, "old sidecar");
        try (AtomicBatch batch = AtomicFiles.batch(List.of(npy, json))) {
            try (FileChannel ch = batch.channel(npy)) {
                ch.write(ByteBuffer.wrap("header?".getBytes(StandardCharsets.US_ASCII)));
                ch.write(ByteBuffer.wrap(" values".getBytes(StandardCharsets.US_ASCII)));
                ch.write(ByteBuffer.wrap("HEADER!".getBytes(StandardCharsets.US_ASCII)), 0);
            }
            assertEquals("old values", Files.readString(npy), "visible before commit");
            try (OutputStream out = batch.stream(json)) {
                out.write("new sidecar".getBytes(StandardCharsets.UTF_8));
            }
            batch.commit();
        }
        assertEquals("HEADER! values", Files.readString(npy));
        assertEquals("new sidecar", Files.readString(json));
        assertEquals(List.of("m.json", "m.npy"), names());
    }

    @Test
    void aBatchClosedWithoutCommitLeavesTheOldFilesAndNoTemporary() throws IOException {
        Path npy = dir.resolve("m.npy");
        Files.writeString(npy, "old values");
        Path json = dir.resolve("m.json");
        try (AtomicBatch batch = AtomicFiles.batch(List.of(npy, json))) {
            try (OutputStream out = batch.stream(npy)) {
                out.write(new byte[100]);
            }
            // e.g. the sidecar's content failed to build: the method returns without commit
        }
        assertEquals(List.of("m.npy"), names());
        assertEquals("old values", Files.readString(npy));
    }

    @Test
    void everyFileMustBeWrittenBeforeCommitAndOnlyListedFilesCanBe() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        try (AtomicBatch batch = AtomicFiles.batch(List.of(a, b))) {
            batch.stream(a).close();
            IOException missing = assertThrows(IOException.class, batch::commit);
            assertTrue(missing.getMessage().contains(b + " was not written"), missing.getMessage());
            assertThrows(IllegalArgumentException.class, () -> batch.stream(dir.resolve("c")));
        }
        assertEquals(List.of(), names());
    }
}
