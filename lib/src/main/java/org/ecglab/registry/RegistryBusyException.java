package org.ecglab.registry;

import java.io.IOException;

/** Another run is writing the same registry entry right now; this run changed nothing there. */
public final class RegistryBusyException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message names the entry and the other run, and says what to do */
    public RegistryBusyException(String message) {
        super(message);
    }
}
