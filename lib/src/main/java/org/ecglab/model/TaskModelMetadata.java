package org.ecglab.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.ecglab.data.DiagnosticClass;

/**
 * Everything of a {@link TrainedTaskModel} except its parameters, as the flat key–value form stored next to the
 * params file. Doubles are written with {@link Double#toString} and so read back exactly.
 */
record TaskModelMetadata(DiagnosticClass task, long seed, String dataset, Architecture architecture,
        TrainingConfig config, int epochsRun, int bestEpoch, double validationAuroc, double testAuroc,
        double testAuprc, List<Double> validationAurocHistory, List<Double> trainingLossHistory) {

    String id() {
        return TrainedTaskModel.id(task, seed);
    }

    TrainedTaskModel toModel(EcgClassifier classifier) {
        return new TrainedTaskModel(task, seed, architecture, config, dataset, classifier, epochsRun, bestEpoch,
                validationAuroc, testAuroc, testAuprc, validationAurocHistory, trainingLossHistory);
    }

    static Properties toProperties(TrainedTaskModel m) {
        Properties p = new Properties();
        p.setProperty("format", TaskModelStore.FORMAT);
        p.setProperty("id", m.id());
        p.setProperty("task", m.task().id());
        p.setProperty("seed", Long.toString(m.seed()));
        p.setProperty("dataset", m.dataset());
        SpecProperties.put(p, m.architecture(), m.config());
        p.setProperty("epochsRun", Integer.toString(m.epochsRun()));
        p.setProperty("bestEpoch", Integer.toString(m.bestEpoch()));
        p.setProperty("validationAuroc", Double.toString(m.validationAuroc()));
        p.setProperty("testAuroc", Double.toString(m.testAuroc()));
        p.setProperty("testAuprc", Double.toString(m.testAuprc()));
        p.setProperty("validationAurocHistory", join(m.validationAurocHistory()));
        p.setProperty("trainingLossHistory", join(m.trainingLossHistory()));
        return p;
    }

    /**
     * @throws IOException naming the file and the key that is missing or malformed
     */
    static TaskModelMetadata fromProperties(Properties p, Path file) throws IOException {
        Reader r = new Reader(p, file);
        try {
            if (!TaskModelStore.FORMAT.equals(r.string("format"))) {
                throw new IllegalArgumentException("unsupported format '" + p.getProperty("format") + "', expected "
                        + TaskModelStore.FORMAT);
            }
            Architecture architecture = SpecProperties.architecture(r);
            long seed = Long.parseLong(r.string("seed"));
            TrainingConfig config = SpecProperties.config(r, seed);
            TaskModelMetadata meta = new TaskModelMetadata(DiagnosticClass.parse(r.string("task")), seed,
                    r.string("dataset"), architecture, config, r.integer("epochsRun"), r.integer("bestEpoch"),
                    r.real("validationAuroc"), r.real("testAuroc"), r.real("testAuprc"),
                    r.reals("validationAurocHistory"), r.reals("trainingLossHistory"));
            if (!meta.id().equals(r.string("id"))) {
                throw new IllegalArgumentException("id " + p.getProperty("id") + " does not match task and seed ("
                        + meta.id() + ")");
            }
            if (meta.bestEpoch() < 1 || meta.bestEpoch() > meta.epochsRun()
                    || meta.validationAurocHistory().size() != meta.epochsRun()
                    || meta.trainingLossHistory().size() != meta.epochsRun()) {
                throw new IllegalArgumentException("epochsRun, bestEpoch and the histories disagree");
            }
            return meta;
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static String join(List<Double> values) {
        return values.stream().map(d -> Double.toString(d)).collect(Collectors.joining(","));
    }

    /** Typed reads that name the missing or malformed key. */
    record Reader(Properties p, Path file) {
        String string(String key) {
            String v = p.getProperty(key);
            if (v == null) {
                throw new IllegalArgumentException("missing key " + key);
            }
            return v;
        }

        int integer(String key) {
            try {
                return Integer.parseInt(string(key).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " is not an integer: '" + p.getProperty(key) + "'", e);
            }
        }

        double real(String key) {
            try {
                return Double.parseDouble(string(key).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " is not a number: '" + p.getProperty(key) + "'", e);
            }
        }

        List<Double> reals(String key) {
            String v = string(key).trim();
            if (v.isEmpty()) {
                return List.of();
            }
            try {
                return Arrays.stream(v.split(",")).map(s -> Double.parseDouble(s.trim())).toList();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " is not a comma-separated list of numbers", e);
            }
        }
    }
}
