package org.ecglab.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.ecglab.BenchmarkJvm;
import org.ecglab.ExternalTools;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.runtime.CpuDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Ours against PyTorch on the same CPU, side by side (a benchmark, not part of the normal test run): the default CNN
 * trained and run by the lab (a {@link TrainingBenchmark} child JVM) and the same network rebuilt from the
 * {@link BenchmarkWorkload}'s interop bundle in PyTorch ({@code src/test/python/torch_benchmark.py} under
 * {@code /usr/bin/python3}, or {@code -Decglab.python}), on the same ECGs, split, batch sizes (32 for training,
 * 256 for inference), optimiser (Adam, learning rate 1e-3), loss (binary cross entropy on logits) and thread counts
 * (1 and 2 intra-op threads, one inter-op thread, {@code OMP_NUM_THREADS} and passive OpenMP waiting for both, or the
 * policy {@code -Decglab.benchmark.omp_wait_policy} names, see {@link BenchmarkJvm#runChild}).
 * Both warm up with one untimed epoch ({@code -Decglab.benchmark.warmup_epochs=N} for more) and one untimed inference
 * pass (a notebook trains many models in one JVM).
 * Rounds interleave the two (ours first in odd rounds, PyTorch first in even ones), so the other users' load hits
 * both alike; each ratio is the median over rounds of that round's ours / PyTorch throughput (> 1: we are faster).
 * Run from the project root with
 *
 * <pre>mvn -q -B -o -pl lib test -Dtest=SideBySideBenchmark -Decglab.benchmark=true [-Decglab.benchmark.rounds=5]</pre>
 *
 * It writes {@code build/benchmarks/side-by-side.md}. Where the Python cannot import torch, PyTorch's side is skipped
 * with a message in the report and on stdout, and only ours is measured.
 */
@EnabledIfSystemProperty(named = "ecglab.benchmark", matches = "true")
class SideBySideBenchmark {
    private static final int ROUNDS = Integer.getInteger("ecglab.benchmark.rounds", 3);
    private static final List<Integer> THREADS = List.of(1, 2);
    private static final Path SCRIPT = Path.of("src/test/python/torch_benchmark.py");

    /** PyTorch's measurements in one child process. */
    private record TorchResult(int threads, double trainPerSecond, double inferPerSecond, double rssPeakMb) {
        static TorchResult parse(String line) {
            String[] f = line.trim().split(" ");
            return new TorchResult(Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]));
        }
    }

    /** Both sides' measurements in one round at one thread count ({@code torch} null when skipped). */
    private record Pair(int round, int threads, TrainingBenchmark.Result ours, TorchResult torch) {
    }

    @Test
    void oursAgainstPyTorch() throws IOException, InterruptedException {
        Path workload = BenchmarkJvm.folder().resolve("workload");
        BenchmarkWorkload.write(workload);
        String torchMissing = torchMissing();
        if (torchMissing != null) {
            System.out.println("PyTorch's side skipped: " + torchMissing);
        }
        String loadBefore = loadAverage();
        List<Pair> pairs = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            for (int threads : THREADS) {
                TrainingBenchmark.Result ours = null;
                TorchResult torch = null;
                boolean oursFirst = round % 2 == 1;
                for (int turn = 0; turn < 2; turn++) {
                    if ((turn == 0) == oursFirst) {
                        ours = TrainingBenchmark.runChild(workload, threads, "auto");
                    } else if (torchMissing == null) {
                        torch = runTorch(workload, threads);
                    }
                }
                pairs.add(new Pair(round, threads, ours, torch));
                System.out.println("round " + round + ", " + threads + " thread(s): " + ours + " / " + torch);
            }
        }
        String selfCheck = selfCheckSummary(workload);
        BenchmarkJvm.report("side-by-side.md", markdown(BenchmarkWorkload.read(workload), pairs, torchMissing, selfCheck, loadBefore, loadAverage()));
        for (Pair p : pairs) {
            assertTrue(p.ours().trainPerSecond() > 0 && p.ours().inferPerSecond() > 0, p.toString());
            assertTrue(p.torch() == null || p.torch().trainPerSecond() > 0 && p.torch().inferPerSecond() > 0,
                    p.toString());
        }
    }

    /** Why PyTorch's side cannot run here, or null when it can. */
    private static String torchMissing() throws InterruptedException {
        try {
            ExternalTools.Result r = ExternalTools.run(List.of(ExternalTools.PYTHON, "-c", "import numpy, torch"), 120);
            if (r.exit() == 0) {
                return null;
            }
            return ExternalTools.PYTHON + " cannot import numpy and torch (Debian: apt-get install python3-torch "
                    + "python3-numpy)";
        } catch (IOException e) {
            return ExternalTools.PYTHON + " cannot be started: " + e.getMessage();
        }
    }

    private static TorchResult runTorch(Path workload, int threads) throws IOException, InterruptedException {
        String output = BenchmarkJvm.runChild(List.of(ExternalTools.PYTHON, SCRIPT.toString(), workload.toString(),
                "--threads", Integer.toString(threads), "--epochs", Integer.toString(TrainingBenchmark.EPOCHS),
                "--warmup-epochs", Integer.toString(TrainingBenchmark.WARMUP_EPOCHS),
                "--inference-repeats", Integer.toString(TrainingBenchmark.INFERENCE_REPEATS)), threads);
        return TorchResult.parse(BenchmarkJvm.resultLines(output).get(0));
    }

    /** The gradient self-check's outcome in a child JVM like ours (one thread), after it trained. */
    private static String selfCheckSummary(Path workload) throws IOException, InterruptedException {
        String output = BenchmarkJvm.run(TrainingBenchmark.class, 1, List.of(), List.of(),
                List.of(workload.toString()));
        return output.lines().filter(l -> l.startsWith(TrainingBenchmark.SELF_CHECK)).findFirst()
                .map(l -> l.substring(TrainingBenchmark.SELF_CHECK.length()).trim()).orElse("not reported");
    }

    /** {@code /proc/loadavg}'s 1, 5 and 15 minute averages, or "unknown". */
    private static String loadAverage() throws IOException {
        Path p = Path.of("/proc/loadavg");
        if (!Files.isReadable(p)) {
            return "unknown";
        }
        String[] f = Files.readString(p).trim().split("\\s+");
        return f[0] + ", " + f[1] + ", " + f[2];
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static List<Double> column(List<Pair> pairs, ToDoubleFunction<Pair> f) {
        return pairs.stream().map(p -> f.applyAsDouble(p)).toList();
    }

    private static String markdown(BenchmarkWorkload data, List<Pair> pairs, String torchMissing, String selfCheck, String loadBefore,
            String loadAfter) {
        StringBuilder sb = new StringBuilder("# Side by side: ours against PyTorch\n\n");
        sb.append(String.format(Locale.ROOT, "%s; %s; %d cores visible; load average (1, 5, 15 min) %s before, %s "
                + "after; %d rounds, ours and PyTorch alternating; OpenMP wait policy %s for both.%n%n",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), CpuDescription.current(),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, ROUNDS,
                BenchmarkJvm.ompWaitPolicy().isEmpty() ? "the runtime's default" : BenchmarkJvm.ompWaitPolicy()));
        sb.append("Gradient self-check (ours): ").append(selfCheck).append(".\n\n");
        sb.append(String.format(Locale.ROOT, "Default CNN (%,d parameters), %d ECGs x %d epochs at batch 32 for "
                + "training (Adam 1e-3, BCE with logits), %d passes over %d ECGs at batch %d for inference; "
                + "both sides start from the same weights, read the same ECGs and warm up with %d untimed epoch(s) "
                + "and one untimed inference pass.%n%n",
                Architecture.defaultCnn(1).trainableParameters(), data.trainRows().length,
                TrainingBenchmark.EPOCHS, TrainingBenchmark.INFERENCE_REPEATS, data.signals().length,
                EcgClassifier.INFERENCE_BATCH, TrainingBenchmark.WARMUP_EPOCHS));
        if (torchMissing != null) {
            sb.append("**PyTorch's side skipped**: ").append(torchMissing).append(".\n\n");
        }
        sb.append("| threads | training ECGs/s, ours | PyTorch | ratio | inference ECGs/s, ours | PyTorch | ratio "
                + "| peak RSS (MB), ours | PyTorch |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int threads : THREADS) {
            List<Pair> rows = pairs.stream().filter(p -> p.threads() == threads).toList();
            boolean torch = torchMissing == null;
            sb.append(String.format(Locale.ROOT, "| %d | %.0f | %s | %s | %.0f | %s | %s | %.0f | %s |%n", threads,
                    median(column(rows, p -> p.ours().trainPerSecond())),
                    torch ? format(median(column(rows, p -> p.torch().trainPerSecond())), "%.0f") : "–",
                    torch ? ratio(rows, p -> p.ours().trainPerSecond() / p.torch().trainPerSecond()) : "–",
                    median(column(rows, p -> p.ours().inferPerSecond())),
                    torch ? format(median(column(rows, p -> p.torch().inferPerSecond())), "%.0f") : "–",
                    torch ? ratio(rows, p -> p.ours().inferPerSecond() / p.torch().inferPerSecond()) : "–",
                    column(rows, p -> p.ours().rssPeakMb()).stream().mapToDouble(Double::doubleValue).max()
                            .orElse(-1),
                    torch ? format(column(rows, p -> p.torch().rssPeakMb()).stream().mapToDouble(Double::doubleValue)
                            .max().orElse(-1), "%.0f") : "–"));
        }
        sb.append("\nThroughputs are medians over rounds; a ratio is the median of the rounds' ours / PyTorch "
                + "(range in brackets; > 1: we are faster); peak RSS is the largest of the rounds.\n");
        return sb.toString();
    }

    private static String ratio(List<Pair> rows, ToDoubleFunction<Pair> f) {
        List<Double> r = column(rows, f);
        double[] sorted = r.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "**%.2f** (%.2f–%.2f)", median(r), sorted[0], sorted[sorted.length - 1]);
    }

    private static String format(double v, String pattern) {
        return String.format(Locale.ROOT, pattern, v);
    }

}
