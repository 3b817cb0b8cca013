package org.ecglab.attribution;

import org.ecglab.runtime.EngineSetup;
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
 * {@code lib/src/test/python/pass_benchmark.py} with {@code check_bundle.py}'s code), the same ECGs and thread
 * count, at each internal batch of {@link #BATCHES} (ECGs per forward and backward pass). Rounds alternate between
 * the two, so other users' load hits both alike; each side keeps its fastest round per batch. The verdict compares
 * the lab at its default internal batch ({@link GradientComputer#DEFAULT_INTERNAL_BATCH_SIZE}, what a user gets)
 * with PyTorch at whichever batch is fastest for it. Then, in the same JVM, the time of each of
 * {@value #STALL_BATCHES} consecutive saliency calls of {@value #STALL_ECGS} ECGs (median, 99th percentile, maximum,
 * and whether a garbage collection ran during the slow ones), with the JVM's GC log ({@code -Xlog:gc}) summarised.
 * A benchmark, not part of the normal test run:
 *
 * <pre>mvn -q -B -o -pl lib test -Dtest=PassCostBenchmark -Decglab.benchmark=true</pre>
 *
 * It writes {@code build/benchmarks/pass-cost.md}. Without NumPy and PyTorch the PyTorch column says why and the rest
 * is measured.
 */
@EnabledIfSystemProperty(named = "ecglab.benchmark", matches = "true")
class PassCostBenchmark {
    private static final int ECGS = 256;
    private static final int DEFAULT_BATCH = GradientComputer.DEFAULT_INTERNAL_BATCH_SIZE;
    private static final List<Integer> BATCHES = List.of(16, 32, 64, 128, 256);
    /** ECGs per call in the stall measurement: an experiment's chunk. */
    private static final int STALL_ECGS = 16;
    private static final int ROUNDS = Integer.getInteger("ecglab.benchmark.rounds", 10);
    private static final int STALL_BATCHES = 500;
    private static final Path SCRIPT = Path.of("src/test/python/pass_benchmark.py");
    private static final Pattern GC_PAUSE = Pattern.compile("\\[gc\\s*\\].*Pause.* ([0-9.]+)ms");
    private static final List<Integer> THREADS = List.of(1, 2);

    @Test
    void measure() throws IOException, InterruptedException {
        StringBuilder passes = new StringBuilder();
        StringBuilder verdicts = new StringBuilder();
        StringBuilder stalls = new StringBuilder();
        String torchNote = "";
        for (int threads : THREADS) {
            String output = BenchmarkJvm.run(PassCostBenchmark.class, threads, List.of("-Xlog:gc"),
                    List.of("ecglab.python=" + ExternalTools.PYTHON), List.of());
            List<String> results = BenchmarkJvm.resultLines(output);
            assertEquals(BATCHES.size() + 2, results.size(), output);
            double labAtDefault = Double.NaN;
            double torchBest = Double.POSITIVE_INFINITY;
            int torchBestBatch = 0;
            for (String line : results.subList(0, BATCHES.size())) {
                String[] p = line.split(" ");
                int batch = Integer.parseInt(p[3]);
                double ours = Double.parseDouble(p[4]);
                double torch = Double.parseDouble(p[6]);
                double oursCpu = Double.parseDouble(p[7]);
                double torchCpu = Double.parseDouble(p[8]);
                passes.append(String.format(Locale.ROOT, "| %d | %d%s | %.0f | %.0f | %s | %s | %.0f | %s | %s |%n",
                        threads, batch, batch == DEFAULT_BATCH ? " (default)" : "", ours, Double.parseDouble(p[5]),
                        micros(torch), ratio(ours, torch), oursCpu, micros(torchCpu), ratio(oursCpu, torchCpu)));
                labAtDefault = batch == DEFAULT_BATCH ? ours : labAtDefault;
                if (torch < torchBest) {
                    torchBest = torch;
                    torchBestBatch = batch;
                }
            }
            verdicts.append(torchBestBatch == 0
                    ? String.format(Locale.ROOT, "| %d | %.0f | – | – |%n", threads, labAtDefault)
                    : String.format(Locale.ROOT, "| %d | %.0f | %.0f (batch %d) | **%s** |%n", threads, labAtDefault,
                            torchBest, torchBestBatch, ratio(labAtDefault, torchBest)));
            torchNote = results.get(BATCHES.size()).split(" ", 3)[2];
            String[] s = results.get(BATCHES.size() + 1).split(" ");
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
                + "synthetic ECGs, default CNN (1 output), the same weights on both sides, in batches of each size "
                + "below (the lab's internal_batch_size; PyTorch's batch); fastest of %d alternating rounds, in "
                + "microseconds per ECG of wall time and of the process's CPU time (every thread, counted in 10 ms "
                + "ticks; less sensitive to other users' load than wall time, which counts the waits for a core). "
                + "\"Gradients only\" is the lab's GradientComputer without the result's checks and provenance hash."
                + "%n%n", ECGS, ROUNDS));
        sb.append("| intra-op threads | batch | lab, saliency (µs/ECG) | lab, gradients only | PyTorch (µs/ECG) "
                + "| lab / PyTorch | lab, CPU µs/ECG | PyTorch, CPU µs/ECG | lab / PyTorch, CPU |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n").append(passes);
        sb.append(String.format(Locale.ROOT, "%nThe verdict: the lab at its default internal batch (%d, what every "
                + "gradient method uses unless told otherwise) against PyTorch at the batch that is fastest for it "
                + "(wall time; <= 1: the lab's pass costs no more).%n%n", DEFAULT_BATCH));
        sb.append("| intra-op threads | lab at its default batch (µs/ECG) | PyTorch at its fastest batch | lab / PyTorch |\n");
        sb.append("|---:|---:|---:|---:|\n").append(verdicts);
        sb.append(String.format(Locale.ROOT, "%n%d consecutive saliency calls of %d ECGs in one JVM (after the rounds "
                + "above), milliseconds per call; \"with a GC\": calls during which a garbage collection ran; GC "
                + "pauses from -Xlog:gc over the whole child JVM; CPU time: the process's (every thread, native ones included), so a "
                + "call whose wall time is far above its CPU time waited for a core.%n%n", STALL_BATCHES, STALL_ECGS));
        sb.append("| intra-op threads | median | 99th percentile | max | CPU time of the slowest | most CPU time of one "
                + "call | max without a GC | calls with a GC | GC pauses |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---|\n").append(stalls);
        BenchmarkJvm.report("pass-cost.md", sb.toString());
    }

    /**
     * Child JVM: per batch "RESULT pass threads batch labMicros gradientsMicros torchMicros labCpuMicros torchCpuMicros"
     * (torch NaN when unavailable), then "RESULT torch note" and
     * "RESULT stalls threads medianMs p99Ms maxMs maxWithoutGcMs callsWithGc cpuMsOfSlowest maxCpuMs".
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int threads = Integer.getInteger("ai.djl.pytorch.num_threads", 1);
        float[][][] x = Arrays.copyOf(new SyntheticEcgGenerator(SyntheticConfig.defaults()).dataset(ECGS / 9 + 1, 7)
                .signals(), ECGS);
        int[] targets = new int[ECGS];
        EngineSetup.start(); // as a notebook or the CLI: threads from -Dai.djl.pytorch.num_threads, allocator
        Engine.getInstance().setRandomSeed(1);
        Architecture arch = Architecture.defaultCnn(1);
        Path dir = Files.createTempDirectory("ecglab-pass-cost");
        try (EcgClassifier model = EcgClassifier.of("bench", arch, List.of("LBBB"))) {
            Path bundle = dir.resolve("bundle");
            InteropBundle.write(bundle, arch, model, List.of("LBBB"), x, targets, Map.of());
            int n = BATCHES.size();
            double[] lab = filled(n);
            double[] gradientsOnly = filled(n);
            double[] torch = filled(n);
            double[] labCpu = filled(n);
            double[] torchCpu = filled(n);
            try (TorchSide side = TorchSide.start(bundle, threads)) {
                for (int round = 0; round < ROUNDS; round++) {
                    for (int b = 0; b < n; b++) {
                        int batch = BATCHES.get(b);
                        Saliency saliency = new Saliency(true, batch);
                        long cpu = OS.getProcessCpuTime();
                        long start = System.nanoTime();
                        saliency.attribute(model, x, targets);
                        lab[b] = Math.min(lab[b], (System.nanoTime() - start) / 1e3 / ECGS);
                        labCpu[b] = Math.min(labCpu[b], (OS.getProcessCpuTime() - cpu) / 1e3 / ECGS);
                        start = System.nanoTime();
                        new GradientComputer(batch).gradients(model, x, targets);
                        gradientsOnly[b] = Math.min(gradientsOnly[b], (System.nanoTime() - start) / 1e3 / ECGS);
                        double[] t = side.round(batch);
                        torch[b] = Math.min(torch[b], t[0] * 1e6 / ECGS);
                        torchCpu[b] = Math.min(torchCpu[b], t[1] * 1e6 / ECGS);
                    }
                }
                for (int b = 0; b < n; b++) {
                    System.out.println(String.format(Locale.ROOT, "RESULT pass %d %d %.3f %.3f %.3f %.3f %.3f",
                            threads, BATCHES.get(b), lab[b], gradientsOnly[b], torch[b], labCpu[b], torchCpu[b]));
                }
                System.out.println("RESULT torch " + side.note());
            }
            stalls(new Saliency(), model, x, threads);
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static double[] filled(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.POSITIVE_INFINITY);
        return a;
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
        int[] targets = new int[STALL_ECGS];
        for (int i = 0; i < STALL_BATCHES; i++) {
            int first = (i * STALL_ECGS) % ECGS;
            float[][][] batch = Arrays.copyOfRange(x, first, first + STALL_ECGS);
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
                        Integer.toString(threads), "--batch", Integer.toString(DEFAULT_BATCH))
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

        /** Wall and CPU seconds of one PyTorch round in batches of {@code batch}, or NaN without PyTorch. */
        double[] round(int batch) throws IOException {
            if (process == null) {
                return new double[] {Double.NaN, Double.NaN};
            }
            in.write("round " + batch + "\n");
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new IOException("the PyTorch benchmark process ended early");
            }
            String[] f = line.split(" ");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
        }

        String note() {
            return note;
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
