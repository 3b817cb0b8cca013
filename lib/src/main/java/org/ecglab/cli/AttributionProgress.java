package org.ecglab.cli;

import org.ecglab.attribution.Attribution;
import org.ecglab.attribution.AttributionMethod;
import org.ecglab.attribution.AttributionRunner;
import org.ecglab.attribution.Baselines;
import org.ecglab.nn.EcgClassifier;
import org.ecglab.train.ConsoleProgress;

/** One method over the selected ECGs through the library's {@link AttributionRunner}, with a bar on stderr. */
final class AttributionProgress {
    private AttributionProgress() {
    }

    /**
     * @param ecgsPerCall ECGs per call of the method (the bar moves after each call)
     * @param showBar     draw a progress bar on {@code System.err}
     * @throws IllegalArgumentException if there are no inputs, {@code ecgsPerCall < 1}, or the method rejects them
     */
    static Attribution run(AttributionMethod method, EcgClassifier model, float[][][] inputs, int[] targets,
            Baselines baselines, int ecgsPerCall, boolean showBar) {
        try (ConsoleProgress bar = ConsoleProgress.start(showBar, method.id(), inputs.length, " ECGs")) {
            return new AttributionRunner(ecgsPerCall, (done, total) -> bar.stepTo(done)).run(method, model, inputs,
                    targets, baselines);
        }
    }
}
