package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecglab.BenchmarkJvm;
import org.ecglab.ExternalTools;
import org.ecglab.attribution.gradient.Saliency;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.ecglab.interop.InteropBundle;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.runtime.CpuDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The cost of one forward and backward pass per ECG (saliency: the input gradient of one logit) in the lab and in
 * PyTorch ({@code /usr/bin/python3} with Debian's {@code python3-torch}, or {@code -Decglab.python=PATH}) on the same
 * network and weights (the default CNN, seeded, written as an interop bundle and rebuilt by
 * {@code lib/src/test/python/pass_benchmark.py} with {@code check_bundle.py}'s code), the same ECGs, internal batch
 * and thread count. Rounds alternate between the two, so other users' load hits both alike; each side keeps its
 * fastest round. Then, in the same JVM, the time of each of {@value #STALL_BATCHES} consecutive saliency batches of
 * {@value #BATCH} ECGs (median, 99th percentile, maximum, and whether a garbage collection ran during the slow ones),
 * with the JVM's GC log ({@code -Xlog:gc}) summarised. A benchmark, not part of the normal test run:
 *
 * <pre>mvn -q -B -o -pl lib test -Dtest=PassCostBenchmark -Decglab.benchmark=true</pre>
 *
 * It writes {@code build/benchmarks/pass-cost.md}. Without NumPy and PyTorch the PyTorch column says why and the rest
 * is measured.
 */
@EnabledIfSystemProperty(named = "ecglab.benchmark", matches = "true")
class PassCostBenchmark {
    private static final int ECGS = 256;
    private static final int BATCH = GradientComputer.DEFAULT_INTERNAL_BATCH_SIZE;
    private static final int ROUNDS = Integer.getInteger("ecglab.benchmark.rounds", 10);
    private static final int STALL_BATCHES = 500;
    private static final Path SCRIPT = Path.of("src/test/python/pass_benchmark.py");
    private static final Pattern GC_PAUSE = Pattern.compile("\\[gc\\s*\\].*Pause.* ([0-9.]+)ms");
    private static final List<Integer> THREADS = List.of(1, 2);

    @Test
    void measure() throws IOException, InterruptedException {
        StringBuilder passes = new StringBuilder();
        StringBuilder stalls = new StringBuilder();
        String torchNote = "";
        for (int threads : THREADS) {
            String output = BenchmarkJvm.run(PassCostBenchmark.class, threads, List.of("-Xlog:gc"),
                    "ecglab.python=" + ExternalTools.PYTHON);
            List<String> results = BenchmarkJvm.resultLines(output);
            assertEquals(2, results.size(), output);
            String[] p = results.get(0).split(" ", 9);
            double ours = Double.parseDouble(p[3]);
            double torch = Double.parseDouble(p[5]);
            double oursCpu = Double.parseDouble(p[6]);
            double torchCpu = Double.parseDouble(p[7]);
            passes.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %s | %s | %.0f | %s | %s |%n", threads,
                    ours, Double.parseDouble(p[4]), micros(torch), ratio(ours, torch), oursCpu, micros(torchCpu),
                    ratio(oursCpu, torchCpu)));
            torchNote = p[8].replace('\u00a0', ' ');
            String[] s = results.get(1).split(" ");
            double[] pauses = output.lines().map(GC_PAUSE::matcher).filter(Matcher::find)
                    .mapToDouble(m -> Double.parseDouble(m.group(1))).toArray();
            stalls.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s | %s | %d, longest %.1f ms |%n",
                    threads, s[3], s[4], s[5], s[8], s[9], s[6], s[7], pauses.length,
                    Arrays.stream(pauses).max().orElse(0)));
        }
        StringBuilder sb = new StringBuilder("# One forward and backward pass: the lab and PyTorch\n\n");
        sb.append(String.format(Locale.ROOT, "%s; %s; %d cores visible to the JVM (shared machine: load average %s "
                + "when the report was written); Java %s; DJL %s, PyTorch %s in the lab; %s.%n%n", LocalDate.now(),
                CpuDescription.current(), Runtime.getRuntime().availableProcessors(),
                GradientMethodsBenchmark.loadAverage(), System.getProperty("java.version"), Engine.getDjlVersion(),
                Engine.getInstance().getVersion(), torchNote));
        sb.append(String.format(Locale.ROOT, "Saliency (|d logit / d x|, one forward and one backward pass) on %d "
                + "synthetic ECGs in batches of %d, default CNN (1 output), the same weights on both sides; fastest of "
                + "%d alternating rounds, in microseconds per ECG of wall time and of the process's CPU time (every "
                + "thread, counted in 10 ms ticks; less sensitive to other users' load than wall time, which counts the "
                + "waits for a core). \"Gradients only\" is the lab's GradientComputer without the result's checks "
                + "and provenance hashes.%n%n", ECGS, BATCH, ROUNDS));
        sb.append("| intra-op threads | lab, saliency (µs/ECG) | lab, gradients only | PyTorch (µs/ECG) | lab / PyTorch "
                + "| lab, CPU µs/ECG | PyTorch, CPU µs/ECG | lab / PyTorch, CPU |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n").append(passes);
        sb.append(String.format(Locale.ROOT, "%n%d consecutive saliency calls of %d ECGs in one JVM (after the rounds "
                + "above), milliseconds per call; \"with a GC\": calls during which a garbage collection ran; GC "
                + "pauses from -Xlog:gc over the whole child JVM; CPU time: the process's (every thread, native ones included), so a "
                + "call whose wall time is far above its CPU time waited for a core.%n%n", STALL_BATCHES, BATCH));
        sb.append("| intra-op threads | median | 99th percentile | max | CPU time of the slowest | most CPU time of one "
                + "call | max without a GC | calls with a GC | GC pauses |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---|\n").append(stalls);
        BenchmarkJvm.report("pass-cost.md", sb.toString());
    }

    /**
     * Child JVM: "RESULT pass threads labMicros gradientsMicros torchMicros labCpuMicros torchCpuMicros note" (torch NaN when
     * unavailable) and
     * "RESULT stalls threads medianMs p99Ms maxMs maxWithoutGcMs callsWithGc cpuMsOfSlowest maxCpuMs".
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int threads = Integer.getInteger("ai.djl.pytorch.num_threads", 1);
        float[][][] x = Arrays.copyOf(new SyntheticEcgGenerator(SyntheticConfig.defaults()).dataset(ECGS / 9 + 1, 7)
                .signals(), ECGS);
        int[] targets = new int[ECGS];
        Engine.getInstance().setRandomSeed(1);
        Architecture arch = Architecture.defaultCnn(1);
        Path dir = Files.createTempDirectory("ecglab-pass-cost");
        try (EcgClassifier model = EcgClassifier.of("bench", arch, List.of("LBBB"))) {
            Path bundle = dir.resolve("bundle");
            InteropBundle.write(bundle, arch, model, List.of("LBBB"), x, targets, Map.of());
            Saliency saliency = new Saliency();
            GradientComputer gradients = new GradientComputer(BATCH);
            saliency.attribute(model, x, targets); // warm-up
            double lab = Double.POSITIVE_INFINITY;
            double gradientsOnly = Double.POSITIVE_INFINITY;
            double torch = Double.POSITIVE_INFINITY;
            double labCpu = Double.POSITIVE_INFINITY;
            double torchCpu = Double.POSITIVE_INFINITY;
            try (TorchSide side = TorchSide.start(bundle, threads)) {
                for (int round = 0; round < ROUNDS; round++) {
                    long cpu = OS.getProcessCpuTime();
                    long start = System.nanoTime();
                    saliency.attribute(model, x, targets);
                    lab = Math.min(lab, (System.nanoTime() - start) / 1e3 / ECGS);
                    labCpu = Math.min(labCpu, (OS.getProcessCpuTime() - cpu) / 1e3 / ECGS);
                    start = System.nanoTime();
                    gradients.gradients(model, x, targets);
                    gradientsOnly = Math.min(gradientsOnly, (System.nanoTime() - start) / 1e3 / ECGS);
                    double[] t = side.round();
                    torch = Math.min(torch, t[0] * 1e6 / ECGS);
                    torchCpu = Math.min(torchCpu, t[1] * 1e6 / ECGS);
                }
                System.out.println(String.format(Locale.ROOT, "RESULT pass %d %.3f %.3f %.3f %.3f %.3f %s", threads,
                        lab, gradientsOnly, torch, labCpu, torchCpu, side.note()));
            }
            stalls(saliency, model, x, threads);
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String micros(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String ratio(double ours, double torch) {
        return Double.isNaN(torch) ? "–" : String.format(Locale.ROOT, "%.2f", ours / torch);
    }

    private static void stalls(Saliency saliency, EcgClassifier model, float[][][] x, int threads) {
        double[] ms = new double[STALL_BATCHES];
        double[] cpuMs = new double[STALL_BATCHES];
        boolean[] collected = new boolean[STALL_BATCHES];
        int[] targets = new int[BATCH];
        for (int i = 0; i < STALL_BATCHES; i++) {
            int first = (i * BATCH) % ECGS;
            float[][][] batch = Arrays.copyOfRange(x, first, first + BATCH);
            long gcBefore = collections();
            long cpuBefore = OS.getProcessCpuTime();
            long start = System.nanoTime();
            saliency.attribute(model, batch, targets);
            ms[i] = (System.nanoTime() - start) / 1e6;
            cpuMs[i] = (OS.getProcessCpuTime() - cpuBefore) / 1e6;
            collected[i] = collections() != gcBefore;
        }
        int slowest = 0;
        double maxCpu = 0;
        for (int i = 0; i < STALL_BATCHES; i++) {
            slowest = ms[i] > ms[slowest] ? i : slowest;
            maxCpu = Math.max(maxCpu, cpuMs[i]);
        }
        double maxWithoutGc = 0;
        int withGc = 0;
        for (int i = 0; i < STALL_BATCHES; i++) {
            if (collected[i]) {
                withGc++;
            } else {
                maxWithoutGc = Math.max(maxWithoutGc, ms[i]);
            }
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.println(String.format(Locale.ROOT, "RESULT stalls %d %.2f %.2f %.2f %.2f %d %.2f %.2f", threads,
                sorted[STALL_BATCHES / 2], sorted[(int) Math.ceil(0.99 * STALL_BATCHES) - 1],
                sorted[STALL_BATCHES - 1], maxWithoutGc, withGc, cpuMs[slowest], maxCpu));
    }

    /** The process's CPU time (all threads, native ones included), to tell work from waiting for a core. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    /** The PyTorch process: one round per line written to it, its time read back; absent when it cannot start. */
    private static final class TorchSide implements AutoCloseable {
        private final Process process;
        private final Writer in;
        private final BufferedReader out;
        private final String note;

        private TorchSide(Process process, String note) {
            this.process = process;
            this.in = process == null ? null
                    : new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.out = process == null ? null
                    : new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.note = note;
        }

        static TorchSide start(Path bundle, int threads) throws IOException, InterruptedException {
            String python = System.getProperty("ecglab.python", "/usr/bin/python3");
            Process p;
            try {
                p = new ProcessBuilder(python, SCRIPT.toString(), bundle.toString(), "--threads",
                        Integer.toString(threads), "--batch", Integer.toString(BATCH))
                        .redirectError(ProcessBuilder.Redirect.PIPE).start();
            } catch (IOException e) {
                return new TorchSide(null, "PyTorch not measured: " + python + " cannot be started (" + e.getMessage()
                        + "); install python3-torch");
            }
            TorchSide side = new TorchSide(p, null);
            String ready = side.out.readLine();
            if (ready == null || !ready.startsWith("ready ")) {
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                p.waitFor();
                return new TorchSide(null, "PyTorch not measured: " + python + " " + SCRIPT + " exited with status "
                        + p.exitValue() + " (" + err.replace('\n', ' ') + ")" + (p.exitValue() == 3
                        ? "; install python3-torch and python3-numpy" : ""));
            }
            return new TorchSide(p, "PyTorch " + ready.substring("ready torch ".length()) + " (" + python + ")");
        }

        /** Wall and CPU seconds of one PyTorch round, or NaN without PyTorch. */
        double[] round() throws IOException {
            if (process == null) {
                return new double[] {Double.NaN, Double.NaN};
            }
            in.write("round\n");
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new IOException("the PyTorch benchmark process ended early");
            }
            String[] f = line.split(" ");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
        }

        String note() {
            return note.replace(' ', '\u00a0');
        }

        @Override
        public void close() throws IOException, InterruptedException {
            if (process != null) {
                in.close();
                process.waitFor();
            }
        }
    }
}
