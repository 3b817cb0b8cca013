package org.ecglab.model;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.ecglab.data.DiagnosticClass;
import org.ecglab.model.PercentileBootstrap.Estimate;

/**
 * Where a registered model came from and how well it did: what made it ({@link TrainingSpec}: architecture,
 * settings, data hash; plus seed, dataset name, library version, time) and its scores (validation AUROC of the kept
 * epoch, test AUROC and AUPRC with bootstrap intervals per output). Stored by {@link ModelRegistry} as
 * {@value #FILE} next to the model, so every number in a suite table can be traced to the code and data behind it.
 *
 * @param modelId         the model's id, unique per (outputs, seed), e.g. {@code "LBBB-seed3"}
 * @param kind            {@code "binary"} (one task model) or {@code "multilabel"} (one logit per output)
 * @param outputs         the diagnostic class of each logit
 * @param seed            training seed
 * @param spec            architecture, settings and dataset hash
 * @param datasetName     the dataset's name
 * @param epochsRun       epochs trained
 * @param bestEpoch       epoch whose parameters were kept
 * @param validationAuroc validation AUROC of the kept epoch (mean over outputs for a multi-label model)
 * @param validationAurocHistory validation AUROC after each epoch
 * @param trainingLossHistory    mean training loss of each epoch
 * @param test            test evaluation per output, index-aligned with {@code outputs}
 * @param libraryVersion  {@link LibraryVersion#get()} at training time
 * @param trainedAt       when training finished
 */
