package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ecglab.BenchmarkJvm;
import org.ecglab.attribution.gradient.Saliency;
import org.ecglab.data.synthetic.SyntheticConfig;
import org.ecglab.data.synthetic.SyntheticEcgGenerator;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.runtime.CpuDescription;
import org.ecglab.runtime.GradientSelfCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Speed of every registered gradient, path and CAM method against its floor (a benchmark, not part of the normal test
 * run). The floor of a method is {@link GradientPassMethod#passesPerEcg()} times the cost of one forward and backward
 * pass per ECG, which is saliency's, measured in the same JVM at the same internal batch size right before each
 * method in each round, so that both see the same load from other users of a shared machine; the ratio is the median
 * over rounds of the method's time against that floor, the speed its fastest round. Default CNN (seeded, untrained: the cost of a pass does not depend on the weights' values), one
 * output, each method at its defaults (smoothgrad's three {@code nt_type}s cost the same). Each thread count runs in its
 * own child JVM (DJL fixes the thread count when the engine starts). Run from the project root with
 *
 * <pre>mvn -q -B -o -pl lib test -Dtest=GradientMethodsBenchmark -Decglab.benchmark=true</pre>
 *
 * It writes {@code build/benchmarks/gradient-methods.md} and fails if a method takes more than {@value #TARGET} times
 * its floor.
 */
@EnabledIfSystemProperty(named = "ecglab.benchmark", matches = "true")
class GradientMethodsBenchmark {
    static final double TARGET = 1.5;
    private static final Set<String> FAMILIES = Set.of("gradient", "path", "cam");
    private static final int ROUNDS = Integer.getInteger("ecglab.benchmark.rounds", 8);
    /** ECGs per round: enough rows for several full internal batches. */
    private static final int ECGS = 64;
    private static final int ECGS_OF_MANY_PASS_METHODS = 16;
    private static final List<Integer> THREADS = List.of(1, 2);

    private record Row(String id, int passes, double ecgsPerSecond, double ratio) {
    }

    @Test
    void measure() throws IOException, InterruptedException {
        List<List<Row>> byThreads = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int threads : THREADS) {
            String output = BenchmarkJvm.run(GradientMethodsBenchmark.class, threads);
            List<Row> rows = new ArrayList<>();
            for (String line : BenchmarkJvm.resultLines(output)) {
                String[] f = line.split(" ");
                rows.add(new Row(f[1], Integer.parseInt(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])));
            }
            byThreads.add(rows);
            notes.add(threads + " thread(s): oneDNN convolutions "
                    + (output.contains("oneDNN convolutions on") ? "on" : "off"));
        }
        assertEquals(byThreads.get(0).size(), byThreads.get(1).size());
        BenchmarkJvm.report("gradient-methods.md", markdown(byThreads, notes));
        for (List<Row> rows : byThreads) {
            for (Row r : rows) {
                assertTrue(r.ratio() <= TARGET, r + " is more than " + TARGET + " times its floor");
            }
        }
    }

    /** Child JVM: "RESULT id passes ecgsPerSecond ratioToFloor" per method, saliency first. */
    public static void main(String[] args) {
        float[][][] ecgs = new SyntheticEcgGenerator(SyntheticConfig.defaults()).dataset(ECGS / 9 + 1, 7).signals();
        ecgs = Arrays.copyOf(ecgs, ECGS);
        Engine.getInstance().setRandomSeed(1);
        List<GradientPassMethod> methods = methods();
        try (EcgClassifier model = EcgClassifier.of("bench", Architecture.defaultCnn(1), List.of("LBBB"))) {
            double[] best = new double[methods.size()];
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            double[][] ratios = new double[methods.size()][ROUNDS];
            for (GradientPassMethod m : methods) { // warm-up
                m.attribute(model, Arrays.copyOf(ecgs, 16), new int[16]);
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < methods.size(); i++) {
                    // the floor is timed right before each method, so the pair sees the same load
                    double pass = secondsPerEcg(methods.get(0), model, ecgs);
                    best[0] = Math.min(best[0], pass);
                    GradientPassMethod m = methods.get(i);
                    double t = secondsPerEcg(m, model,
                            Arrays.copyOf(ecgs, m.passesPerEcg() > 4 ? ECGS_OF_MANY_PASS_METHODS : ECGS));
                    best[i] = Math.min(best[i], t);
                    ratios[i][round] = t / (m.passesPerEcg() * pass);
                }
            }
            for (int i = 0; i < methods.size(); i++) {
                GradientPassMethod m = methods.get(i);
                System.out.println(String.format(Locale.ROOT, "RESULT %s %d %.3f %.4f", m.id(), m.passesPerEcg(),
                        1 / best[i], median(ratios[i])));
            }
            System.out.println("oneDNN convolutions " + (GradientSelfCheck.oneDnnConvolutions() ? "on" : "off"));
        }
    }

    private static double secondsPerEcg(AttributionMethod method, EcgClassifier model, float[][][] x) {
        long start = System.nanoTime();
        method.attribute(model, x, new int[x.length]);
        return (System.nanoTime() - start) / 1e9 / x.length;
    }

    /** The median of {@code values} (not modified). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Saliency (the one-pass floor) first, then every registered gradient, path and CAM method at its defaults. */
    static List<GradientPassMethod> methods() {
        List<GradientPassMethod> methods = new ArrayList<>(List.of(new Saliency()));
        for (MethodDescriptor<?> d : AttributionMethods.descriptors()) {
            if (FAMILIES.contains(d.family())) {
                methods.add((GradientPassMethod) AttributionMethods.create(d.id()));
            }
        }
        return methods;
    }

    private static String markdown(List<List<Row>> byThreads, List<String> notes) {
        StringBuilder sb = new StringBuilder("# Gradient, path and CAM methods against their floor\n\n");
        sb.append(String.format(Locale.ROOT, "%s; %s; %d cores visible to the JVM (shared machine: load average %s "
                + "when the report was written); Java %s; DJL %s.%n%n", LocalDate.now(), CpuDescription.current(),
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"),
                Engine.getDjlVersion()));
        sb.append(String.format(Locale.ROOT, "Default CNN (1 output), synthetic ECGs (%d per round, %d for methods of "
                + "more than 4 passes), internal batch %d, each method at its defaults; %d rounds after a warm-up; "
                + "ECGs/s from the fastest round. Floor = passes per ECG x saliency's seconds per ECG, timed right "
                + "before the method in the same round; ratio = median over rounds of seconds per ECG / floor (target: "
                + "at most %.1f).%n%n", ECGS, ECGS_OF_MANY_PASS_METHODS,
                GradientComputer.DEFAULT_INTERNAL_BATCH_SIZE, ROUNDS, TARGET));
        sb.append("| method | passes per ECG | ECGs/s, 1 thread | ratio to floor | ECGs/s, 2 threads | ratio to floor |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (int m = 1; m < byThreads.get(0).size(); m++) {
            Row one = byThreads.get(0).get(m);
            // the registry's saliency is timed like every method: its ratio to the floor shows the noise
            String name = one.id().equals(Saliency.ID) ? one.id() + " (timed again: the noise)" : one.id();
            sb.append(String.format(Locale.ROOT, "| %s | %d", name, one.passes()));
            for (List<Row> rows : byThreads) {
                Row r = rows.get(m);
                sb.append(String.format(Locale.ROOT, " | %s | %.2f", rate(r.ecgsPerSecond()), r.ratio()));
            }
            sb.append(" |\n");
        }
        sb.append(String.format(Locale.ROOT, "%nOne pass (saliency): %s ECGs/s with 1 thread, %s with 2. %s.%n",
                rate(byThreads.get(0).get(0).ecgsPerSecond()), rate(byThreads.get(1).get(0).ecgsPerSecond()),
                String.join("; ", notes)));
        return sb.toString();
    }

    private static String rate(double perSecond) {
        return perSecond >= 100 ? String.format(Locale.ROOT, "%.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /** The one-minute load average, as {@code /proc/loadavg} or the JVM reports it. */
    static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
    }
}
