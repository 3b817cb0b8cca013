package org.ecglab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The architecture and training settings as flat properties ({@code architecture.*}, {@code config.*}), written and
 * read in one place: the task-model metadata and the registry's provenance both store them, and a stored model is
 * reused only if they read back equal.
 */
final class SpecProperties {
    private SpecProperties() {
    }

    /** Writes the architecture's layers and the settings that change training (not the seed or progress flag). */
    static void put(Properties p, Architecture architecture, TrainingConfig c) {
        p.setProperty("architecture.name", architecture.name());
        List<LayerSpec> layers = architecture.layers();
        p.setProperty("architecture.layers", Integer.toString(layers.size()));
        for (int i = 0; i < layers.size(); i++) {
            p.setProperty("architecture.layer." + i, LayerSpecs.format(layers.get(i)));
        }
        p.setProperty("config.maxEpochs", Integer.toString(c.maxEpochs()));
        p.setProperty("config.batchSize", Integer.toString(c.batchSize()));
        p.setProperty("config.learningRate", Double.toString(c.learningRate()));
        p.setProperty("config.patience", Integer.toString(c.patience()));
        p.setProperty("config.balanceClasses", Boolean.toString(c.balanceClasses()));
    }

    /** Reads what {@link #put} wrote; throws IllegalArgumentException naming a missing or malformed key. */
    static Architecture architecture(TaskModelMetadata.Reader r) {
        int n = r.integer("architecture.layers");
        List<LayerSpec> layers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            layers.add(LayerSpecs.parse(r.string("architecture.layer." + i)));
        }
        return new Architecture(r.string("architecture.name"), layers);
    }

    /** The stored settings with the given seed, progress bars off. */
    static TrainingConfig config(TaskModelMetadata.Reader r, long seed) {
        return new TrainingConfig(r.integer("config.maxEpochs"), r.integer("config.batchSize"),
                r.real("config.learningRate"), r.integer("config.patience"), seed,
                Boolean.parseBoolean(r.string("config.balanceClasses")), false);
    }
}