public record ModelProvenance(String modelId, String kind, List<DiagnosticClass> outputs, long seed,
        TrainingSpec spec, String datasetName, int epochsRun, int bestEpoch, double validationAuroc,
        List<Double> validationAurocHistory, List<Double> trainingLossHistory, List<TestEvaluation> test, String libraryVersion, Instant trainedAt) {
    /** File name inside a registry entry. */
    public static final String FILE = "provenance.properties";
    /** Version of the file's layout. */
    public static final String FORMAT = "ecglab-provenance-1";
    /** {@link #kind()} of a binary task model. */
    public static final String BINARY = "binary";
    /** {@link #kind()} of a multi-label model. */
    public static final String MULTILABEL = "multilabel";

    /**
     * @throws IllegalArgumentException if the kind is unknown or outputs and test evaluations differ in number
     */
    public ModelProvenance {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(datasetName, "datasetName");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        Objects.requireNonNull(trainedAt, "trainedAt");
        outputs = List.copyOf(outputs);
        test = List.copyOf(test);
        validationAurocHistory = List.copyOf(validationAurocHistory);
        trainingLossHistory = List.copyOf(trainingLossHistory);
        if (bestEpoch < 1 || bestEpoch > epochsRun || validationAurocHistory.size() != epochsRun
                || trainingLossHistory.size() != epochsRun) {
            throw new IllegalArgumentException("epochsRun (" + epochsRun + "), bestEpoch (" + bestEpoch
                    + ") and the histories (" + validationAurocHistory.size() + ", " + trainingLossHistory.size()
                    + " entries) disagree");
        }
        if (!BINARY.equals(kind) && !MULTILABEL.equals(kind)) {
            throw new IllegalArgumentException("kind must be " + BINARY + " or " + MULTILABEL + ", got " + kind);
        }
        if (outputs.isEmpty() || outputs.size() != test.size()) {
            throw new IllegalArgumentException("need one test evaluation per output, got " + outputs.size()
                    + " outputs and " + test.size() + " evaluations");
        }
    }

    /** Provenance of a freshly trained binary task model. */
    public static ModelProvenance of(TrainedTaskModel model, String datasetHash, TestEvaluation test) {
        return new ModelProvenance(model.id(), BINARY, List.of(model.task()), model.seed(),
                new TrainingSpec(model.architecture(), model.config(), datasetHash), model.dataset(),
                model.epochsRun(), model.bestEpoch(), model.validationAuroc(), model.validationAurocHistory(),
                model.trainingLossHistory(), List.of(test), LibraryVersion.get(),
                Instant.now());
    }

    /** The test evaluation of {@code task}'s output. */
    public TestEvaluation test(DiagnosticClass task) {
        int k = outputs.indexOf(task);
        if (k < 0) {
            throw new IllegalArgumentException(modelId + " has no output for " + task.id() + "; outputs " + outputs);
        }
        return test.get(k);
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("modelId", modelId);
        p.setProperty("kind", kind);
        p.setProperty("outputs", String.join(",", outputs.stream().map(DiagnosticClass::id).toList()));
        p.setProperty("seed", Long.toString(seed));
        SpecProperties.put(p, spec.architecture(), spec.config());
        p.setProperty("dataset.name", datasetName);
        p.setProperty("dataset.sha256", spec.datasetHash());
        p.setProperty("epochsRun", Integer.toString(epochsRun));
        p.setProperty("bestEpoch", Integer.toString(bestEpoch));
        p.setProperty("validationAuroc", Double.toString(validationAuroc));
        p.setProperty("validationAurocHistory", TaskModelMetadata.join(validationAurocHistory));
        p.setProperty("trainingLossHistory", TaskModelMetadata.join(trainingLossHistory));
        for (int k = 0; k < outputs.size(); k++) {
            String prefix = "test." + outputs.get(k).id() + ".";
            TestEvaluation t = test.get(k);
            p.setProperty(prefix + "positives", Integer.toString(t.positives()));
            p.setProperty(prefix + "negatives", Integer.toString(t.negatives()));
            putEstimate(p, prefix + "auroc.", t.auroc());
            putEstimate(p, prefix + "auprc.", t.auprc());
        }
        p.setProperty("library.version", libraryVersion);
        p.setProperty("trainedAt", trainedAt.toString());
        return p;
    }

    /**
     * @throws IOException naming the file and the key that is missing or malformed
     */
    static ModelProvenance fromProperties(Properties p, Path file) throws IOException {
        TaskModelMetadata.Reader r = new TaskModelMetadata.Reader(p, file);
        try {
            if (!FORMAT.equals(r.string("format"))) {
                throw new IllegalArgumentException("unsupported format '" + p.getProperty("format") + "', expected "
                        + FORMAT);
            }
            Architecture architecture = SpecProperties.architecture(r);
            long seed = Long.parseLong(r.string("seed").trim());
            TrainingConfig config = SpecProperties.config(r, seed);
            List<DiagnosticClass> outputs = new ArrayList<>();
            List<TestEvaluation> tests = new ArrayList<>();
            for (String id : r.string("outputs").split(",")) {
                DiagnosticClass c = DiagnosticClass.parse(id);
                String prefix = "test." + c.id() + ".";
                outputs.add(c);
                tests.add(new TestEvaluation(estimate(r, prefix + "auroc."), estimate(r, prefix + "auprc."),
                        r.integer(prefix + "positives"), r.integer(prefix + "negatives")));
            }
            return new ModelProvenance(r.string("modelId"), r.string("kind"), outputs, seed,
                    new TrainingSpec(architecture, config, r.string("dataset.sha256")), r.string("dataset.name"),
                    r.integer("epochsRun"), r.integer("bestEpoch"), r.real("validationAuroc"),
                    r.reals("validationAurocHistory"), r.reals("trainingLossHistory"), tests,
                    r.string("library.version"), Instant.parse(r.string("trainedAt")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static void putEstimate(Properties p, String prefix, Estimate e) {
        p.setProperty(prefix + "estimate", Double.toString(e.estimate()));
        p.setProperty(prefix + "lower", Double.toString(e.lower()));
        p.setProperty(prefix + "upper", Double.toString(e.upper()));
        p.setProperty(prefix + "n", Integer.toString(e.n()));
        p.setProperty(prefix + "level", Double.toString(e.level()));
        p.setProperty(prefix + "resamples", Integer.toString(e.resamples()));
        p.setProperty(prefix + "skipped", Integer.toString(e.skipped()));
        p.setProperty(prefix + "seed", Long.toString(e.seed()));
    }

    private static Estimate estimate(TaskModelMetadata.Reader r, String prefix) {
        return new Estimate(r.real(prefix + "estimate"), r.real(prefix + "lower"), r.real(prefix + "upper"),
                r.integer(prefix + "n"), r.real(prefix + "level"), r.integer(prefix + "resamples"),
                r.integer(prefix + "skipped"), Long.parseLong(r.string(prefix + "seed").trim()));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ModelProvenance[%s, %s, data %s (%s..), best epoch %d of %d, val AUROC"
                + " %.4f, library %s, %s]", modelId, spec.architecture().name(), datasetName,
                org.ecglab.data.DatasetHash.shortForm(spec.datasetHash()), bestEpoch, epochsRun, validationAuroc,
                libraryVersion, trainedAt);
    }
}
