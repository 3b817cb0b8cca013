package org.ecglab.experiment;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.AttributionMethods;
import org.ecglab.attribution.Baselines;
import org.ecglab.attribution.MaskedAttributionMethod;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.EcgDataset;
import org.ecglab.data.Split;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.registry.ModelRegistry;
import org.ecglab.registry.SuiteResult;
import org.ecglab.registry.TaskModelSuite;
import tech.tablesaw.api.Table;

/**
 * The same few ECGs of several classes, each with its class's task model, explained by one method after another:
 * what the method notebooks show side by side. For each class, the first {@code perClass} positive test ECGs (in
 * dataset order) and the seed-1 task model from the notebooks' shared registry, trained with
 * {@link LabDefaults#training} when it is not there yet. Every map explains the task model's logit (target 0).
 */
public final class ClassExamples implements AutoCloseable {
    private final EcgDataset data;
    private final SuiteResult models;
    private final Map<DiagnosticClass, int[]> ecgs;

    private ClassExamples(EcgDataset data, SuiteResult models, Map<DiagnosticClass, int[]> ecgs) {
        this.data = data;
        this.models = models;
        this.ecgs = ecgs;
    }

    /**
     * Loads (or trains) the seed-1 task models of {@code classes} on {@code data} and picks the examples.
     *
     * @throws IllegalArgumentException if a class has fewer than {@code perClass} positive test ECGs
     */
    public static ClassExamples load(Lab lab, EcgDataset data, List<DiagnosticClass> classes, int perClass) {
        Map<DiagnosticClass, int[]> ecgs = new LinkedHashMap<>();
        for (DiagnosticClass c : classes) {
            int[] positives = data.positives(Split.TEST, c);
            if (positives.length < perClass) {
                throw new IllegalArgumentException(data.name() + ": " + c.id() + " has " + positives.length
                        + " positive test ECGs; " + perClass + " asked for");
            }
            ecgs.put(c, Arrays.copyOf(positives, perClass));
        }
        SuiteResult models = new TaskModelSuite(new ModelRegistry(lab.models()), LabDefaults.training(lab))
                .trainOrLoad(data, classes, List.of(1L));
        return new ClassExamples(data, models, ecgs);
    }

    /** The classes, in the order given. */
    public List<DiagnosticClass> classes() {
        return List.copyOf(ecgs.keySet());
    }

    /** The data set. */
    public EcgDataset data() {
        return data;
    }

    /** The task model of {@code c}. */
    public EcgClassifier model(DiagnosticClass c) {
        return models.model(c, 1L).classifier();
    }

    /** Dataset indices of the examples of {@code c}. */
    public int[] indices(DiagnosticClass c) {
        return ecgs.get(Objects.requireNonNull(c, "class")).clone();
    }

    /** The examples of {@code c}, {@code [perClass][12][600]}. */
    public float[][][] signals(DiagnosticClass c) {
        return Arrays.stream(indices(c)).mapToObj(data::signal).toArray(float[][][]::new);
    }

    /** The task models' training table (test AUROC with intervals, whether loaded). */
    public Table models() {
        return models.table();
    }

    /** Method {@code id} with {@code parameters} on every class's examples, zero baselines. */
    public Map<DiagnosticClass, Attribution> explain(String id, Map<String, ?> parameters) {
        return explain(id, parameters, Baselines.zero());
    }

    /** Method {@code id} with {@code parameters} on every class's examples, against {@code baselines}. */
    public Map<DiagnosticClass, Attribution> explain(String id, Map<String, ?> parameters, Baselines baselines) {
        Map<DiagnosticClass, Attribution> out = new LinkedHashMap<>();
        for (DiagnosticClass c : classes()) {
            float[][][] x = signals(c);
            out.put(c, forExamples(AttributionMethods.create(id, parameters), c).attribute(model(c), x,
                    new int[x.length], baselines));
        }
        return out;
    }

    /**
     * {@code method} as it explains {@code c}'s examples: with a {@code waves} feature mask it takes the fiducial points
     * the examples carry (the generator's designed points), {@link MaskedAttributionMethod#withFiducialsOf}.
     */
    public AttributionMethod forExamples(AttributionMethod method, DiagnosticClass c) {
        return MaskedAttributionMethod.withFiducialsOf(method, data.subset(indices(c)));
    }

    /** The mean of {@code measure} over every map of {@code maps}, all classes pooled. */
    public static double mean(Map<DiagnosticClass, Attribution> maps, ToDoubleFunction<float[][]> measure) {
        return maps.values().stream().flatMap(a -> Arrays.stream(a.values())).mapToDouble(measure).average()
                .orElse(Double.NaN);
    }

    /**
     * The mean of {@code measure} over pairs of maps of the same ECG, one from {@code a} and one from {@code b}, all
     * classes pooled.
     */
    public static double mean(Map<DiagnosticClass, Attribution> a, Map<DiagnosticClass, Attribution> b,
            ToDoubleBiFunction<float[][], float[][]> measure) {
        double sum = 0;
        int n = 0;
        for (Map.Entry<DiagnosticClass, Attribution> e : a.entrySet()) {
            Attribution other = b.get(e.getKey());
            for (int i = 0; i < e.getValue().size(); i++) {
                sum += measure.applyAsDouble(e.getValue().map(i), other.map(i));
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public void close() {
        models.close();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ClassExamples[");
        ecgs.forEach((c, idx) -> sb.append(c.id()).append(": ").append(idx.length).append(" ECGs "));
        return sb.append("]").toString().replace(" ]", "]");
    }
}
