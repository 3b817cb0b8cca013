package org.ecglab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that starts a main class of this test run in a fresh JVM, with the tests' classpath. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * @param jvmOptions e.g. {@code -Xmx64m}
     * @param main       a class with a {@code main} method on the test classpath
     * @param args       its arguments
     */
    public static List<String> command(List<String> jvmOptions, Class<?> main, String... args) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Whether this JVM runs as root, who passes every permission check unless its capabilities are dropped. */
    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * A prefix that runs a command as root without the capabilities that bypass file permissions ({@code setpriv},
     * util-linux), so that a root test run sees permission errors as another user would.
     */
    public static List<String> withoutPermissionOverride() {
        return List.of("setpriv", "--inh-caps=-dac_override,-dac_read_search",
                "--bounding-set=-dac_override,-dac_read_search");
    }
}
