package org.ecglab.attribution.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * second of each method, and its ratio to the floor, one forward and one backward pass per ECG as saliency needs
 * (measured in the same JVM, same batch size). DeepLIFT SHAP is measured against 4 baselines and reported per
 * (input, baseline) pair. Each thread count runs in its own child JVM (DJL fixes threads when the engine starts).
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
                + "after a warm-up, fastest round per method; oneDNN as the gradient self-check leaves it. Ratio = seconds per ECG / seconds per "
                + "ECG of saliency (one forward and one backward pass). DeepLIFT SHAP: %d baselines, per pair.%n%n",
                ECGS, GradientComputer.DEFAULT_INTERNAL_BATCH_SIZE, REPEATS, SHAP_BASELINES));
        sb.append("| method | ECGs/s, 1 thread | ratio | ECGs/s, 2 threads | ratio |\n|---|---:|---:|---:|---:|\n");
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
            sb.append("| ").append(METHODS.get(m));
            for (List<double[]> rates : byThreads) {
                double[] r = rates.get(m);
                sb.append(String.format(Locale.ROOT, " | %.0f | %.2f", r[0], r[1]));
            }
            sb.append(" |\n");
        }
        sb.append("\n").append(String.join("; ", oneDnn)).append(".\n");
        BenchmarkJvm.report("propagation.md", sb.toString());
    }

    /** Child JVM: one RESULT line per method, "RESULT id ecgsPerSecond ratio". */
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
            for (int round = 0; round < REPEATS; round++) {
                for (int m = 0; m < METHODS.size(); m++) {
                    String id = METHODS.get(m);
                    AttributionMethod method = AttributionMethods.create(id);
                    Baselines b = id.equals("deeplift_shap") ? shap : Baselines.zero();
                    int pairs = id.equals("deeplift_shap") ? SHAP_BASELINES : 1;
                    long start = System.nanoTime();
                    method.attribute(model, ecgs, targets, b);
                    best[m] = Math.min(best[m], (System.nanoTime() - start) / 1e9 / (ecgs.length * (double) pairs));
                }
            }
            for (int m = 0; m < METHODS.size(); m++) {
                System.out.println(String.format(Locale.ROOT, "RESULT %s %.3f %.3f", METHODS.get(m), 1 / best[m],
                        best[m] / best[0]));
            }
            System.out.println("oneDNN convolutions " + (GradientSelfCheck.oneDnnConvolutions() ? "on" : "off"));
        }
    }
}
