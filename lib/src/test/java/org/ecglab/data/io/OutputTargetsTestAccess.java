package org.ecglab.data.io;

import java.nio.file.Path;

/** Lets tests of other packages make a named pipe as {@link OutputTargetsTest} does. */
public final class OutputTargetsTestAccess {
    private OutputTargetsTestAccess() {
    }

    /** Creates a named pipe (FIFO) at {@code p}. */
    public static void mkfifo(Path p) throws Exception {
        OutputTargetsTest.mkfifo(p);
    }
}
