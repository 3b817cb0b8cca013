package org.ecglab.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecglab.nn.EcgClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chunks in input order, progress in maps done, and joined results equal to one call over all ECGs. */
class AttributionRunnerTest {
    private static EcgClassifier model;
    private static final float[][][] ECGS = TinyModels.ecgs(7, 3);
    private static final int[] TARGETS = {0, 1, 0, 1, 1, 0, 1};

    @BeforeAll
    static void setUp() {
        model = TinyModels.cnn(4, true);
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    @Test
    void joinedChunksEqualOneCallOverAllEcgs() {
        AttributionMethod ig = AttributionMethods.create("integrated_gradients", Map.of("n_steps", 6));
        Attribution whole = ig.attribute(model, ECGS, TARGETS);
        List<long[]> progress = new ArrayList<>();
        Attribution joined = new AttributionRunner(3, (done, total) -> progress.add(new long[] {done, total}))
                .run(ig, model, ECGS, TARGETS, Baselines.zero());
        // Chunks of 3, 3 and 1 ECG are explained separately; the method is deterministic and batch-size invariant.
        assertEquals(0, TinyModels.maxAbsDiff(whole.values(), joined.values()), 1e-6);
        assertArrayEquals(whole.convergenceDelta(), joined.convergenceDelta(), 1e-6);
        assertEquals(whole.methodId(), joined.methodId());
        assertEquals(whole.parameters(), joined.parameters());
        assertEquals(List.of(3L, 6L, 7L), progress.stream().map(p -> p[0]).toList());
        assertEquals(List.of(7L, 7L, 7L), progress.stream().map(p -> p[1]).toList());
    }

    @Test
    void everyChunkHasEveryMethodInOrderAndProgressCountsMaps() {
        List<AttributionMethod> methods = List.of(AttributionMethods.create("saliency"),
                AttributionMethods.create("saliency", Map.of("abs", false)));
        List<Integer> starts = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        new AttributionRunner(4, (d, total) -> {
            assertEquals(14, total); // 7 ECGs x 2 methods
            done.add(d);
        }).forEachChunk(methods, model, ECGS, TARGETS, Baselines.zero(), (from, maps) -> {
            starts.add(from);
            assertEquals(2, maps.size());
            int n = maps.get(0).size();
            for (int e = 0; e < n; e++) {
                float[][] abs = maps.get(0).map(e);
                float[][] signed = maps.get(1).map(e);
                assertEquals(Math.abs(signed[3][100]), abs[3][100], 0); // the method order is kept
            }
        });
        assertEquals(List.of(0, 4), starts);
        assertEquals(List.of(4L, 8L, 11L, 14L), done);
    }

    @Test
    void badRunsAreRefused() {
        AttributionMethod saliency = AttributionMethods.create("saliency");
        assertThrows(IllegalArgumentException.class, () -> new AttributionRunner(0, ProgressListener.NONE));
        AttributionRunner runner = new AttributionRunner(2, ProgressListener.NONE);
        assertThrows(IllegalArgumentException.class, () -> runner.run(saliency, model, new float[0][][], new int[0], Baselines.zero()));
        assertThrows(IllegalArgumentException.class, () -> runner.run(saliency, model, ECGS, new int[2], Baselines.zero()));
        assertThrows(IllegalArgumentException.class,
                () -> runner.forEachChunk(List.of(), model, ECGS, TARGETS, Baselines.zero(), (from, maps) -> { }));
    }
}
