package org.ecglab.registry;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.data.io.Json;
import org.ecglab.data.io.JsonFields;
import org.ecglab.nn.Architecture;
import org.ecglab.nn.LayerSpec;
import org.ecglab.nn.LayerSpecs;
import org.ecglab.stats.PercentileBootstrap.Estimate;
import org.ecglab.train.TestEvaluation;
import org.ecglab.train.TrainingConfig;

/**
 * The one on-disk form of a registry entry's {@link ModelProvenance}, plus the name and SHA-256 of its weights file:
 *
 * <pre>
 * {
 *   "format": "ecglab-registry-entry-1",
 *   "model_id": "LBBB-seed1", "kind": "binary", "outputs": ["LBBB"], "seed": 1,
 *   "architecture": {"name": "default-cnn", "layers": [{"type": "conv1d", "in_channels": 12, ...}, ...]},
 *   "training": {"max_epochs": 30, "batch_size": 32, "learning_rate": 0.001, "patience": 5, "balance_classes": false},
 *   "dataset": {"name": "synthetic(seed=1, perClass=300)", "sha256": "..."},
 *   "epochs_run": 7, "best_epoch": 2, "validation_auroc": 0.998,
 *   "validation_auroc_history": [...], "training_loss_history": [...],
 *   "test": {"LBBB": {"positives": 60, "negatives": 480,
 *                     "auroc": {"estimate": ..., "lower": ..., "upper": ..., "n": 540, "level": 0.95,
 *                               "resamples": 1000, "skipped": 0, "seed": 1},
 *                     "auprc": {...}}},
 *   "weights": {"file": "LBBB-seed1-0000.params", "sha256": "..."},
 *   "library_version": "0.1.0-SNAPSHOT", "trained_at": "2026-01-01T12:00:00Z"
 * }
 * </pre>
 *
 * Layers are written as in the interop bundle's {@code model.json} ({@link LayerSpecs#toJson}). Doubles are written
 * in Java's shortest round-trip form and so read back exactly; an undefined interval bound (NaN) is written as
 * {@code null}, as JSON has no NaN.
 */
final class ProvenanceJson {
    /** Format tag; readers reject other values. */
    static final String FORMAT = "ecglab-registry-entry-1";

    private ProvenanceJson() {
    }

    /**
     * The weights file of an entry.
     *
     * @param file   its name inside the entry folder
     * @param sha256 SHA-256 of its bytes, lower-case hex
     */
    record Weights(String file, String sha256) {
    }

    /** An entry's provenance and weights file, as read. */
    record Entry(ModelProvenance provenance, Weights weights) {
    }

