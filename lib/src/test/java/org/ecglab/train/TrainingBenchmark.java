package org.ecglab.train;

import org.ecglab.runtime.CpuDescription;
import org.ecglab.runtime.GradientSelfCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
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
 * Data: the synthetic generator's ECGs. Training: {@link TrainingLoop#epoch} over the training split at the default batch size (32), validation not
 * included. Inference: {@link EcgClassifier#predictLogits} over all records at {@link
 * EcgClassifier#INFERENCE_BATCH}. Peak heap is the sum of the heap pools' peak usage
 * ({@link MemoryPoolMXBean#getPeakUsage()}); peak RSS is {@code VmHWM} from {@code /proc/self/status}, which counts
 * PyTorch's native memory too.
 */
@EnabledIfSystemProperty(named = "ecglab.benchmark", matches = "true")
class TrainingBenchmark {
    /** Synthetic ECGs per class; nine classes. */
    private static final int PER_CLASS = 142;
    private static final int EPOCHS = 3;
    private static final int INFERENCE_REPEATS = 3;
    private static final List<Integer> THREADS = List.of(1, 2);
    /**
     * {@link GradientSelfCheck} settings to measure, from {@code -Decglab.benchmark.onednn} (default "auto,off"):
     * "off" is what a CPU that fails the self-check runs with.
     */
    private static final List<String> ONEDNN_MODES = List.of(
            System.getProperty("ecglab.benchmark.onednn", "auto,off").split(","));

    /** One child's measurements; {@code oneDnn} is "on" or "off" as the self-check left it. */
    private record Result(int threads, String oneDnn, double trainPerSecond, double inferPerSecond,
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
        List<Result> results = new ArrayList<>();
        for (String mode : ONEDNN_MODES) {
            for (int threads : THREADS) {
                results.add(runChild(threads, mode));
            }
        }
        BenchmarkJvm.report("training.md", markdown(results));
        for (Result r : results) {
            assertTrue(r.trainPerSecond() > 0 && r.inferPerSecond() > r.trainPerSecond() && r.rssPeakMb() > 0,
                    r.toString());
        }
    }

    private static Result runChild(int threads, String oneDnnMode) throws IOException, InterruptedException {
        String output = BenchmarkJvm.run(TrainingBenchmark.class, threads, GradientSelfCheck.PROPERTY + "=" + oneDnnMode);
        return Result.parse(BenchmarkJvm.resultLines(output).get(0));
    }

    /** Child JVM: measures with the thread count the engine was started with, prints one RESULT line. */
    public static void main(String[] args) throws IOException {
        int threads = Integer.parseInt(System.getProperty("ai.djl.pytorch.num_threads", "1"));
        EcgDataset data = data();
        int[] train = data.indices(Split.TRAIN);
        int[] y = data.targets(DiagnosticClass.LBBB);
        float[][] targets = new float[y.length][];
        for (int i = 0; i < y.length; i++) {
            targets[i] = new float[] {y[i]};
        }
        TrainingConfig config = TrainingConfig.defaults().withShowProgress(false);
        TrainingLoop loop = new TrainingLoop(config);
        double trainPerSecond;
        double inferPerSecond;
        try (Model model = Model.newInstance("bench", Device.cpu())) {
            model.setBlock(Architecture.defaultCnn(1).toBlock());
            try (Trainer trainer = model.newTrainer(loop.trainingConfig(new SigmoidBinaryCrossEntropyLoss("BCE",
                    1f, false)))) {
                TrainingLoop.initialize(trainer, 1);
                int[] order = train.clone();
                loop.epoch(trainer, data.signals(), targets, java.util.Arrays.copyOf(order, 64)); // warm-up
                SplittableRandom random = new SplittableRandom(1);
                long start = System.nanoTime();
                for (int e = 0; e < EPOCHS; e++) {
                    TrainingLoop.shuffle(order, random);
                    loop.epoch(trainer, data.signals(), targets, order);
                }
                trainPerSecond = EPOCHS * (double) order.length / ((System.nanoTime() - start) / 1e9);
            }
            EcgClassifier classifier = EcgClassifier.of(model, List.of(DiagnosticClass.LBBB.id()));
            classifier.predictLogits(java.util.Arrays.copyOf(data.signals(), 64), EcgClassifier.INFERENCE_BATCH);
            long start = System.nanoTime();
            for (int r = 0; r < INFERENCE_REPEATS; r++) {
                classifier.predictLogits(data.signals(), EcgClassifier.INFERENCE_BATCH);
            }
            inferPerSecond = INFERENCE_REPEATS * (double) data.size() / ((System.nanoTime() - start) / 1e9);
        }
        double heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        String oneDnn = GradientSelfCheck.oneDnnConvolutions() ? "on" : "off";
        System.out.println(new Result(threads, oneDnn, trainPerSecond, inferPerSecond, heapPeak / (1 << 20),
                vmHwmKb() / 1024.0).line());
    }

    /** The benchmark's data: synthetic beats of the nine classes, the generator's 60/20/20 split. */
    private static EcgDataset data() {
        return new SyntheticEcgGenerator(SyntheticConfig.defaults()).dataset(PER_CLASS, 7);
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
        EcgDataset data = data();
        sb.append(String.format(Locale.ROOT, "Default CNN (%,d parameters, 1 output, task LBBB), synthetic ECGs "
                + "(SyntheticEcgGenerator, defaults, %d per class, seed 7): "
                + "training = %d epochs over %d records at batch 32 (forward, backward, Adam step); inference = "
                + "%d passes over %d records at batch %d. Peak heap = sum of heap pools' peak use; peak RSS = "
                + "VmHWM (includes PyTorch's native memory). One child JVM per thread count.%n%n",
                Architecture.defaultCnn(1).trainableParameters(), PER_CLASS, EPOCHS,
                data.indices(Split.TRAIN).length, INFERENCE_REPEATS, data.size(), EcgClassifier.INFERENCE_BATCH));
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
