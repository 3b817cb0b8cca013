package org.ecglab.attribution;

import org.ecglab.attribution.path.IntegratedGradients;
import org.ecglab.attribution.gradient.Saliency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ecglab.BenchmarkJvm;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.ecglab.nn.Architecture;
import org.ecglab.runtime.CpuDescription;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.runtime.GradientSelfCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Attribution throughput on the default CNN (a benchmark, not part of the normal test run): ECGs per second for
 * saliency (one forward and backward pass per ECG) and integrated gradients (50 Gauss–Legendre steps, so 50 passes
 * per ECG), with 1 and 2 intra-op threads and with oneDNN convolutions as the {@link GradientSelfCheck} leaves them
 * ("auto") and off (what a CPU that fails the check runs with). Each setting runs in its own child JVM, because DJL
 * fixes the thread count when the engine starts. Run from the project root with
 *
 * <pre>mvn -q -B -o -pl lib test -Dtest=AttributionBenchmark -Decglab.benchmark=true</pre>
 *
 * It writes {@code build/benchmarks/attribution.md}. The model is the seeded, untrained default CNN: the cost of a
 * pass does not depend on the weights' values.
 */
@EnabledIfSystemProperty(named = "ecglab.benchmark", matches = "true")
class AttributionBenchmark {
    private static final int SALIENCY_ECGS = 256;
    private static final int IG_ECGS = 32;
    private static final int REPEATS = 3;
    private static final List<Integer> THREADS = List.of(1, 2);
    private static final List<String> ONEDNN_MODES = List.of(
            System.getProperty("ecglab.benchmark.onednn", "auto,off").split(","));

    private record Result(int threads, String oneDnn, double saliencyPerSecond, double igPerSecond) {
        String line() {
            return String.format(Locale.ROOT, "RESULT %d %s %.3f %.3f", threads, oneDnn, saliencyPerSecond,
                    igPerSecond);
        }

        static Result parse(String line) {
            String[] f = line.trim().split(" ");
            return new Result(Integer.parseInt(f[1]), f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]));
        }
    }

    @Test
    void measure() throws IOException, InterruptedException {
        List<Result> results = new ArrayList<>();
        for (String mode : ONEDNN_MODES) {
            for (int threads : THREADS) {
                results.add(runChild(threads, mode));
            }
        }
        BenchmarkJvm.report("attribution.md", markdown(results));
        for (Result r : results) {
            assertTrue(r.saliencyPerSecond() > r.igPerSecond(), r.toString());
        }
    }

    private static Result runChild(int threads, String mode) throws IOException, InterruptedException {
        String output = BenchmarkJvm.run(AttributionBenchmark.class, threads, GradientSelfCheck.PROPERTY + "=" + mode);
        return Result.parse(BenchmarkJvm.resultLines(output).get(0));
    }

    /** Child JVM: measures with the thread count and oneDNN setting it was started with. */
    public static void main(String[] args) {
        int threads = Integer.parseInt(System.getProperty("ai.djl.pytorch.num_threads", "1"));
        float[][][] ecgs = data().signals();
        Engine.getInstance().setRandomSeed(1);
        try (EcgClassifier model = EcgClassifier.of("bench", Architecture.defaultCnn(1).toBlock(),
                List.of("LBBB"))) {
            AttributionMethod saliency = new Saliency();
            AttributionMethod ig = new IntegratedGradients();
            float[][][] warm = Arrays.copyOf(ecgs, 16);
            saliency.attribute(model, warm, new int[warm.length], Baselines.zero());
            ig.attribute(model, Arrays.copyOf(warm, 2), new int[2], Baselines.zero());
            double sal = perSecond(saliency, model, Arrays.copyOf(ecgs, SALIENCY_ECGS));
            double igRate = perSecond(ig, model, Arrays.copyOf(ecgs, IG_ECGS));
            String oneDnn = GradientSelfCheck.oneDnnConvolutions() ? "on" : "off";
            System.out.println(new Result(threads, oneDnn, sal, igRate).line());
        }
    }

    private static double perSecond(AttributionMethod method, EcgClassifier model, float[][][] x) {
        int[] targets = new int[x.length];
        long start = System.nanoTime();
        for (int r = 0; r < REPEATS; r++) {
            method.attribute(model, x, targets, Baselines.zero());
        }
        return REPEATS * (double) x.length / ((System.nanoTime() - start) / 1e9);
    }

    private static EcgDataset data() {
        return new SyntheticEcgGenerator(SyntheticConfig.defaults()).dataset(30, 7);
    }

    private static String markdown(List<Result> results) {
        StringBuilder sb = new StringBuilder("# Attribution benchmark\n\n");
        sb.append(String.format(Locale.ROOT, "%s; %s; %d cores visible to the JVM (shared machine: numbers vary "
                + "with the other users' load); Java %s; DJL %s, PyTorch engine %s.%n%n", LocalDate.now(),
                CpuDescription.current(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Engine.getDjlVersion(), Engine.getInstance().getVersion()));
        sb.append(String.format(Locale.ROOT, "Default CNN (%,d parameters, 1 output), synthetic ECGs; saliency on %d "
                + "ECGs and integrated gradients (50 Gauss–Legendre steps) on %d ECGs, internal batch %d, %d repeats "
                + "after a warm-up. One child JVM per row.%n%n", Architecture.defaultCnn(1).trainableParameters(),
                SALIENCY_ECGS, IG_ECGS, GradientComputer.DEFAULT_INTERNAL_BATCH_SIZE, REPEATS));
        sb.append("| oneDNN convolutions | intra-op threads | saliency ECGs/s | integrated gradients ECGs/s |\n");
        sb.append("|---|---:|---:|---:|\n");
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f |%n", r.oneDnn(), r.threads(),
                    r.saliencyPerSecond(), r.igPerSecond()));
        }
        return sb.toString();
    }
}
