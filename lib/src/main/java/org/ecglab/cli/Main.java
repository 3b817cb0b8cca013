package org.ecglab.cli;

import org.ecglab.runtime.EngineSettings;
import org.ecglab.runtime.EngineSetup;

/**
 * Entry point of the runnable jar ({@code java -jar lib/target/ecglab-VERSION.jar ...}).
 *
 * <p>Before DJL loads, gives it the lab's settings ({@link EngineSetup#configure}): offline (nothing may be
 * downloaded at run time; the PyTorch natives come from the {@code pytorch-native-cpu} jar), one intra-op and one
 * inter-op thread unless {@code java -D...} or {@code ECGLAB_THREADS} say otherwise (see {@link EngineSettings}),
 * which keeps results bit-reproducible and shared machines usable, and the library's log levels, so stderr holds
 * only progress bars and real problems. The engine itself starts only when a command needs it.
 */
public final class Main {
    private Main() {
    }

    /** Runs {@code ecglab} and exits with its {@link ExitCodes exit code}. */
    public static void main(String[] args) {
        EngineSettings settings;
        try {
            settings = EngineSettings.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(ExitCodes.DATA_ERROR);
            return;
        }
        EngineSetup.configure(settings);
        System.exit(EcgLabCommand.commandLine().execute(args));
    }
}
