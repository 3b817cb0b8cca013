package org.ecglab.registry;

import java.io.IOException;
import java.nio.file.Path;
import org.ecglab.data.DiagnosticClass;

/**
 * Test helper run in a child JVM: holds the lock of one registry entry, as a training run does, until its standard
 * input closes. Prints "locked" once it holds it.
 */
public final class LockHolder {
    private LockHolder() {
    }

    /** Arguments: registry root, task id, seed. */
    public static void main(String[] args) throws IOException {
        ModelRegistry registry = new ModelRegistry(Path.of(args[0]));
        Path entry = registry.folder(DiagnosticClass.parse(args[1]), Long.parseLong(args[2]));
        try (RegistryLock lock = RegistryLock.entry(registry.root(), entry, "test entry")) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our input
            }
        }
    }
}
