package org.ecglab.cli;

/**
 * Entry point of the runnable jar ({@code java -jar lib/target/ecglab-VERSION.jar ...}).
 *
 * <p>Before DJL loads, sets the JVM properties it reads, unless the user set them ({@code java -D...}):
 * {@code ai.djl.offline=true} (nothing may be downloaded at run time; the PyTorch natives come from the
 * {@code pytorch-native-cpu} jar) and one intra-op and one inter-op thread ({@code ai.djl.pytorch.num_threads},
 * {@code ai.djl.pytorch.num_interop_threads}), which keeps results bit-reproducible and shared machines usable.
 * Also quiets slf4j-simple to warnings, and hides DJL's GPU probe warning on CPU-only machines, so stderr holds
 * only progress bars and real problems.
 */
public final class Main {
    private Main() {
    }

    /** Runs {@code ecglab} and exits with its {@link ExitCodes exit code}. */
    public static void main(String[] args) {
        applyJvmDefaults();
        System.exit(EcgLabCommand.commandLine().execute(args));
    }

    /** Sets DJL's properties to their {@code ecglab} defaults where the user has not set them. */
    static void applyJvmDefaults() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
