package org.ecglab.attribution.backprop;

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
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.GradientComputer;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.runtime.CpuDescription;
import org.ecglab.runtime.GradientSelfCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Cost of the modified backward passes on the default CNN (a benchmark, not part of the normal test run): ECGs per
 * second of each method, and its ratio to its floor: the rows it runs through the network per ECG (one; DeepLIFT two,
 * the input and its baseline; DeepLIFT SHAP two per baseline, here {@value #SHAP_BASELINES}) times the cost of one
 * forward and backward pass per ECG, saliency's, measured in the same JVM at the same batch size right before the method
 * in each round (the ratio is the median over rounds, so other users' load hits both alike). Each thread count runs
 * in its own child JVM (DJL fixes threads when the engine starts). Fails if a propagation-family method takes more than
 * {@value #TARGET} times its floor (guided backpropagation and deconvolution are held to the gradient family's target
 * by {@code GradientMethodsBenchmark}).
 * Run from the project root with
 *
 * <pre>mvn -q -B -o -pl lib test -Dtest=PropagationBenchmark -Decglab.benchmark=true</pre>
 *
 * It writes {@code build/benchmarks/propagation.md}. The model is the seeded, untrained default CNN: the cost of a
 * pass does not depend on the weights' values.
 */
@EnabledIfSystemProperty(named = "ecglab.benchmark", matches = "true")
class PropagationBenchmark {
    private static final int ECGS = 64;
    private static final int REPEATS = 8;
    private static final int SHAP_BASELINES = 4;
    private static final double TARGET = 3;
    private static final List<Integer> THREADS = List.of(1, 2);
    private static final List<String> METHODS = List.of("saliency", "guided_backprop", "deconvolution", "deeplift",
            "deeplift_shap", "lrp_epsilon", "lrp_gamma", "lrp_alpha_beta", "lrp_z_plus", "lrp_flat",
            "lrp_epsilon_plus_flat", "lrp_epsilon_gamma_flat");

    @Test
    void measure() throws IOException, InterruptedException {
        StringBuilder sb = new StringBuilder("# Propagation benchmark\n\n");
        sb.append(String.format(Locale.ROOT, "%s; %s; %d cores visible to the JVM (shared machine: numbers vary with "
                + "the other users' load); Java %s; DJL %s.%n%n", LocalDate.now(), CpuDescription.current(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Engine.getDjlVersion()));
        sb.append(String.format(Locale.ROOT, "Default CNN (1 output), %d synthetic ECGs, internal batch %d, %d rounds "
                + "after a warm-up, ECGs/s from the fastest round; oneDNN as the gradient self-check leaves it. Floor = "
                + "rows per ECG x saliency's seconds per ECG (one forward and one backward pass), timed right before the "
                + "method in the same round; ratio = median over rounds of seconds per ECG / floor (target for the "
                + "propagation family: at most %.0f). DeepLIFT SHAP: %d baselines.%n%n",
                ECGS, GradientComputer.DEFAULT_INTERNAL_BATCH_SIZE, REPEATS, TARGET, SHAP_BASELINES));
        sb.append("| method | rows per ECG (floor passes) | ECGs/s, 1 thread | ratio to floor | ECGs/s, 2 threads "
                + "| ratio to floor |\n|---|---:|---:|---:|---:|---:|\n");
        List<List<double[]>> byThreads = new ArrayList<>();
        List<String> oneDnn = new ArrayList<>();
        for (int threads : THREADS) {
            String output = BenchmarkJvm.run(PropagationBenchmark.class, threads);
            List<double[]> rates = new ArrayList<>();
            for (String line : BenchmarkJvm.resultLines(output)) {
                String[] f = line.split(" ");
                rates.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
            }
            assertEquals(METHODS.size(), rates.size(), output);
            byThreads.add(rates);
            oneDnn.add(threads + " thread(s): oneDNN convolutions " + (output.contains("oneDNN convolutions on")
                    ? "on" : "off"));
        }
        for (int m = 0; m < METHODS.size(); m++) {
            sb.append("| ").append(METHODS.get(m)).append(" | ").append(floorPasses(METHODS.get(m)));
            for (List<double[]> rates : byThreads) {
                double[] r = rates.get(m);
                sb.append(String.format(Locale.ROOT, " | %.0f | %.2f", r[0], r[1]));
            }
            sb.append(" |\n");
        }
        sb.append("\n").append(String.join("; ", oneDnn)).append(".\n");
        BenchmarkJvm.report("propagation.md", sb.toString());
        for (List<double[]> rates : byThreads) {
            for (int m = 0; m < METHODS.size(); m++) {
                if (AttributionMethods.descriptor(METHODS.get(m)).family().equals("propagation")) {
                    assertTrue(rates.get(m)[1] <= TARGET, METHODS.get(m) + " takes " + rates.get(m)[1]
                            + " times its floor, more than " + TARGET);
                }
            }
        }
    }

    private static double secondsPerEcg(AttributionMethod method, EcgClassifier model, float[][][] x, int[] targets,
            Baselines baselines) {
        long start = System.nanoTime();
        method.attribute(model, x, targets, baselines);
        return (System.nanoTime() - start) / 1e9 / x.length;
    }

    /** Rows through the network per ECG: the input, and for DeepLIFT its baseline beside it in the batch. */
    private static int floorPasses(String id) {
        return switch (id) {
            case "deeplift" -> 2;
            case "deeplift_shap" -> 2 * SHAP_BASELINES;
            default -> 1;
        };
    }

    /** Child JVM: one RESULT line per method, "RESULT id ecgsPerSecond ratioToFloor". */
    public static void main(String[] args) {
        float[][][] ecgs = new SyntheticEcgGenerator(SyntheticConfig.defaults()).dataset(ECGS / 9 + 1, 7).signals();
        ecgs = Arrays.copyOf(ecgs, ECGS);
        Engine.getInstance().setRandomSeed(1);
        Baselines shap = Baselines.distribution(Arrays.copyOfRange(ecgs, 0, SHAP_BASELINES));
        try (EcgClassifier model = EcgClassifier.of("bench", Architecture.defaultCnn(1), List.of("LBBB"))) {
            int[] targets = new int[ecgs.length];
            double[] best = new double[METHODS.size()];
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (String id : METHODS) { // warm-up
                AttributionMethods.create(id).attribute(model, Arrays.copyOf(ecgs, 16), new int[16],
                        id.equals("deeplift_shap") ? shap : Baselines.zero());
            }
            // Rounds over all methods, keeping each one's fastest: other users' load on a shared machine only ever
            // slows a run down, so the minimum is the best estimate of the cost itself.
            double[][] ratios = new double[METHODS.size()][REPEATS];
            AttributionMethod saliency = AttributionMethods.create(METHODS.get(0));
            for (int round = 0; round < REPEATS; round++) {
                for (int m = 0; m < METHODS.size(); m++) {
                    // the floor is timed right before each method, so the pair sees the same load
                    double pass = secondsPerEcg(saliency, model, ecgs, targets, Baselines.zero());
                    best[0] = Math.min(best[0], pass);
                    String id = METHODS.get(m);
                    double t = secondsPerEcg(AttributionMethods.create(id), model, ecgs, targets,
                            id.equals("deeplift_shap") ? shap : Baselines.zero());
                    best[m] = Math.min(best[m], t);
                    ratios[m][round] = t / (floorPasses(id) * pass);
                }
            }
            for (int m = 0; m < METHODS.size(); m++) {
                double[] sorted = ratios[m].clone();
                Arrays.sort(sorted);
                double median = (sorted[(REPEATS - 1) / 2] + sorted[REPEATS / 2]) / 2;
                System.out.println(String.format(Locale.ROOT, "RESULT %s %.3f %.3f", METHODS.get(m), 1 / best[m],
                        median));
            }
            System.out.println("oneDNN convolutions " + (GradientSelfCheck.oneDnnConvolutions() ? "on" : "off"));
        }
    }
}
