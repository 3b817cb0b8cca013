package org.ecglab.attribution.perturbation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.nn.Tensors;
import org.ecglab.runtime.CpuDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The perturbation family's speed (a benchmark, not part of the normal test run), on the default CNN with one
 * PyTorch thread:
 * <ol>
 *   <li>model evaluations per second of each method against the floor: the evaluations it needs times the cost of
 *       one forward pass of {@value BatchedEvaluator#DEFAULT_PERTURBATIONS_PER_EVAL} ECGs already in native memory
 *       (the ratio says what building the perturbed inputs, copying them and fitting surrogates add);</li>
 *   <li>the cost of each method per ECG at its default parameters.</li>
 * </ol>
 * Run from the project root with
 * <pre>mvn -q -B -o -pl lib test -Dtest=PerturbationBenchmark -Decglab.benchmark=true</pre>
 * It writes {@code build/benchmarks/perturbation.md}. The model is the seeded, untrained default CNN: the cost of a
 * pass does not depend on the weights' values.
 */
@EnabledIfSystemProperty(named = "ecglab.benchmark", matches = "true")
class PerturbationBenchmark {
    private static final int BATCH = BatchedEvaluator.DEFAULT_PERTURBATIONS_PER_EVAL;
    private static final int REPEATS = 3;
    private static final int ROUNDS = 5;

    /** A setting to time: method, parameters, ECGs, and the evaluations it needs per ECG. */
    private record Case(String id, Map<String, Object> params, int ecgs, long evaluationsPerEcg) {
    }

    private static final List<Case> THROUGHPUT = List.of(
            new Case("occlusion", Map.of("sliding_window_shapes", "1,50", "strides", "1,25"), 8, 12 * 23 + 1),
            new Case("feature_ablation", Map.of("feature_mask", "segments:10:per_lead"), 4, 721),
            new Case("lime", Map.of("feature_mask", "waves:per_lead", "n_samples", 500), 4, 500),
            new Case("kernel_shap", Map.of("feature_mask", "waves:per_lead", "n_samples", 500), 4, 500),
            new Case("shapley_sampling", Map.of("feature_mask", "waves:per_lead", "n_samples", 10), 4, 10 * 72 + 1));

    private static final List<Case> DEFAULTS = List.of(
            new Case("occlusion", Map.of(), 1, 12 * 551 + 1),
            new Case("feature_ablation", Map.of(), 1, 7201),
            new Case("lime", Map.of(), 2, 50),
            new Case("kernel_shap", Map.of(), 2, 25),
            new Case("shapley_sampling", Map.of(), 1, 25 * 7200 + 1));

    @Test
    void measure() throws IOException {
        float[][][] ecgs = new SyntheticEcgGenerator(SyntheticConfig.defaults()).dataset(5, 7).signals();
        Engine.getInstance().setRandomSeed(1);
        StringBuilder md = new StringBuilder("# Perturbation benchmark\n\n");
        md.append(String.format(Locale.ROOT, "%s; %s; %d cores visible (shared machine); Java %s; DJL %s, PyTorch %s, "
                + "one intra-op thread. Default CNN (%,d parameters), untrained, synthetic ECGs.%n%n", LocalDate.now(),
                CpuDescription.current(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Engine.getDjlVersion(), Engine.getInstance().getVersion(),
                Architecture.defaultCnn(1).trainableParameters()));
        List<Double> ratios = new ArrayList<>();

        try (EcgClassifier model = EcgClassifier.of("bench", Architecture.defaultCnn(1), List.of("LBBB"))) {
            for (Case c : THROUGHPUT) {
                time(model, new Case(c.id(), c.params(), 1, c.evaluationsPerEcg()), ecgs, 1); // warm-up
            }
            md.append(String.format(Locale.ROOT, "Floor: the time of the forward passes a method needs, %d ECGs per pass "
                    + "already in native memory (as many passes as its evaluations fill). The machine is shared, so "
                    + "each method runs %d times, each run right after its own floor run of the same length, and the "
                    + "table gives the median ratio of a run's time to its floor (and the lowest).%n%n", BATCH, ROUNDS));
            md.append("| method | parameters | ECGs | evaluations | evaluations/s (median) | time / floor, median | lowest |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|\n");
            for (Case c : THROUGHPUT) {
                long evaluations = c.evaluationsPerEcg() * c.ecgs();
                double[] ratio = new double[ROUNDS];
                double[] rate = new double[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    double floor = floorSeconds(model, ecgs, evaluations);
                    double seconds = time(model, c, ecgs, 1);
                    ratio[r] = seconds / floor;
                    rate[r] = evaluations / seconds;
                }
                Arrays.sort(ratio);
                Arrays.sort(rate);
                ratios.add(ratio[ROUNDS / 2]);
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %,d | %.0f | %.2f | %.2f |%n", c.id(), c.params(),
                        c.ecgs(), evaluations, rate[ROUNDS / 2], ratio[ROUNDS / 2], ratio[0]));
            }
            md.append("\nCost per ECG at the default parameters (best of " + REPEATS + " runs; one run for "
                    + "shapley_sampling):\n\n");
            md.append("| method | evaluations per ECG | seconds per ECG |\n|---|---:|---:|\n");
            for (Case c : DEFAULTS) {
                double seconds = time(model, c, ecgs, c.evaluationsPerEcg() > 100_000 ? 1 : REPEATS) / c.ecgs();
                md.append(String.format(Locale.ROOT, "| %s | %,d | %.2f |%n", c.id(), c.evaluationsPerEcg(), seconds));
            }
        }
        System.out.println(md);
        Path out = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent()
                .resolve("build/benchmarks/perturbation.md");
        Files.createDirectories(out.getParent());
        Path tmp = Files.createTempFile(out.getParent(), "perturbation", ".md.tmp");
        Files.writeString(tmp, md.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("written to " + out);
        for (double r : ratios) {
            assertTrue(r <= 1.5, "a method is more than 1.5 times slower than its evaluations: " + ratios);
        }
    }

    /** Seconds for the forward passes of {@code evaluations} inputs, {@link #BATCH} per pass, already in native memory. */
    private static double floorSeconds(EcgClassifier model, float[][][] ecgs, long evaluations) {
        float[][][] batch = new float[BATCH][][];
        for (int i = 0; i < BATCH; i++) {
            batch[i] = ecgs[i % ecgs.length];
        }
        long passes = (evaluations + BATCH - 1) / BATCH;
        try (NDManager m = model.manager().newSubManager()) {
            NDArray x = Tensors.signals(m, batch, 0, BATCH);
            long start = System.nanoTime();
            for (long p = 0; p < passes; p++) {
                try (NDManager pass = m.newSubManager()) {
                    NDArray in = x.duplicate();
                    in.attach(pass);
                    model.forward(in).toFloatArray();
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Seconds for one call of the case's method on its first ECGs: the best of {@code repeats} calls. */
    private static double time(EcgClassifier model, Case c, float[][][] ecgs, int repeats) {
        AttributionMethod method = AttributionMethods.create(c.id(), c.params());
        float[][][] x = Arrays.copyOf(ecgs, c.ecgs());
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            method.attribute(model, x, new int[x.length]);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }
}
