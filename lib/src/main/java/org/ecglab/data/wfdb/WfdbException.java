package org.ecglab.data.wfdb;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A WFDB record could not be read or written: a missing file, a short read, a checksum or initial-value mismatch,
 * an unsupported format or a malformed header. The message always starts with the file concerned.
 */
public class WfdbException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param file the header or signal file concerned; {@code what} says what is wrong with it */
    public WfdbException(Path file, String what) {
        super(file + ": " + what);
    }

    /** Same, keeping the underlying I/O error as the cause. */
    public WfdbException(Path file, String what, Throwable cause) {
        super(file + ": " + what, cause);
    }
}
