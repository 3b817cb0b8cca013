package org.ecglab.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.ecglab.TestTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, items 1, 6 and 9: what an output path may be. A special file (a named pipe stands in for a device, which a
 * test run as root must not risk) is refused and left as it was; a symbolic link is written through, so the link
 * stays and its target gets the content; folders written through a temporary get the umask's permissions, not
 * owner-only ones; a failing write names the file.
 */
class OutputTargetsTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        return TestTrees.names(dir);
    }

    @Test
    void aSpecialFileIsRefusedAndLeftAsItWas() throws Exception {
        Path fifo = dir.resolve("pipe.npz");
        TestTrees.mkfifo(fifo);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(fifo, "data"));
        assertTrue(e.getMessage().contains("pipe.npz") && e.getMessage().contains("named pipe")
                && e.getMessage().contains("refusing"), e.getMessage());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo) && !Files.isDirectory(fifo), "the pipe was replaced");
        assertEquals(List.of("pipe.npz"), names());

        IOException all = assertThrows(IOException.class,
                () -> AtomicFiles.writeAll(java.util.Map.of(fifo, new byte[1])));
        assertTrue(all.getMessage().contains("named pipe"), all.getMessage());
        assertFalse(Files.isRegularFile(fifo));
    }

    @Test
    void aDeviceIsRefusedBeforeAnythingIsWritten() {
        // Checked only, never written: /dev/null is a character device on every Linux.
        Path devNull = Path.of("/dev/null");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.checkWritable(devNull));
        assertTrue(e.getMessage().contains("/dev/null is a character device"), e.getMessage());
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path target = Files.writeString(dir.resolve("real.npz"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.npz"), Path.of("real.npz"));
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("link.npz", "real.npz"), names());

        // A link to a link, and a link whose target does not exist yet (created, as cp would).
        Path second = Files.createSymbolicLink(dir.resolve("second.npz"), link);
        AtomicFiles.writeAll(java.util.Map.of(second, "third".getBytes()));
        assertEquals("third", Files.readString(target));
        assertTrue(Files.isSymbolicLink(second) && Files.isSymbolicLink(link));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.npz"), Path.of("later.npz"));
        AtomicFiles.writeString(dangling, "made");
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("made", Files.readString(dir.resolve("later.npz")));
    }

    @Test
    void aLinkToAFolderWrittenAsAFolderKeepsTheLink() throws IOException {
        Path real = dir.resolve("bundle-real");
        AtomicFiles.writeFolder(real, "m", "a bundle", d -> Files.writeString(d.resolve("m"), "1"));
        Path link = Files.createSymbolicLink(dir.resolve("bundle"), Path.of("bundle-real"));
        AtomicFiles.writeFolder(link, "m", "a bundle", d -> Files.writeString(d.resolve("m"), "2"));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("2", Files.readString(real.resolve("m")));
    }

    @Test
    void foldersGetTheUmasksPermissionsNotOwnerOnly() throws IOException {
        Path reference = Files.createDirectory(dir.resolve("reference"));
        Set<PosixFilePermission> umaskDefault = Files.getPosixFilePermissions(reference);
        Path bundle = dir.resolve("bundle");
        AtomicFiles.writeFolder(bundle, "m", "a bundle", d -> Files.writeString(d.resolve("m"), "1"));
        assertEquals(PosixFilePermissions.toString(umaskDefault),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(bundle, LinkOption.NOFOLLOW_LINKS)));
    }

    @Test
    void aFailingWriteNamesTheFile() throws IOException {
        Path f = dir.resolve("maps.npy");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + f + ": No space left on device", e.getMessage());
    }

    @Test
    void checkWritableRefusesFoldersAndPathsUnderFilesWithoutCreatingAnything() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        IOException under = assertThrows(IOException.class, () -> AtomicFiles.checkWritable(file.resolve("x.csv")));
        assertTrue(under.getMessage().contains(file + " is a file, not a folder"), under.getMessage());
        IOException folder = assertThrows(IOException.class, () -> AtomicFiles.checkWritable(dir));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
        AtomicFiles.checkWritable(dir.resolve("new/sub/x.csv"));
        AtomicFiles.checkWritableFolder(dir.resolve("figures"));
        IOException notFolder = assertThrows(IOException.class, () -> AtomicFiles.checkWritableFolder(file));
        assertTrue(notFolder.getMessage().contains("is a file, not a folder"), notFolder.getMessage());
        assertEquals(List.of("notes.txt"), names());
    }
}
