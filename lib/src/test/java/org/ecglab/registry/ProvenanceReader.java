package org.ecglab.registry;

import java.io.IOException;
import java.nio.file.Path;
import org.ecglab.data.DiagnosticClass;

/**
 * Test helper run in a child JVM (as another user would run it): reads the provenance of one registry entry and
 * prints its model id, or "error: " and the message.
 */
public final class ProvenanceReader {
    private ProvenanceReader() {
    }

    /** Arguments: registry root, task id, seed. */
    public static void main(String[] args) {
        try {
            ModelProvenance p = new ModelRegistry(Path.of(args[0])).provenance(DiagnosticClass.parse(args[1]),
                    Long.parseLong(args[2]));
            System.out.println("read " + p.modelId());
        } catch (IOException | RuntimeException e) {
            System.out.println("error: " + e.getMessage());
        }
    }
}
