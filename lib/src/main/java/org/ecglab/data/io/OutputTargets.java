package org.ecglab.data.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What an output path really is, before anything is written there. A symbolic link is written through: the content
 * goes to the file the link points to (followed link by link), and the link stays, as {@code cp} and a shell's
 * {@code >} do. A special file (device, named pipe, socket) is refused: replacing it by a regular file is never what
 * was meant ({@code --out /dev/null} run as root would delete the device).
 */
final class OutputTargets {
    /** Links followed before giving up, as the kernel's limit on nested links. */
    private static final int MAX_LINKS = 40;
    private static final int S_IFMT = 0170000;

    private OutputTargets() {
    }

    /**
     * The path content for {@code path} must be written to: absolute, with a final symbolic link (or a chain of them)
     * followed.
     *
     * @throws IOException naming {@code path} if the links loop
     */
    static Path resolve(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(p)) {
                return p;
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        throw new IOException(path + ": more than " + MAX_LINKS + " symbolic links in a row (a loop?)");
    }

    /**
     * Refuses a {@code target} that exists and is neither a regular file nor a folder.
     *
     * @param given the path as the caller gave it, for the message
     * @throws IOException naming the path and what it is
     */
    static void refuseSpecial(Path given, Path target) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
            String shown = given.toAbsolutePath().normalize().equals(target) ? given.toString()
                    : given + " (a link to " + target + ")";
            throw new IOException(shown + " is " + kind(target) + "; refusing to write over it. Give a regular "
                    + "file name.");
        }
    }

    /** "a character device", "a named pipe (FIFO)", ... from the file's mode where the platform tells it. */
    private static String kind(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            switch (mode & S_IFMT) {
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0010000: return "a named pipe (FIFO)";
                case 0140000: return "a socket";
                default: return "a special file";
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file (not a regular file or folder)";
        }
    }

    /**
     * {@code e} as an exception whose message names {@code target}: file-system exceptions carry only the path of
     * the temporary they failed on, and "No space left on device" names no file at all.
     */
    static IOException named(Path target, IOException e) {
        String m = e.getMessage();
        if (m != null && m.contains(target.toString())) {
            return e;
        }
        return new IOException("cannot write " + target + ": " + reason(e), e);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied" + (a.getReason() == null ? "" : " (" + a.getReason() + ")");
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder " + n.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
