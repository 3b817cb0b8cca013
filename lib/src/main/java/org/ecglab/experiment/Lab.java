package org.ecglab.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.ecglab.runtime.EngineSetup;

/**
 * Where a notebook or script keeps its files and how big its runs are, read from the environment the notebook
 * runner sets: {@code ECGLAB_HOME} (repository root, default: the parent of the working directory when that is
 * {@code notebooks/}, else the working directory), {@code ECGLAB_BUILD} (default {@code <home>/build}) and
 * {@code ECGLAB_SIZE} ({@code smoke} for the small sizes of the tests, {@code full} otherwise).
 *
 * @param home  repository root, where {@code data/} lives
 * @param build folder for models, caches and figures
 * @param smoke whether to use the small sizes
 */
public record Lab(Path home, Path build, boolean smoke) {

    /**
     * Where a notebook starts: reads the settings from the environment ({@link #fromEnvironment()}) and starts the
     * PyTorch engine with the lab's thread counts and offline mode ({@link EngineSetup#start()}), whatever JVM
     * options the kernel was started with, so a notebook gives the same numbers under any kernel. Print
     * {@link EngineSetup#effective()} to show what the engine runs with.
     *
     * @throws IllegalArgumentException if a variable has an invalid value (the message names it)
     */
    public static Lab start() {
        Lab lab = fromEnvironment();
        EngineSetup.start();
        return lab;
    }

    /** Reads the settings from {@link System#getenv()}. */
    public static Lab fromEnvironment() {
        return fromEnvironment(System.getenv(), Path.of("").toAbsolutePath());
    }

    /**
     * Reads the settings from the given variables.
     *
     * @throws IllegalArgumentException if {@code ECGLAB_SIZE} is neither {@code smoke} nor {@code full}
     */
    public static Lab fromEnvironment(Map<String, String> env, Path workingDir) {
        Path home = env.containsKey("ECGLAB_HOME") ? Path.of(env.get("ECGLAB_HOME"))
                : workingDir.getFileName() != null && workingDir.getFileName().toString().equals("notebooks")
                        ? workingDir.getParent() : workingDir;
        home = home.toAbsolutePath().normalize();
        Path build = env.containsKey("ECGLAB_BUILD") ? Path.of(env.get("ECGLAB_BUILD")) : home.resolve("build");
        String size = env.getOrDefault("ECGLAB_SIZE", "full").trim().toLowerCase(Locale.ROOT);
        if (!size.equals("smoke") && !size.equals("full")) {
            throw new IllegalArgumentException("ECGLAB_SIZE must be 'smoke' or 'full', got '" + size + "'");
        }
        return new Lab(home, build.toAbsolutePath().normalize(), size.equals("smoke"));
    }

    /** {@code smokeValue} in smoke size, else {@code fullValue}. */
    public int size(int smokeValue, int fullValue) {
        return smoke ? smokeValue : fullValue;
    }

    /** The size name, {@code smoke} or {@code full}. */
    public String sizeName() {
        return smoke ? "smoke" : "full";
    }

    /**
     * A folder under the build folder, created if missing; runs of different sizes never share one, so a smoke run
     * cannot hand its small models to a full run.
     */
    public Path dir(String name) {
        Path dir = build.resolve(sizeName()).resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }

    /** Folder for the figures of one notebook, e.g. {@code figures("01-quickstart")}. */
    public Path figures(String notebook) {
        return dir("figures/" + notebook);
    }

    /** Model registry folder shared by all notebooks. */
    public Path models() {
        return dir("models");
    }

    /** Experiment cache folder shared by all notebooks. */
    public Path cache() {
        return dir("cache");
    }

    @Override
    public String toString() {
        return "Lab[home=" + home + ", build=" + build + ", size=" + sizeName() + "]";
    }
}
