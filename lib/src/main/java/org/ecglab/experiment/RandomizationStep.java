package org.ecglab.experiment;

import java.util.Objects;
import org.ecglab.nn.EcgClassifier;

/**
 * One model of a randomisation series: a copy of the trained model in which some layers were re-initialised.
 * Owns the copy's native memory.
 *
 * @param layerIndex index (in {@link Architecture#layers()}) of the layer re-initialised at this step: in a
 *                   cascade the lowest re-initialised layer so far, in independent mode the only one
 * @param label      that layer as {@code "<index> <type>"}, e.g. {@code "17 linear"}, for tables and plots
 * @param model      the randomised copy
 */
public record RandomizationStep(int layerIndex, String label, EcgClassifier model) implements AutoCloseable {
    public RandomizationStep {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(model, "model");
    }

    @Override
    public void close() {
        model.close();
    }
}
