package org.ecglab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
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

    /** Receives each chunk's maps, in order. */
    @FunctionalInterface
    interface ChunkSink {
        /** The maps of the next chunk of ECGs. */
        void accept(Attribution chunk) throws IOException;
    }

    /**
     * All maps joined, for a selection small enough to hold (e.g. an interop bundle).
     *
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

    /**
     * The maps of {@code count} ECGs, read and handed to {@code sink} one chunk at a time, so memory holds one chunk
     * whatever {@code count} is.
     *
     * @throws IOException as {@code sink} throws
     */
    static void stream(AttributionMethod method, EcgClassifier model, int count, AttributionRunner.Inputs inputs,
            int[] targets, Baselines baselines, int ecgsPerCall, boolean showBar, ChunkSink sink) throws IOException {
        try (ConsoleProgress bar = ConsoleProgress.start(showBar, method.id(), count, " ECGs")) {
            new AttributionRunner(ecgsPerCall, (done, total) -> bar.stepTo(done)).forEachChunk(List.of(method), model,
                    count, inputs, targets, baselines, (from, maps) -> {
                        try {
                            sink.accept(maps.get(0));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