    static String write(ModelProvenance p, Weights weights) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("model_id", p.modelId());
        root.put("kind", p.kind());
        root.put("outputs", p.outputs().stream().map(DiagnosticClass::id).toList());
        root.put("seed", p.seed());
        Map<String, Object> architecture = new LinkedHashMap<>();
        architecture.put("name", p.spec().architecture().name());
        architecture.put("layers", LayerSpecs.toJson(p.spec().architecture().layers()));
        root.put("architecture", architecture);
        TrainingConfig c = p.spec().config();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("max_epochs", c.maxEpochs());
        training.put("batch_size", c.batchSize());
        training.put("learning_rate", c.learningRate());
        training.put("patience", c.patience());
        training.put("balance_classes", c.balanceClasses());
        root.put("training", training);
        root.put("dataset", Map.of("name", p.datasetName(), "sha256", p.spec().datasetHash()));
        root.put("epochs_run", p.epochsRun());
        root.put("best_epoch", p.bestEpoch());
        root.put("validation_auroc", p.validationAuroc());
        root.put("validation_auroc_history", p.validationAurocHistory());
        root.put("training_loss_history", p.trainingLossHistory());
        Map<String, Object> test = new LinkedHashMap<>();
        for (int k = 0; k < p.outputs().size(); k++) {
            TestEvaluation t = p.test().get(k);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("positives", t.positives());
            one.put("negatives", t.negatives());
            one.put("auroc", estimate(t.auroc()));
            one.put("auprc", estimate(t.auprc()));
            test.put(p.outputs().get(k).id(), one);
        }
        root.put("test", test);
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("file", weights.file());
        w.put("sha256", weights.sha256());
        root.put("weights", w);
        root.put("library_version", p.libraryVersion());
        root.put("trained_at", p.trainedAt().toString());
        return Json.write(root);
    }

    /**
     * @param source names the file in error messages
     * @throws IllegalArgumentException naming the source and the field that is missing or malformed
     */
    static Entry read(String text, String source) {
        JsonFields root = JsonFields.parse(text, source);
        String format = root.string("format");
        if (!FORMAT.equals(format)) {
            throw root.error("format", "is '" + format + "', expected '" + FORMAT + "'");
        }
        JsonFields arch = root.object("architecture");
        Architecture architecture = architecture(arch);
        long seed = root.longValue("seed");
        JsonFields t = root.object("training");
        TrainingConfig config = config(t, seed);
        List<DiagnosticClass> outputs = new ArrayList<>();
        List<TestEvaluation> tests = new ArrayList<>();
        JsonFields test = root.object("test");
        for (String id : root.strings("outputs")) {
            DiagnosticClass c;
            try {
                c = DiagnosticClass.parse(id);
            } catch (IllegalArgumentException e) {
                throw root.error("outputs", e.getMessage());
            }
            JsonFields one = test.object(c.id());
            outputs.add(c);
            tests.add(new TestEvaluation(estimate(one.object("auroc")), estimate(one.object("auprc")),
                    one.integer("positives"), one.integer("negatives")));
        }
        JsonFields dataset = root.object("dataset");
        JsonFields weights = root.object("weights");
        Instant trainedAt;
        try {
            trainedAt = Instant.parse(root.string("trained_at"));
        } catch (DateTimeParseException e) {
            throw root.error("trained_at", "is not an ISO-8601 instant: " + e.getMessage());
        }
        String modelId = root.string("model_id");
        String kind = root.string("kind");
        String datasetHash = dataset.string("sha256");
        String datasetName = dataset.string("name");
        int epochsRun = root.integer("epochs_run");
        int bestEpoch = root.integer("best_epoch");
        double validationAuroc = root.real("validation_auroc");
        List<Double> aurocHistory = root.reals("validation_auroc_history");
        List<Double> lossHistory = root.reals("training_loss_history");
        String libraryVersion = root.string("library_version");
        Weights w = new Weights(weights.string("file"), weights.string("sha256"));
        try {
            return new Entry(new ModelProvenance(modelId, kind, outputs, seed,
                    new TrainingSpec(architecture, config, datasetHash), datasetName, epochsRun, bestEpoch,
                    validationAuroc, aurocHistory, lossHistory, tests, libraryVersion, trainedAt), w);
        } catch (IllegalArgumentException e) {
            throw root.problem(e.getMessage());
        }
    }

    /** The stored settings with the given seed, progress bars off. */
    private static TrainingConfig config(JsonFields t, long seed) {
        int maxEpochs = t.integer("max_epochs");
        int batchSize = t.integer("batch_size");
        double learningRate = t.real("learning_rate");
        int patience = t.integer("patience");
        boolean balance = t.bool("balance_classes");
        try {
            return new TrainingConfig(maxEpochs, batchSize, learningRate, patience, seed, balance, false);
        } catch (IllegalArgumentException e) {
            throw t.problem(e.getMessage());
        }
    }

    private static Architecture architecture(JsonFields arch) {
        String name = arch.string("name");
        List<LayerSpec> layers = LayerSpecs.fromJson(arch.objects("layers"));
        try {
            return new Architecture(name, layers);
        } catch (IllegalArgumentException e) {
            throw arch.problem(e.getMessage());
        }
    }

    private static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimate", definedOrNull(e.estimate()));
        m.put("lower", definedOrNull(e.lower()));
        m.put("upper", definedOrNull(e.upper()));
        m.put("n", e.n());
        m.put("level", e.level());
        m.put("resamples", e.resamples());
        m.put("skipped", e.skipped());
        m.put("seed", e.seed());
        return m;
    }

    private static Estimate estimate(JsonFields f) {
        return new Estimate(f.realOrNaN("estimate"), f.realOrNaN("lower"), f.realOrNaN("upper"), f.integer("n"),
                f.real("level"), f.integer("resamples"), f.integer("skipped"), f.longValue("seed"));
    }

    private static Double definedOrNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
