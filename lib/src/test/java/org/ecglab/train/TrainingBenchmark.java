package org.ecglab.train;

import org.ecglab.runtime.CpuDescription;
import org.ecglab.runtime.EngineSetup;
import org.ecglab.runtime.GradientSelfCheck;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.training.Trainer;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ecglab.BenchmarkJvm;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Training and inference throughput of the default CNN with 1 and 2 intra-op threads, and peak memory (a benchmark,
 * not part of the normal test run). DJL fixes PyTorch's thread count when the engine starts, so each thread count
 * runs in its own child JVM ({@link #main}); this test starts them one after the other and writes a Markdown table
 * to stdout and to {@code build/benchmarks/training.md} at the project root. Run from the project root with
 *
 * <pre>mvn -q -B -o -pl lib test -Dtest=TrainingBenchmark -Decglab.benchmark=true</pre>
 *
 * Data: the {@link BenchmarkWorkload}. After {@link #WARMUP_EPOCHS} untimed epochs and one untimed inference pass
 * (warm-up). Training:
 * {@link TrainingSteps#epoch} over the training split at the default batch size (32), validation not
 * included. Inference: {@link EcgClassifier#predictLogits} over all records at {@link
 * EcgClassifier#INFERENCE_BATCH}. Peak heap is the sum of the heap pools' peak usage
 * ({@link MemoryPoolMXBean#getPeakUsage()}); peak RSS is {@code VmHWM} from {@code /proc/self/status}, which counts
 * PyTorch's native memory too.
 */
@EnabledIfSystemProperty(named = "ecglab.benchmark", matches = "true")
class TrainingBenchmark {
    /** Prefix of the child's line with {@link GradientSelfCheck#summary()}. */
    static final String SELF_CHECK = "SELFCHECK";
    static final int EPOCHS = 3;
    static final int INFERENCE_REPEATS = 3;
    /**
     * Untimed epochs before the timed ones, from {@code -Decglab.benchmark.warmup_epochs} (default 1). HotSpot's
     * optimising compiler is still busy for about ten epochs after the first (measured in issue 15); more warm-up
     * epochs measure the state a notebook reaches after its first models.
     */
    static final int WARMUP_EPOCHS = Integer.getInteger("ecglab.benchmark.warmup_epochs", 1);
    private static final List<Integer> THREADS = List.of(1, 2);
    /**
     * {@link GradientSelfCheck} settings to measure, from {@code -Decglab.benchmark.onednn} (default "auto,off"):
     * "off" is what a CPU that fails the self-check runs with.
     */
    private static final List<String> ONEDNN_MODES = List.of(
            System.getProperty("ecglab.benchmark.onednn", "auto,off").split(","));

    /** One child's measurements; {@code oneDnn} is "on" or "off" as the self-check left it. */
    record Result(int threads, String oneDnn, double trainPerSecond, double inferPerSecond,
            double heapPeakMb, double rssPeakMb) {
        String line() {
            return String.format(Locale.ROOT, "RESULT %d %s %.3f %.3f %.3f %.3f", threads, oneDnn, trainPerSecond,
                    inferPerSecond, heapPeakMb, rssPeakMb);
        }

        static Result parse(String line) {
            String[] f = line.trim().split(" ");
            return new Result(Integer.parseInt(f[1]), f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Double.parseDouble(f[6]));
        }
    }

    @Test
    void measureWithOneAndTwoThreads() throws IOException, InterruptedException {
        Path workload = BenchmarkJvm.folder().resolve("workload");
        BenchmarkWorkload.write(workload);
        List<Result> results = new ArrayList<>();
        for (String mode : ONEDNN_MODES) {
            for (int threads : THREADS) {
                results.add(runChild(workload, threads, mode));
            }
        }
        BenchmarkJvm.report("training.md", markdown(results));
        for (Result r : results) {
            assertTrue(r.trainPerSecond() > 0 && r.inferPerSecond() > r.trainPerSecond() && r.rssPeakMb() > 0,
                    r.toString());
        }
    }

    /** Our side in a child JVM with {@code threads} intra-op threads on the workload in {@code folder}. */
    static Result runChild(Path folder, int threads, String oneDnnMode) throws IOException, InterruptedException {
        if (WARMUP_EPOCHS < 1) {
            throw new IllegalArgumentException("ecglab.benchmark.warmup_epochs must be at least 1 (the gradient "
                    + "self-check runs in the first epoch), got " + WARMUP_EPOCHS);
        }
        String output = BenchmarkJvm.run(TrainingBenchmark.class, threads, List.of(),
                List.of(GradientSelfCheck.PROPERTY + "=" + oneDnnMode,
                        "ecglab.benchmark.warmup_epochs=" + WARMUP_EPOCHS), List.of(folder.toString()));
        return Result.parse(BenchmarkJvm.resultLines(output).get(0));
    }

    /**
     * Child JVM: measures with the thread count the engine was started with on the {@link BenchmarkWorkload} in
     * folder {@code args[0]}, prints one RESULT line.
     */
    public static void main(String[] args) throws IOException {
        EngineSetup.start(); // as a notebook's first cell: threads from -Dai.djl.pytorch.num_threads, allocator
        int threads = Integer.parseInt(System.getProperty("ai.djl.pytorch.num_threads", "1"));
        BenchmarkWorkload data = BenchmarkWorkload.read(Path.of(args[0]));
        float[][][] signals = data.signals();
        TrainingConfig config = TrainingConfig.defaults().withShowProgress(false);
        TrainingLoop loop = new TrainingLoop(config);
        double trainPerSecond;
        double inferPerSecond;
        try (Model model = Model.newInstance("bench", Device.cpu())) {
            model.setBlock(Architecture.defaultCnn(1).toBlock());
            try (Trainer trainer = model.newTrainer(loop.trainingConfig(new SigmoidBinaryCrossEntropyLoss("BCE",
                    1f, false)))) {
                TrainingLoop.initialize(trainer, 1);
                TrainingSteps steps = loop.steps(trainer); // its Adam state lives in the model's manager
                int[] order = data.trainRows().clone();
                // Warm-up, not timed: WARMUP_EPOCHS epochs in the original order (PyTorch's side does the same), so
                // that the gradient self-check, the JIT compiler and oneDNN's kernels for these shapes are done, as in
                // a notebook that trains many models in one JVM.
                for (int w = 0; w < WARMUP_EPOCHS; w++) {
                    steps.epoch(signals, data.trainLabels(), order);
                }
                SplittableRandom random = new SplittableRandom(1);
                long start = System.nanoTime();
                for (int e = 0; e < EPOCHS; e++) {
                    TrainingLoop.shuffle(order, random);
                    steps.epoch(signals, data.trainLabels(), order);
                }
                trainPerSecond = EPOCHS * (double) order.length / ((System.nanoTime() - start) / 1e9);
            }
            EcgClassifier classifier = EcgClassifier.of(model, List.of(BenchmarkWorkload.TASK.id()));
            classifier.predictLogits(signals, EcgClassifier.INFERENCE_BATCH); // warm-up: one pass, as PyTorch's side
            long start = System.nanoTime();
            for (int r = 0; r < INFERENCE_REPEATS; r++) {
                classifier.predictLogits(signals, EcgClassifier.INFERENCE_BATCH);
            }
            inferPerSecond = INFERENCE_REPEATS * (double) signals.length / ((System.nanoTime() - start) / 1e9);
        }
        double heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        String oneDnn = GradientSelfCheck.oneDnnConvolutions() ? "on" : "off";
        System.out.println(SELF_CHECK + " " + GradientSelfCheck.summary());
        System.out.println(new Result(threads, oneDnn, trainPerSecond, inferPerSecond, heapPeak / (1 << 20),
                vmHwmKb() / 1024.0).line());
    }

    /** Peak resident set size in kB ({@code VmHWM}), or -1 where {@code /proc} is not available. */
    private static long vmHwmKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
    }

    private static String markdown(List<Result> results) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Training benchmark\n\n");
        sb.append(String.format(Locale.ROOT, "%s; %s; %d cores visible to the JVM (%s); Java %s; DJL %s, "
                + "PyTorch engine %s.%n%n", LocalDate.now(), CpuDescription.current(), Runtime.getRuntime().availableProcessors(),
                "shared machine: numbers vary with the other users' load", System.getProperty("java.version"),
                Engine.getDjlVersion(), Engine.getInstance().getVersion()));
        BenchmarkWorkload data = BenchmarkWorkload.read(BenchmarkJvm.folder().resolve("workload"));
        sb.append(String.format(Locale.ROOT, "Default CNN (%,d parameters, 1 output, task LBBB), synthetic ECGs "
                + "(SyntheticEcgGenerator, defaults, %d per class, seed 7): "
                + "training = %d epochs over %d records at batch 32 (forward, backward, Adam step); inference = "
                + "%d passes over %d records at batch %d. Peak heap = sum of heap pools' peak use; peak RSS = "
                + "VmHWM (includes PyTorch's native memory). One child JVM per thread count.%n%n",
                Architecture.defaultCnn(1).trainableParameters(), BenchmarkWorkload.PER_CLASS, EPOCHS,
                data.trainRows().length, INFERENCE_REPEATS, data.signals().length, EcgClassifier.INFERENCE_BATCH));
        sb.append("| oneDNN convolutions | intra-op threads | training ECGs/s | inference ECGs/s | peak heap (MB) "
                + "| peak RSS (MB) |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f |%n", r.oneDnn(), r.threads(),
                    r.trainPerSecond(), r.inferPerSecond(), r.heapPeakMb(), r.rssPeakMb()));
        }
        return sb.toString();
    }
}
