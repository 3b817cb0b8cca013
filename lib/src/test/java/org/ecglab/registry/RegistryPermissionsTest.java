package org.ecglab.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ecglab.ChildJvm;
import org.ecglab.ExternalTools;
import org.ecglab.train.ToyEcgData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, item 6: registry entries get the permissions the umask gives (not owner-only), so another user can load
 * them; and an entry another user cannot read is reported as "permission denied", not as a missing provenance. The
 * other user is simulated: as root, by handing the entry to {@code nobody} and reading it in a child JVM that runs
 * without the capabilities that bypass permissions; otherwise by removing the permissions from the entry.
 */
class RegistryPermissionsTest {
    @TempDir
    Path dir;

    private static void chownRecursively(Path root, UserPrincipal user) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                Files.setOwner(p, user);
            }
        }
    }

    /** What the reader prints: "read MODEL-ID" or "error: MESSAGE". */
    private static String readAsAnotherUser(Path root) throws Exception {
        List<String> command = new ArrayList<>(ChildJvm.withoutPermissionOverride());
        command.addAll(ChildJvm.command(List.of("-Xmx64m"), ProvenanceReader.class, root.toString(),
                ToyEcgData.TASK.id(), "1"));
        ExternalTools.Result r = ExternalTools.run(command, 60);
        assertEquals(0, r.exit(), r.output());
        return r.output();
    }

    @Test
    void entriesFollowTheUmaskAndUnreadableOnesSaySo() throws Exception {
        Path root = dir.resolve("models");
        RegistrySafetyTest.suite(root).trainOrLoad(ToyEcgDataHolder.DATA, List.of(ToyEcgData.TASK), List.of(1L))
                .close();
        Path entry = root.resolve("ASTE/seed-1");
        Set<PosixFilePermission> umaskFolder = Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("ref")));
        assertEquals(PosixFilePermissions.toString(umaskFolder),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)));

        if (ChildJvm.isRoot()) {
            UserPrincipal nobody = entry.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            chownRecursively(root, nobody);
            // Another user made it with the umask's permissions: this user reads it.
            String ok = readAsAnotherUser(root);
            assertTrue(ok.startsWith("read ASTE-seed1"), ok);
            Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rwx------"));
            String denied = readAsAnotherUser(root);
            assertTrue(denied.contains("cannot read registry entry " + entry + ": permission denied")
                    && denied.contains("belongs to nobody") && denied.contains("rwx------"), denied);
        } else {
            Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("---------"));
            try {
                IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                        () -> new ModelRegistry(root).provenance(ToyEcgData.TASK, 1));
                assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
            } finally {
                Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    /** The toy data, built once. */
    private static final class ToyEcgDataHolder {
        static final org.ecglab.data.EcgDataset DATA = ToyEcgData.make(100, 1 / 3.0, 0.5, 0.05, 21);
    }
}
