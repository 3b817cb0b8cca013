package org.ecglab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecglab.runtime.ZeroL1CacheEmulation;

/**
 * What the benchmarks share: a measurement in a child JVM (DJL fixes the thread count when the engine starts, so each
 * setting needs its own JVM) and the report written to {@code build/benchmarks/}.
 */
public final class BenchmarkJvm {
    private BenchmarkJvm() {
    }

    /**
     * Runs {@code main}'s {@code main} method in a child JVM (2 GB heap, offline, {@code threads} intra-op threads,
     * one inter-op thread, passive OpenMP) with the test classpath, and returns its standard output.
     *
     * With {@code -Decglab.benchmark.emulate=zero-l1-cache} the child runs under the faulty-CPU emulation of issue 7
     * ({@link ZeroL1CacheEmulation}); {@code ONEDNN_MAX_CPU_ISA} and other environment variables pass through.
     *
     * @param properties extra {@code -D} options, e.g. {@code "ecglab.onednn=off"}
     */
    public static String run(Class<?> main, int threads, String... properties) throws IOException, InterruptedException {
        return run(main, threads, List.of(), List.of(properties), List.of());
    }

    /**
     * As {@link #run(Class, int, String...)}, in full.
     *
     * @param jvmOptions extra JVM options such as {@code -Xlog:gc}
     * @param properties extra {@code -D} options
     * @param args       the child's command-line arguments
     */
    public static String run(Class<?> main, int threads, List<String> jvmOptions, List<String> properties,
            List<String> args)
            throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(emulationPrefix());
        command.addAll(List.of(java.toString(), "-Xmx2g", "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=" + threads, "-Dai.djl.pytorch.num_interop_threads=1"));
        command.addAll(jvmOptions);
        for (String p : properties) {
            command.add("-D" + p);
        }
        command.addAll(List.of("-cp", classpath, main.getName()));
        command.addAll(args);
        return runChild(command, threads);
    }

    /**
     * Runs {@code command} (a benchmark child of any kind) with the environment every benchmark child gets:
     * {@code OMP_NUM_THREADS=threads} and passive OpenMP waiting, as the lab's notebooks run; returns its standard
     * output (standard error goes to ours). {@code -Decglab.benchmark.omp_wait_policy=ACTIVE} chooses another policy,
     * and an empty value leaves it to the OpenMP runtime's default (spin briefly, then sleep).
     */
    public static String runChild(List<String> command, int threads) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        String waitPolicy = ompWaitPolicy();
        if (waitPolicy.isEmpty()) {
            pb.environment().remove("OMP_WAIT_POLICY");
        } else {
            pb.environment().put("OMP_WAIT_POLICY", waitPolicy);
        }
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.MINUTES), "benchmark child did not finish");
        assertEquals(0, p.exitValue(), "benchmark child failed:\n" + output);
        return output;
    }

    /** The OpenMP wait policy benchmark children run with ("" for the runtime's default). */
    public static String ompWaitPolicy() {
        String policy = System.getProperty("ecglab.benchmark.omp_wait_policy", "PASSIVE");
        if (!policy.isEmpty() && !policy.equals("PASSIVE") && !policy.equals("ACTIVE")) {
            throw new IllegalArgumentException("ecglab.benchmark.omp_wait_policy must be PASSIVE, ACTIVE or empty, got '"
                    + policy + "'");
        }
        return policy;
    }

    private static List<String> emulationPrefix() throws IOException, InterruptedException {
        String emulate = System.getProperty("ecglab.benchmark.emulate", "");
        if (emulate.isEmpty()) {
            return List.of();
        }
        if (!emulate.equals(ZeroL1CacheEmulation.NAME)) {
            throw new IllegalArgumentException("ecglab.benchmark.emulate must be " + ZeroL1CacheEmulation.NAME
                    + " or empty, got '" + emulate + "'");
        }
        return ZeroL1CacheEmulation.gdbPrefix(Files.createTempDirectory("ecglab-emulation"));
    }

    /** The lines of a child's output that start with {@code "RESULT "}; at least one. */
    public static List<String> resultLines(String output) {
        List<String> lines = output.lines().filter(l -> l.startsWith("RESULT ")).toList();
        assertTrue(!lines.isEmpty(), "no RESULT line from the child:\n" + output);
        return lines;
    }

    /** {@code build/benchmarks/} of the project, where reports and workloads go. */
    public static Path folder() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent()
                .resolve("build/benchmarks");
    }

    /** Prints {@code markdown} and writes it atomically to {@code build/benchmarks/<file>} of the project. */
    public static Path report(String file, String markdown) throws IOException {
        System.out.println(markdown);
        Path out = folder().resolve(file);
        Files.createDirectories(out.getParent());
        Path tmp = Files.createTempFile(out.getParent(), file, ".tmp");
        Files.writeString(tmp, markdown, StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("written to " + out);
        return out;
    }
}
